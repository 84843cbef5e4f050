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

    /** One pooling cell: the window and the maximum (or mean) it keeps. */
    public static Component pooling(String label, double[][] window, boolean max) {
        int size = window.length;
        Pooling pooling = max ? Pooling.max(size, size, EdgeRule.FLOOR) : Pooling.average(size, size, EdgeRule.FLOOR);
        return new MatrixAnimation(label).show(AnimationTrace.pooling(pooling.trace(Matrix.of(window)), ValueFormat.plain()));
    }
}
