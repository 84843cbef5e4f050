package org.convlab.lesson.architecture;

/** Keras {@code Dense(units)} on a flat input: every input connects to every unit. */
public record DenseLayer(int units) implements Layer {

    public DenseLayer {
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1, got " + units);
        }
    }

    @Override
    public String kerasName() {
        return "dense";
    }

    @Override
    public String kerasType() {
        return "Dense";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        requireFlat(input);
        return TensorShape.of(units);
    }

    @Override
    public ParameterCount parameters(TensorShape input) {
        requireFlat(input);
        return ParameterCount.dense(input.size(), units);
    }

    @Override
    public String parameterFormula(TensorShape input) {
        return "(" + input.size() + " + 1)·" + units + " = " + parameters(input).total();
    }

    private static void requireFlat(TensorShape input) {
        // Keras would apply Dense to the last axis only; the lessons always flatten first.
        if (input.rank() != 1) {
            throw new IllegalArgumentException("a dense layer here needs a flat input; add a Flatten before it (got "
                    + input + ")");
        }
    }
}
