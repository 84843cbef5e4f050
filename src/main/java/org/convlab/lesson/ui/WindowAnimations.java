package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;

/**
 * The lessons' matrix animation applied to one window of a real, trained network, so the
 * explanation of a learner's own model shows its arithmetic exactly as the lessons did: the window,
 * the kernel, the products written out and their sum. The only public way into the animation; the
 * lesson pages use it directly.
 */
public final class WindowAnimations {

    private WindowAnimations() {}

    /**
     * One channel's share of a convolution cell: the window times the kernel slice, summed. The grids
     * are titled and the step described for where the window really lies ({@code where}: "rows 6–8,
     * columns 10–12 of map 2"), not as a lesson's small input.
     */
    public static Component convolution(String label, double[][] window, double[][] kernel, String where) {
        var trace = Convolution2d.defaults().trace(Matrix.of(window), Matrix.of(kernel));
        AnimationTrace lesson = AnimationTrace.convolution(trace, Formats.plain(), Formats.plain());
        AnimationTrace.Step step = lesson.steps().getFirst();
        int k = window.length;
        String size = k + "×" + k;
        AnimationTrace placed = new AnimationTrace(lesson.kind(),
                retitled(lesson.input(), I18n.t("lesson.animation.window.window", size)),
                retitled(lesson.kernel(), I18n.t("lesson.animation.window.slice", size)),
                retitled(lesson.output(), I18n.t("lesson.animation.window.sum")),
                List.of(new AnimationTrace.Step(step.window(), step.picked(), step.output(), step.sum(),
                        I18n.t("lesson.animation.window.description", where, k * k,
                                Formats.plain().format(trace.output().get(0, 0))))),
                lesson.editable());
        return new MatrixAnimation(label).show(placed);
    }

    private static AnimationTrace.Grid retitled(AnimationTrace.Grid grid, String title) {
        return new AnimationTrace.Grid(title, grid.rows(), grid.cols(), grid.values(), grid.labels(), grid.padding(),
                grid.scale());
    }

    /**
     * One pooling cell: the window and the maximum (or mean) it keeps. A window clipped at the edge
     * of its map may be narrower than tall (or the reverse); it is pooled as the lessons pool a
     * partial window, over the cells that exist.
     */
    public static Component pooling(String label, double[][] window, boolean max) {
        int size = Math.max(window.length, window[0].length);
        Pooling pooling = max ? Pooling.max(size, size, EdgeRule.COVER) : Pooling.average(size, size, EdgeRule.COVER);
        return new MatrixAnimation(label).show(AnimationTrace.pooling(pooling.trace(Matrix.of(window)), Formats.plain()));
    }
}
