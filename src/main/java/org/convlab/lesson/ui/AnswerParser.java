package org.convlab.lesson.ui;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a learner's typed answer: whole numbers, decimals with a point or a comma, fractions such
 * as "7/9", thousands separators ("485,514" or "485 514") and the typographic minus. Anything else
 * ("NaN", "Infinity", "0x1p3", "3d", "1e400") is no answer at all, so it is never marked wrong and
 * never shows the worked answer.
 */
final class AnswerParser {

    private static final String NUMBER = "-?(\\d+(\\.\\d*)?|\\.\\d+)";
    private static final Pattern ANSWER = Pattern.compile(NUMBER + "(/" + NUMBER + ")?");

    private AnswerParser() {}

    static OptionalDouble parse(String text) {
        if (text == null || text.length() > 100) {
            return OptionalDouble.empty();
        }
        String cleaned = text.strip().replace('−', '-').replace(" ", "").replace(" ", "");
        if (cleaned.matches("-?\\d{1,3}(,\\d{3})+")) {
            cleaned = cleaned.replace(",", "");
        }
        cleaned = cleaned.replace(',', '.');
        if (!ANSWER.matcher(cleaned).matches()) {
            return OptionalDouble.empty();
        }
        int slash = cleaned.indexOf('/');
        double value = slash < 0 ? Double.parseDouble(cleaned)
                : Double.parseDouble(cleaned.substring(0, slash)) / Double.parseDouble(cleaned.substring(slash + 1));
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
