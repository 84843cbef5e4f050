package org.convlab.lesson;

import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;
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
        return description(step, format, Locale.ENGLISH);
    }

    /** The account in {@code locale}; {@code format} writes the numbers (give it the locale's decimal mark). */
    public String description(PoolingStep step, ValueFormat format, Locale locale) {
        Matrix values = step.values();
        String listed = values.values().stream().map(format::format).collect(Collectors.joining(listSeparator(locale)));
        String head = Translations.get(locale, isPartial(step) ? "lesson.trace.pool.head-partial" : "lesson.trace.pool.head",
                step.output().spoken(locale), span("row", step.window().row(), values.rows()),
                span("column", step.window().col(), values.cols()), listed);
        String result;
        if (step.picked() != null) {
            result = Translations.get(locale, "lesson.trace.pool.max", format.format(step.result()),
                    step.picked().spoken(locale));
        } else {
            String sum = values.values().stream().map(format::format).collect(Collectors.joining(" + "));
            result = Translations.get(locale, "lesson.trace.pool.mean", sum, values.size(), format.format(step.result()));
        }
        return head + " " + result;
    }

    /**
     * What separates numbers in a list: ", " where the decimal mark is a point, "; " where it is a
     * comma, so "0,5; 1" cannot be read as "0, 5, 1".
     */
    public static String listSeparator(Locale locale) {
        return ValueFormat.decimalMark(locale) == ',' ? "; " : ", ";
    }

    private static Text span(String unit, int start, int length) {
        return length == 1
                ? Text.of("lesson.trace.pool." + unit, start + 1)
                : Text.of("lesson.trace.pool." + unit + "s", start + 1, start + length);
    }
}
