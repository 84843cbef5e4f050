package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * An element-wise activation function, with the name and formula a lesson shows next to it: the
 * lessons' own arithmetic. A model spec names its activations with {@code model.ActivationKind}.
 */
public sealed interface ActivationFunction {

    double apply(double x);

    /** Short name for captions: "ReLU", "leaky ReLU (α = 0.1)". */
    String label();

    /** {@link #label()} with {@code locale}'s decimal mark: "leaky ReLU (α = 0,1)". */
    default String label(java.util.Locale locale) {
        return label().replace('.', ValueFormat.decimalMark(locale));
    }

    /** The function in symbols, e.g. "max(0, x)". */
    String formula();

    /**
     * {@link #formula()} for {@code locale}: its words ("x if x > 0, else …" → "x für x > 0, sonst …")
     * and decimal mark.
     */
    default String formula(java.util.Locale locale) {
        String english = formula();
        String rest = english.startsWith(PIECEWISE) ? english.substring(PIECEWISE.length()) : null;
        String text = rest == null ? english
                : org.convlab.i18n.Translations.get(locale, "lesson.activation.piecewise", rest);
        return text.replace('.', ValueFormat.decimalMark(locale));
    }

    /** How the piecewise formulas begin in English. */
    String PIECEWISE = "x if x > 0, else ";

    default Matrix apply(Matrix input) {
        return input.map(this::apply);
    }

    /** Every cell's input → output, in reading order. */
    default ActivationTrace trace(Matrix input) {
        List<ActivationStep> steps = new ArrayList<>(input.size());
        for (int r = 0; r < input.rows(); r++) {
            for (int c = 0; c < input.cols(); c++) {
                double x = input.get(r, c);
                steps.add(new ActivationStep(new Cell(r, c), x, apply(x)));
            }
        }
        return new ActivationTrace(this, input, steps, apply(input));
    }

    static ActivationFunction relu() {
        return new Relu();
    }

    static ActivationFunction leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    static ActivationFunction elu(double alpha) {
        return new Elu(alpha);
    }

    static ActivationFunction tanh() {
        return new Tanh();
    }

    static ActivationFunction sigmoid() {
        return new Sigmoid();
    }

    /** Keeps positives, turns negatives into 0. */
    record Relu() implements ActivationFunction {
        @Override
        public double apply(double x) {
            return Math.max(0, x);
        }

        @Override
        public String label() {
            return "ReLU";
        }

        @Override
        public String formula() {
            return "max(0, x)";
        }
    }

    /** Like ReLU, but negatives keep a small slope alpha so their gradient is not zero. */
    record LeakyRelu(double alpha) implements ActivationFunction {
        public LeakyRelu {
            requireAlpha(alpha);
        }

        @Override
        public double apply(double x) {
            return x > 0 ? x : alpha * x;
        }

        @Override
        public String label() {
            return "leaky ReLU (α = " + ValueFormat.plain().format(alpha) + ")";
        }

        @Override
        public String formula() {
            return PIECEWISE + ValueFormat.plain().format(alpha) + Typography.TIMES + "x";
        }
    }

    /** Exponential linear unit: negatives curve smoothly towards −alpha. */
    record Elu(double alpha) implements ActivationFunction {
        public Elu {
            requireAlpha(alpha);
        }

        @Override
        public double apply(double x) {
            return x > 0 ? x : alpha * Math.expm1(x);
        }

        @Override
        public String label() {
            return "ELU (α = " + ValueFormat.plain().format(alpha) + ")";
        }

        @Override
        public String formula() {
            return PIECEWISE + ValueFormat.plain().format(alpha) + Typography.TIMES + "(eˣ " + Typography.MINUS + " 1)";
        }
    }

    /** Squashes any input into (−1, 1). */
    record Tanh() implements ActivationFunction {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }

        @Override
        public String label() {
            return "tanh";
        }

        @Override
        public String formula() {
            return "(eˣ " + Typography.MINUS + " e⁻ˣ) / (eˣ + e⁻ˣ)";
        }
    }

    /** Squashes any input into (0, 1). */
    record Sigmoid() implements ActivationFunction {
        @Override
        public double apply(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public String label() {
            return "sigmoid";
        }

        @Override
        public String formula() {
            return "1 / (1 + e⁻ˣ)";
        }
    }

    private static void requireAlpha(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number of 0 or more, got " + alpha);
        }
    }
}
