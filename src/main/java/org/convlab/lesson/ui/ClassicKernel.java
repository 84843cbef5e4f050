package org.convlab.lesson.ui;

import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.Filter;

/**
 * Hand-made 3×3 kernels a learner can pick in the convolution lesson: the X/O deck's three filters
 * and the classic image-processing ones that learned filters often end up resembling.
 */
enum ClassicKernel {
    FALLING_DIAGONAL("X/O filter: falling diagonal \\", Filter.xoFilters().get(0).kernel(), true),
    CROSS("X/O filter: cross ×", Filter.xoFilters().get(1).kernel(), true),
    RISING_DIAGONAL("X/O filter: rising diagonal /", Filter.xoFilters().get(2).kernel(), true),
    VERTICAL_EDGE("Vertical edges", Matrix.of(new int[][] {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}}), false),
    HORIZONTAL_EDGE("Horizontal edges", Matrix.of(new int[][] {{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}), false),
    BLUR("Blur (mean of 9)", Matrix.filled(3, 3, 1), true),
    SHARPEN("Sharpen", Matrix.of(new int[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}), false);

    private final String label;
    private final Matrix kernel;
    /** The X/O filters and the blur divide by 9, so a perfect match (or a flat patch) gives its value back. */
    private final boolean dividedByNine;

    ClassicKernel(String label, Matrix kernel, boolean dividedByNine) {
        this.label = label;
        this.kernel = kernel;
        this.dividedByNine = dividedByNine;
    }

    String label() {
        return label;
    }

    Matrix kernel() {
        return kernel;
    }

    boolean dividedByNine() {
        return dividedByNine;
    }

    /** The X/O deck's filters, which only make sense on the ±1 letter images. */
    boolean madeForLetters() {
        return this == FALLING_DIAGONAL || this == CROSS || this == RISING_DIAGONAL;
    }
}
