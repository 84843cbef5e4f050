package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;
import org.convlab.lesson.ValueFormat;

/**
 * The lessons' matrix animation applied to one window of a real, trained network, so the
 * explanation of a learner's own model shows its arithmetic exactly as the lessons did: the window,
 * the kernel, the products written out and their sum. The only public way into the animation; the
 * lesson pages use it directly.
 */
public final class WindowAnimations {

    private WindowAnimations() {}

    /** One channel's share of a convolution cell: the window times the kernel slice, summed. */
    public static Component convolution(String label, double[][] window, double[][] kernel) {
        var trace = Convolution2d.defaults().trace(Matrix.of(window), Matrix.of(kernel));
        return new MatrixAnimation(label).show(AnimationTrace.convolution(trace, ValueFormat.plain(), ValueFormat.plain()));
    }

    /**
     * One pooling cell: the window and the maximum (or mean) it keeps. A window clipped at the edge
     * of its map may be narrower than tall (or the reverse); it is pooled as the lessons pool a
     * partial window, over the cells that exist.
     */
    public static Component pooling(String label, double[][] window, boolean max) {
        int size = Math.max(window.length, window[0].length);
        Pooling pooling = max ? Pooling.max(size, size, EdgeRule.COVER) : Pooling.average(size, size, EdgeRule.COVER);
        return new MatrixAnimation(label).show(AnimationTrace.pooling(pooling.trace(Matrix.of(window)), ValueFormat.plain()));
    }
}
