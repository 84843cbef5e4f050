package org.convlab.lesson;

import java.util.List;
import java.util.stream.Collectors;

/** A whole pooling pass: its settings, the output size per axis and one step per output cell. */
public record PoolingTrace(
        Pooling pooling,
        Matrix input,
        PoolingOutputSize rows,
        PoolingOutputSize cols,
        List<PoolingStep> steps,
        Matrix output) {

    public PoolingTrace {
        steps = List.copyOf(steps);
    }

    public PoolingStep step(int row, int col) {
        return steps.get(row * output.cols() + col);
    }

    /** True when the step's window was clipped at the edge of the input. */
    public boolean isPartial(PoolingStep step) {
        return step.values().rows() < pooling.window() || step.values().cols() < pooling.window();
    }

    public String description(PoolingStep step) {
        return description(step, ValueFormat.plain());
    }

    /** e.g. "Output row 1, column 1: the window covers rows 1 to 2, columns 1 to 2 and holds …". */
    public String description(PoolingStep step, ValueFormat format) {
        Matrix values = step.values();
        String listed = values.values().stream().map(format::format).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("Output ").append(step.output().spoken())
                .append(": the window covers ").append(span("row", step.window().row(), values.rows()))
                .append(", ").append(span("column", step.window().col(), values.cols()));
        if (isPartial(step)) {
            text.append(" (a partial window at the edge)");
        }
        text.append(" and holds ").append(listed).append(". ");
        if (step.picked() != null) {
            text.append("The largest, ").append(format.format(step.result())).append(", is at ")
                    .append(step.picked().spoken()).append('.');
        } else {
            String sum = values.values().stream().map(format::format).collect(Collectors.joining(" + "));
            text.append("The mean is (").append(sum).append(") / ").append(values.size()).append(" = ")
                    .append(format.format(step.result())).append('.');
        }
        return text.toString();
    }

    private static String span(String unit, int start, int length) {
        return length == 1
                ? unit + " " + (start + 1)
                : unit + "s " + (start + 1) + " to " + (start + length);
    }
}
