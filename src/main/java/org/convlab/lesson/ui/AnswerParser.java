package org.convlab.lesson.ui;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.convlab.lesson.ValueFormat;

/**
 * Reads a learner's typed answer: whole numbers, decimals with a point or a comma, fractions such
 * as "7/9", thousands separators and the typographic minus. Anything else ("NaN", "Infinity",
 * "0x1p3", "3d", "1e400") is no answer at all, so it is never marked wrong and never shows the
 * worked answer.
 *
 * <p>The page's language settles the one ambiguous case, a single separator before exactly three
 * digits: "485,514" is 485514 on an English page and "485.514" is 485514 on a German or Spanish one,
 * where "0,5" is a half. Everything else reads the same in every language: "0.5" and "0,5" are both
 * a half (a number that starts with 0 never has a thousands separator), and "1,234.5" and "1.234,5"
 * both say which mark is the decimal one.
 */
final class AnswerParser {

    private static final String NUMBER = "-?(\\d+(\\.\\d*)?|\\.\\d+)";
    private static final Pattern ANSWER = Pattern.compile(NUMBER + "(/" + NUMBER + ")?");

    private AnswerParser() {}

    /** As an English page reads it. */
    static OptionalDouble parse(String text) {
        return parse(text, Locale.ENGLISH);
    }

    static OptionalDouble parse(String text, Locale locale) {
        if (text == null || text.length() > 100) {
            return OptionalDouble.empty();
        }
        String cleaned = text.strip().replace('−', '-').replace(" ", "").replace(" ", "").replace(" ", "");
        char group = ValueFormat.decimalMark(locale) == ',' ? '.' : ',';
        char decimal = group == '.' ? ',' : '.';
        String g = Pattern.quote(String.valueOf(group));
        String d = Pattern.quote(String.valueOf(decimal));
        if (cleaned.matches("-?[1-9]\\d{0,2}(" + g + "\\d{3})+(" + d + "\\d+)?")) {
            // Grouped as the page's language groups: "485,514.5" (en), "485.514,5" (de, es).
            cleaned = cleaned.replace(String.valueOf(group), "");
        } else if (cleaned.matches("-?[1-9]\\d{0,2}(" + d + "\\d{3})+(" + g + "\\d+)?")
                && cleaned.contains(String.valueOf(group))) {
            // Grouped the other language's way, which the second mark makes plain: "1.234,5" on an English page.
            cleaned = cleaned.replace(String.valueOf(decimal), "").replace(group, decimal);
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
