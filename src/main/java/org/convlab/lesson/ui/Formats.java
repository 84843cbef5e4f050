package org.convlab.lesson.ui;

import org.convlab.lesson.Fractions;
import org.convlab.lesson.ValueFormat;

/** How the lesson pages write numbers in cells and sums. */
final class Formats {

    private Formats() {}

    /** The X/O lesson's values are ninths: "7/9" says 8 cells matched and 1 did not. */
    static ValueFormat ninths() {
        return ValueFormat.fractionsOf(9);
    }

    /** Short enough for a 22-pixel cell of a 28×28 grid. */
    static ValueFormat oneDecimal() {
        ValueFormat plain = ValueFormat.plain();
        return value -> plain.format(Math.round(value * 10) / 10.0);
    }

    /**
     * At most two decimals, for averages: the mean of four ninths is a 36th, so ninths in the input
     * and "0.194" in the output would mix two ways of writing numbers in one grid.
     */
    static ValueFormat twoDecimals() {
        ValueFormat plain = ValueFormat.plain();
        return value -> plain.format(Math.round(value * 100) / 100.0);
    }

    static ValueFormat plain() {
        return ValueFormat.plain();
    }

    /** "7/9 ≈ 0.78" for ninths, else a plain number: for quiz answers. */
    static String ninthsLabel(double value) {
        return Fractions.label(value, 9);
    }
}
