package org.convlab.lesson;

import java.util.List;

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
        String spoken = step.cell().spoken();
        return Character.toUpperCase(spoken.charAt(0)) + spoken.substring(1) + ": " + activation.label()
                + " turns " + format.format(step.input()) + " into " + format.format(step.output()) + ".";
    }

    public String description(ActivationStep step) {
        return description(step, ValueFormat.plain());
    }
}
