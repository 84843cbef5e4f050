package org.convlab.lesson.ui;

import java.util.ArrayList;
import java.util.List;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.ActivationStep;
import org.convlab.lesson.ActivationTrace;
import org.convlab.lesson.Cell;
import org.convlab.lesson.ConvolutionStep;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;
import org.convlab.lesson.PoolingStep;
import org.convlab.lesson.PoolingTrace;
import org.convlab.lesson.ValueFormat;

/**
 * What {@code <convlab-matrix-animation>} plays back, sent to the browser once as JSON: the grids
 * with their cell labels and colour scales, and per step the highlighted cells, the written-out
 * arithmetic and a sentence for screen readers. Every number and sentence comes from a lesson-engine
 * trace; this class only lays them out as flat cell indices.
 *
 * @param kind "convolution", "pooling" or "activation"
 * @param editable the grids a learner may change by clicking ("input", "kernel")
 */
record AnimationTrace(String kind, Grid input, Grid kernel, Grid output, List<Step> steps, List<String> editable) {

    AnimationTrace {
        steps = List.copyOf(steps);
        editable = List.copyOf(editable);
    }

    /**
     * Colours: viridis for values that are never negative, blue–orange around 0 otherwise. The scale
     * always includes 0, so 0 has the same colour on every non-negative grid of a page.
     */
    record Scale(double min, double max, boolean diverging) {
        static Scale of(Matrix values) {
            double min = values.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            return new Scale(Math.min(min, 0), max > min ? max : min + 1, min < 0);
        }

        /** One scale for two grids that are compared value by value (an activation's input and output). */
        static Scale covering(Scale a, Scale b) {
            return new Scale(Math.min(a.min, b.min), Math.max(a.max, b.max), a.diverging || b.diverging);
        }
    }

    /** @param padding flat indices of the cells that are zero padding, not input */
    record Grid(String title, int rows, int cols, List<Double> values, List<String> labels, List<Integer> padding,
            Scale scale) {

        static Grid of(String title, Matrix matrix, ValueFormat format, List<Integer> padding) {
            return new Grid(title, matrix.rows(), matrix.cols(), matrix.values(),
                    matrix.values().stream().map(format::format).toList(), List.copyOf(padding), Scale.of(matrix));
        }

        int index(Cell cell) {
            return cell.row() * cols + cell.col();
        }
    }

    /**
     * @param window flat input indices under the kernel or pooling window
     * @param picked the input index max pooling keeps, or −1
     * @param output the flat output index this step computes
     * @param sum the arithmetic written out
     */
    record Step(List<Integer> window, int picked, int output, String sum, String description) {}

    AnimationTrace editable(String... grids) {
        return new AnimationTrace(kind, input, kernel, output, steps, List.of(grids));
    }

    /** The padded input is shown, so the window can be seen sliding over the zeros too. */
    static AnimationTrace convolution(ConvolutionTrace trace, ValueFormat labels, ValueFormat text) {
        return convolution(trace, labels, text, new Titles(I18n.t("lesson.animation.grid.input", size(trace.paddedInput())),
                I18n.t("lesson.animation.grid.input-padded", size(trace.paddedInput())),
                I18n.t("lesson.animation.grid.kernel", size(trace.kernel())),
                I18n.t("lesson.animation.grid.output", size(trace.output())), ""));
    }

    /** The grids' titles (sizes filled in) and what starts each step's sentence. */
    private record Titles(String input, String paddedInput, String kernel, String output, String descriptionPrefix) {}

    /** "5×5". */
    private static String size(Matrix m) {
        return m.rows() + "×" + m.cols();
    }

    /**
     * One channel of a multi-channel convolution, e.g. "Red channel", "Red slice", "Red sum": every
     * title and sentence names the channel, so three animations on one page are told apart by ear too.
     */
    static AnimationTrace channel(ConvolutionTrace trace, String channel, ValueFormat format) {
        String name = Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
        return convolution(trace, format, format, new Titles(
                I18n.t("lesson.animation.grid.channel", name, size(trace.paddedInput())),
                I18n.t("lesson.animation.grid.channel-padded", name, size(trace.paddedInput())),
                I18n.t("lesson.animation.grid.slice", name, size(trace.kernel())),
                I18n.t("lesson.animation.grid.channel-sum", name, size(trace.output())),
                I18n.t("lesson.animation.channel-prefix", name) + " "));
    }

    private static AnimationTrace convolution(ConvolutionTrace trace, ValueFormat labels, ValueFormat text,
            Titles titles) {
        Matrix padded = trace.paddedInput();
        List<Integer> padding = new ArrayList<>();
        for (int r = 0; r < padded.rows(); r++) {
            for (int c = 0; c < padded.cols(); c++) {
                if (trace.isPadding(new Cell(r, c))) {
                    padding.add(r * padded.cols() + c);
                }
            }
        }
        Grid input = Grid.of(padding.isEmpty() ? titles.input() : titles.paddedInput(), padded, labels, padding);
        Grid kernel = Grid.of(titles.kernel(), trace.kernel(), labels, List.of());
        Grid output = Grid.of(titles.output(), trace.output(), labels, List.of());
        List<Step> steps = new ArrayList<>();
        for (ConvolutionStep step : trace.steps()) {
            steps.add(new Step(step.taps().stream().map(input::index).toList(), -1, output.index(step.output()),
                    step.writtenSum(text, Formats.locale()), titles.descriptionPrefix() + trace.description(step, text, Formats.locale())));
        }
        return new AnimationTrace("convolution", input, kernel, output, steps, List.of());
    }

    static AnimationTrace pooling(PoolingTrace trace, ValueFormat format) {
        Grid input = Grid.of(I18n.t("lesson.animation.grid.input", size(trace.input())), trace.input(), format,
                List.of());
        Grid output = Grid.of(I18n.t("lesson.animation.grid.pooled", size(trace.output())), trace.output(),
                format, List.of());
        boolean max = trace.pooling().kind() == Pooling.Kind.MAX;
        List<Step> steps = new ArrayList<>();
        for (PoolingStep step : trace.steps()) {
            List<String> values = step.values().values().stream().map(format::format).toList();
            String sum = max
                    ? "max(" + Formats.list(values) + ") = " + format.format(step.result())
                    : "(" + String.join(" + ", values) + ") / " + step.values().size() + " = "
                            + format.format(step.result());
            steps.add(new Step(step.cells().stream().map(input::index).toList(),
                    step.picked() == null ? -1 : input.index(step.picked()), output.index(step.output()), sum,
                    trace.description(step, format, Formats.locale())));
        }
        return new AnimationTrace("pooling", input, null, output, steps, List.of());
    }

    static AnimationTrace activation(ActivationTrace trace, ValueFormat format) {
        String name = trace.activation().label(Formats.locale());
        Grid input = Grid.of(I18n.t("lesson.animation.grid.input", size(trace.input())), trace.input(), format,
                List.of());
        // The input's colours, so a value keeps its colour through the activation (a positive value is
        // the same orange before and after ReLU, as the lesson's text says), and 0 is 0's colour.
        Grid computed = Grid.of(I18n.t("lesson.animation.grid.after", name), trace.output(), format, List.of());
        Grid output = new Grid(computed.title(), computed.rows(), computed.cols(), computed.values(), computed.labels(),
                computed.padding(), Scale.covering(input.scale(), computed.scale()));
        List<Step> steps = new ArrayList<>();
        for (ActivationStep step : trace.steps()) {
            int index = input.index(step.cell());
            steps.add(new Step(List.of(index), -1, index,
                    name + "(" + format.format(step.input()) + ") = " + format.format(step.output()),
                    trace.description(step, format, Formats.locale())));
        }
        return new AnimationTrace("activation", input, null, output, steps, List.of());
    }
}
