package org.convlab.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a number is written inside a step description. The locale only chooses the decimal mark
 * ("0.5" in English, "0,5" in German and Spanish); the digits are the same exact value in every
 * language, never grouped, so a written-out sum reads the same way in each.
 */
@FunctionalInterface
public interface ValueFormat {

    String format(double value);

    /** Whole numbers as integers ("−1"), others with at most three decimals ("0.125"). */
    static ValueFormat plain() {
        return value -> {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Typography.minus(Long.toString((long) value));
            }
            String text = BigDecimal.valueOf(value)
                    .setScale(3, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
            return Typography.minus(text.equals("-0") ? "0" : text);
        };
    }

    /** {@link #plain()} with the decimal mark of {@code locale}: "0,125" in German. */
    static ValueFormat plain(Locale locale) {
        return withDecimalMark(plain(), locale);
    }

    /** Fractions with this denominator ("7/9") where the value is one, {@link #plain()} elsewhere. */
    static ValueFormat fractionsOf(int denominator) {
        ValueFormat plain = plain();
        return value -> Fractions.numerator(value, denominator).isPresent()
                ? Typography.minus(Fractions.format(value, denominator))
                : plain.format(value);
    }

    /** {@link #fractionsOf(int)} with the decimal mark of {@code locale} for the values that are no fraction. */
    static ValueFormat fractionsOf(int denominator, Locale locale) {
        return withDecimalMark(fractionsOf(denominator), locale);
    }

    /**
     * The same format with the point replaced by {@code locale}'s decimal mark. Safe because the
     * formats here never group digits: the only point in their text is the decimal one.
     */
    static ValueFormat withDecimalMark(ValueFormat format, Locale locale) {
        char mark = decimalMark(locale);
        return mark == '.' ? format : value -> format.format(value).replace('.', mark);
    }

    /** '.' in English, ',' in German and Spanish. */
    static char decimalMark(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale == null ? Locale.ENGLISH : locale).getDecimalSeparator();
    }
}
