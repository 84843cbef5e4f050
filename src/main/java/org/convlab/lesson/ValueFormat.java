package org.convlab.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a number is written inside a step description. */
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

    /** Fractions with this denominator ("7/9") where the value is one, {@link #plain()} elsewhere. */
    static ValueFormat fractionsOf(int denominator) {
        ValueFormat plain = plain();
        return value -> Fractions.numerator(value, denominator).isPresent()
                ? Typography.minus(Fractions.format(value, denominator))
                : plain.format(value);
    }
}
