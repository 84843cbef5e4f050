package org.convlab.lesson;

import java.util.List;

/**
 * A whole convolution, step by step: the input as given and as padded, the kernel, the output
 * size along each axis (with its formula), one {@link ConvolutionStep} per output cell in reading
 * order, and the output.
 */
public record ConvolutionTrace(
        Matrix input,
        Matrix paddedInput,
        Matrix kernel,
        OutputSize rows,
        OutputSize cols,
        List<ConvolutionStep> steps,
        Matrix output) {

    public ConvolutionTrace {
        steps = List.copyOf(steps);
    }

    public ConvolutionStep step(int row, int col) {
        return steps.get(row * output.cols() + col);
    }

    /** True for a cell of the padded input that is padding rather than input. */
    public boolean isPadding(Cell paddedCell) {
        int row = paddedCell.row() - rows.paddingBefore();
        int col = paddedCell.col() - cols.paddingBefore();
        return !input.contains(row, col);
    }

    /** A plain-sentence account of a step, for screen readers and captions. */
    public String description(ConvolutionStep step) {
        return description(step, ValueFormat.plain());
    }

    public String description(ConvolutionStep step, ValueFormat format) {
        boolean padded = paddedInput.rows() > input.rows() || paddedInput.cols() > input.cols();
        String grid = padded ? "the padded input" : "the input";
        StringBuilder text = new StringBuilder();
        if (isSignal()) {
            text.append("Output position ").append(step.output().col() + 1)
                    .append(": the kernel covers positions ")
                    .append(range(step.window().col(), cols.effectiveKernel()))
                    .append(" of ").append(grid);
        } else {
            text.append("Output ").append(step.output().spoken())
                    .append(": the kernel covers rows ").append(range(step.window().row(), rows.effectiveKernel()))
                    .append(", columns ").append(range(step.window().col(), cols.effectiveKernel()))
                    .append(" of ").append(grid);
        }
        int dilation = cols.dilation();
        if (dilation > 1) {
            text.append(", its cells ").append(dilation).append(" apart");
        }
        text.append(". ");
        int paddingCount = step.paddingCells().size();
        if (paddingCount > 0) {
            text.append(paddingCount).append(paddingCount == 1 ? " of them is" : " of them are")
                    .append(" zero padding. ");
        }
        text.append("The ").append(step.products().size()).append(" products add up to ")
                .append(format.format(step.sum()));
        if (step.divisor() == 1) {
            text.append(", the output value.");
        } else {
            text.append("; divided by ").append(step.divisor()).append(" that gives ")
                    .append(ValueFormat.fractionsOf(step.divisor()).format(step.result())).append('.');
        }
        return text.toString();
    }

    /** A one-row input and kernel: a 1-D signal, described by position instead of row and column. */
    private boolean isSignal() {
        return input.rows() == 1 && kernel.rows() == 1;
    }

    private static String range(int start, int length) {
        return (start + 1) + " to " + (start + length);
    }
}
