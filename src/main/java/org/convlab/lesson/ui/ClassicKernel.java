package org.convlab.lesson.ui;

import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.Filter;

/**
 * Hand-made 3×3 kernels a learner can pick in the convolution lesson: the X/O deck's three filters
 * and the classic image-processing ones that learned filters often end up resembling.
 */
enum ClassicKernel {
    FALLING_DIAGONAL(Filter.xoFilters().get(0).kernel(), true),
    CROSS(Filter.xoFilters().get(1).kernel(), true),
    RISING_DIAGONAL(Filter.xoFilters().get(2).kernel(), true),
    VERTICAL_EDGE(Matrix.of(new int[][] {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}}), false),
    HORIZONTAL_EDGE(Matrix.of(new int[][] {{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}), false),
    BLUR(Matrix.filled(3, 3, 1), true),
    SHARPEN(Matrix.of(new int[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}), false);

    private final Matrix kernel;
    /** The X/O filters and the blur divide by 9, so a perfect match (or a flat patch) gives its value back. */
    private final boolean dividedByNine;

    ClassicKernel(Matrix kernel, boolean dividedByNine) {
        this.kernel = kernel;
        this.dividedByNine = dividedByNine;
    }

    /** The name the lesson shows, {@code kernel.<NAME>} in the convolution lesson's file. */
    String label() {
        return LessonText.of(Lesson.CONVOLUTION).get("kernel." + name());
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
