package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;

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
        return description(step, format, Locale.ENGLISH);
    }

    /**
     * The account in {@code locale}; {@code format} writes the numbers (give it the locale's decimal
     * mark). Each sentence is one text of bundle i18n/lesson, so no language has to follow English
     * word order.
     */
    public String description(ConvolutionStep step, ValueFormat format, Locale locale) {
        boolean padded = paddedInput.rows() > input.rows() || paddedInput.cols() > input.cols();
        Text grid = Text.of(padded ? "lesson.trace.padded-input" : "lesson.trace.input");
        int dilation = cols.dilation();
        boolean dilated = dilation > 1;
        List<String> sentences = new ArrayList<>();
        int rowStart = step.window().row() + 1;
        int colStart = step.window().col() + 1;
        if (isSignal()) {
            sentences.add(Translations.get(locale,
                    dilated ? "lesson.trace.conv.signal-dilated" : "lesson.trace.conv.signal", step.output().col() + 1,
                    colStart, colStart + cols.effectiveKernel() - 1, grid, dilation));
        } else {
            sentences.add(Translations.get(locale,
                    dilated ? "lesson.trace.conv.grid-dilated" : "lesson.trace.conv.grid", step.output().spoken(locale),
                    rowStart, rowStart + rows.effectiveKernel() - 1, colStart, colStart + cols.effectiveKernel() - 1,
                    grid, dilation));
        }
        int paddingCount = step.paddingCells().size();
        if (paddingCount > 0) {
            sentences.add(Text.count("lesson.trace.conv.padding", paddingCount).in(locale));
        }
        String sum = format.format(step.sum());
        if (step.divisor() == 1) {
            sentences.add(Translations.get(locale, "lesson.trace.conv.sum", step.products().size(), sum));
        } else {
            sentences.add(Translations.get(locale, "lesson.trace.conv.sum-divided", step.products().size(), sum,
                    step.divisor(), ValueFormat.fractionsOf(step.divisor(), locale).format(step.result())));
        }
        return String.join(" ", sentences);
    }

    /** A one-row input and kernel: a 1-D signal, described by position instead of row and column. */
    private boolean isSignal() {
        return input.rows() == 1 && kernel.rows() == 1;
    }
}
