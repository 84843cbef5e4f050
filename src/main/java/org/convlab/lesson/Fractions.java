package org.convlab.lesson;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Writes values as exact fractions when they are ones. The X/O lesson divides integer sums by the 9
 * cells of a kernel, so its numbers are ninths: 0.77 on the slides is 7/9, −0.11 is −1/9. Showing
 * the fraction lets a learner check the sum by hand; the decimal alone hides it (and the deck even
 * cuts 0.777… to 0.77 instead of rounding it).
 *
 * <p>{@link #format} and {@link #decimal} are data: they use the ASCII minus so scripts can parse
 * them. {@link #label} is display text and uses the typographic minus (−).
 */
public final class Fractions {

    private static final double TOLERANCE = 1e-9;

    private Fractions() {}

    /** The n with value = n/denominator, if there is one (within floating-point noise). */
    public static OptionalLong numerator(double value, int denominator) {
        if (denominator < 1) {
            throw new IllegalArgumentException("the denominator must be at least 1, got " + denominator);
        }
        double scaled = value * denominator;
        if (!Double.isFinite(scaled)) {
            return OptionalLong.empty();
        }
        long n = Math.round(scaled);
        boolean whole = Math.abs(scaled - n) <= TOLERANCE * Math.max(1, Math.abs(scaled));
        return whole ? OptionalLong.of(n) : OptionalLong.empty();
    }

    /**
     * "7/9", "-1/9", "0" or "1" (whole numbers stay whole); not reduced, so every cell of a map
     * reads in the same unit. A value that is no such fraction comes back as {@link #decimal}.
     */
    public static String format(double value, int denominator) {
        OptionalLong n = numerator(value, denominator);
        if (n.isEmpty()) {
            return decimal(value);
        }
        long numerator = n.getAsLong();
        return numerator % denominator == 0
                ? Long.toString(numerator / denominator)
                : numerator + "/" + denominator;
    }

    /** Two decimals, rounded: "0.78", "-0.11", never "-0.00". */
    public static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /** "7/9 ≈ 0.78" for fractions, "1" for whole numbers, "0.50" for anything else. */
    public static String label(double value, int denominator) {
        return label(value, denominator, Locale.ENGLISH);
    }

    /** {@link #label(double, int)} with the decimal mark of {@code locale}: "7/9 ≈ 0,78" in German. */
    public static String label(double value, int denominator, Locale locale) {
        OptionalLong n = numerator(value, denominator);
        String text;
        if (n.isEmpty()) {
            text = decimal(value);
        } else if (n.getAsLong() % denominator == 0) {
            text = format(value, denominator);
        } else {
            text = format(value, denominator) + " ≈ " + decimal(value);
        }
        return Typography.minus(text).replace('.', ValueFormat.decimalMark(locale));
    }

    /** {@link #decimal(double)} with {@code locale}'s decimal mark: "0,78" in German. */
    public static String decimal(double value, Locale locale) {
        return decimal(value).replace('.', ValueFormat.decimalMark(locale));
    }
}
