package org.convlab.lesson.softmax;

import java.util.ArrayList;
import java.util.List;
import org.convlab.lesson.Matrix;

/** One gradient-descent step for z = W·x + b, p = softmax(z), loss = −ln p[true class]. */
public final class GradientDescentStep {

    private GradientDescentStep() {}

    public static GradientStepTrace run(
            List<Double> inputs, Matrix weights, List<Double> biases, int trueClass, double learningRate) {
        if (weights.cols() != inputs.size() || weights.rows() != biases.size()) {
            throw new IllegalArgumentException("weights must be " + biases.size() + "×" + inputs.size()
                    + " (classes × inputs), got " + weights.rows() + "×" + weights.cols());
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        SoftmaxTrace before = Softmax.trace(logits(inputs, weights, biases), trueClass);
        List<Double> gradient = new ArrayList<>();
        for (int k = 0; k < biases.size(); k++) {
            gradient.add(before.probabilities().get(k) - (k == trueClass ? 1 : 0));
        }
        Matrix weightGradient = Matrix.generate(weights.rows(), weights.cols(),
                (k, j) -> gradient.get(k) * inputs.get(j));
        Matrix newWeights = Matrix.generate(weights.rows(), weights.cols(),
                (k, j) -> weights.get(k, j) - learningRate * weightGradient.get(k, j));
        List<Double> newBiases = new ArrayList<>();
        for (int k = 0; k < biases.size(); k++) {
            newBiases.add(biases.get(k) - learningRate * gradient.get(k));
        }
        SoftmaxTrace after = Softmax.trace(logits(inputs, newWeights, newBiases), trueClass);
        return new GradientStepTrace(inputs, weights, biases, before, gradient, weightGradient, gradient,
                learningRate, newWeights, newBiases, after);
    }

    private static List<Double> logits(List<Double> inputs, Matrix weights, List<Double> biases) {
        List<Double> logits = new ArrayList<>();
        for (int k = 0; k < weights.rows(); k++) {
            double z = biases.get(k);
            for (int j = 0; j < inputs.size(); j++) {
                z += weights.get(k, j) * inputs.get(j);
            }
            logits.add(z);
        }
        return logits;
    }
}
