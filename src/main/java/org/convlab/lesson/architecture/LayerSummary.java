package org.convlab.lesson.architecture;

/** One row of a model summary, as Keras's {@code model.summary()} prints it, plus the arithmetic. */
public record LayerSummary(
        String name, String type, TensorShape outputShape, ParameterCount parameters, String parameterFormula) {

    /** "conv2d_1 (Conv2D)", as in Keras's first column. */
    public String label() {
        return name + " (" + type + ")";
    }
}
