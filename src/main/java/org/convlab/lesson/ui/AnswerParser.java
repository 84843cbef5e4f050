package org.convlab.lesson.ui;

import java.util.OptionalDouble;

/**
 * Reads a learner's typed answer: whole numbers, decimals with a point or a comma, fractions such
 * as "7/9", thousands separators ("485,514" or "485 514") and the typographic minus.
 */
final class AnswerParser {

    private AnswerParser() {}

    static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String cleaned = text.strip().replace('−', '-').replace(" ", "").replace(" ", "");
        if (cleaned.matches("-?\\d{1,3}(,\\d{3})+")) {
            cleaned = cleaned.replace(",", "");
        }
        cleaned = cleaned.replace(',', '.');
        try {
            int slash = cleaned.indexOf('/');
            if (slash > 0) {
                double denominator = Double.parseDouble(cleaned.substring(slash + 1));
                return denominator == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(Double.parseDouble(cleaned.substring(0, slash)) / denominator);
            }
            return cleaned.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cleaned));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
