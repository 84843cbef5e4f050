package org.convlab.lesson.architecture;

/** Keras {@code Flatten()}: every value in one row. */
public record FlattenLayer() implements Layer {

    @Override
    public String kerasName() {
        return "flatten";
    }

    @Override
    public String kerasType() {
        return "Flatten";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        return TensorShape.of(Math.toIntExact(input.size()));
    }

    @Override
    public ParameterCount parameters(TensorShape input) {
        return ParameterCount.NONE;
    }

    @Override
    public String parameterFormula(TensorShape input) {
        return "0: flattening only reorders values";
    }
}
