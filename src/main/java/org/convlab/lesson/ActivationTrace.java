package org.convlab.lesson;

import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Translations;

/** An activation applied to a whole matrix, one {@link ActivationStep} per cell in reading order. */
public record ActivationTrace(ActivationFunction activation, Matrix input, List<ActivationStep> steps, Matrix output) {

    public ActivationTrace {
        steps = List.copyOf(steps);
    }

    public ActivationStep step(int row, int col) {
        return steps.get(row * input.cols() + col);
    }

    /** e.g. "Row 1, column 2: ReLU turns −1/9 into 0." */
    public String description(ActivationStep step, ValueFormat format) {
        return description(step, format, Locale.ENGLISH);
    }

    /** The sentence in {@code locale}; {@code format} writes the numbers (give it the locale's decimal mark). */
    public String description(ActivationStep step, ValueFormat format, Locale locale) {
        return Translations.get(locale, "lesson.trace.activation", step.cell().row() + 1, step.cell().col() + 1,
                activation.label(locale), format.format(step.input()), format.format(step.output()));
    }

    public String description(ActivationStep step) {
        return description(step, ValueFormat.plain());
    }
}
