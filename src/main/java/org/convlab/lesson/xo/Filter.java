package org.convlab.lesson.xo;

import java.util.List;
import org.convlab.lesson.Matrix;

/** A named 3×3 feature the X/O lesson looks for. */
public record Filter(String name, Matrix kernel) {

    private static final Filter FALLING_DIAGONAL = new Filter("falling diagonal", Matrix.of(new int[][] {
        {1, -1, -1},
        {-1, 1, -1},
        {-1, -1, 1}
    }));

    private static final Filter CROSS = new Filter("cross", Matrix.of(new int[][] {
        {1, -1, 1},
        {-1, 1, -1},
        {1, -1, 1}
    }));

    private static final Filter RISING_DIAGONAL = new Filter("rising diagonal", Matrix.of(new int[][] {
        {-1, -1, 1},
        {-1, 1, -1},
        {1, -1, -1}
    }));

    /** The name in {@code locale} ("fallende Diagonale"); {@link #name()} is the English one. */
    public String name(java.util.Locale locale) {
        return org.convlab.i18n.Translations.get(locale, "lesson.filter." + name.replace(' ', '-'));
    }

    /** The deck's three filters in its order: the \ stroke, the crossing at the centre, the / stroke. */
    public static List<Filter> xoFilters() {
        return List.of(FALLING_DIAGONAL, CROSS, RISING_DIAGONAL);
    }
}
