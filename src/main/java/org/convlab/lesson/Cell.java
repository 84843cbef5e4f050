package org.convlab.lesson;

import java.util.Locale;
import org.convlab.i18n.Translations;

/** A position in a matrix, zero-based: {@code row} counts down, {@code col} counts right. */
public record Cell(int row, int col) {

    /** "row 2, column 3": one-based, the way a learner counts cells on screen. */
    public String spoken() {
        return spoken(Locale.ENGLISH);
    }

    /** {@link #spoken()} in {@code locale}: "Zeile 2, Spalte 3". */
    public String spoken(Locale locale) {
        return Translations.get(locale, "lesson.cell", row + 1, col + 1);
    }
}
