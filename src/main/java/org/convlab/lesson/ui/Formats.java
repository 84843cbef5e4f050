package org.convlab.lesson.ui;

import java.util.Locale;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.Fractions;
import org.convlab.lesson.ValueFormat;

/**
 * How the lesson pages write numbers in cells and sums, with the decimal mark of the page's language
 * ("0.5" in English, "0,5" in German and Spanish); outside a page, English.
 */
final class Formats {

    private Formats() {}

    /** The page's language. */
    static Locale locale() {
        return I18n.locale();
    }

    /** The X/O lesson's values are ninths: "7/9" says 8 cells matched and 1 did not. */
    static ValueFormat ninths() {
        return ValueFormat.fractionsOf(9, locale());
    }

    /** Short enough for a 22-pixel cell of a 28×28 grid. */
    static ValueFormat oneDecimal() {
        ValueFormat plain = plain();
        return value -> plain.format(Math.round(value * 10) / 10.0);
    }

    /**
     * At most two decimals, for averages: the mean of four ninths is a 36th, so ninths in the input
     * and "0.194" in the output would mix two ways of writing numbers in one grid.
     */
    static ValueFormat twoDecimals() {
        ValueFormat plain = plain();
        return value -> plain.format(Math.round(value * 100) / 100.0);
    }

    static ValueFormat plain() {
        return ValueFormat.plain(locale());
    }

    /** "7/9 ≈ 0.78" for ninths, else a plain number: for quiz answers. */
    static String ninthsLabel(double value) {
        return Fractions.label(value, 9, locale());
    }

    /** "7/9 ≈ 0.78" for fractions of {@code denominator}. */
    static String label(double value, int denominator) {
        return Fractions.label(value, denominator, locale());
    }

    /** Two decimals, "0.78". */
    static String decimal(double value) {
        return Fractions.decimal(value, locale());
    }

    /** Numbers in a list: "1, 0.5" in English, "1; 0,5" in German, where the comma is the decimal mark. */
    static String list(java.util.List<String> numbers) {
        return String.join(org.convlab.lesson.PoolingTrace.listSeparator(locale()), numbers);
    }
}
