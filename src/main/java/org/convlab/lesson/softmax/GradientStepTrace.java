package org.convlab.lesson.softmax;

import java.util.List;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;

/**
 * One step of gradient descent on a linear layer followed by softmax, before and after.
 *
 * @param weights one row per class, one column per input
 * @param logitGradient dLoss/dz = p − y, where y is 1 for the true class and 0 elsewhere
 * @param weightGradient dLoss/dW = (p − y) xᵀ
 * @param biasGradient dLoss/db = p − y
 * @param newWeights weights − learningRate × weightGradient
 */
public record GradientStepTrace(
        List<Double> inputs,
        Matrix weights,
        List<Double> biases,
        SoftmaxTrace before,
        List<Double> logitGradient,
        Matrix weightGradient,
        List<Double> biasGradient,
        double learningRate,
        Matrix newWeights,
        List<Double> newBiases,
        SoftmaxTrace after) {

    public GradientStepTrace {
        inputs = List.copyOf(inputs);
        biases = List.copyOf(biases);
        logitGradient = List.copyOf(logitGradient);
        biasGradient = List.copyOf(biasGradient);
        newBiases = List.copyOf(newBiases);
    }

    /** The step in sentences, numbers rounded to three decimals. */
    public List<String> explanation() {
        ValueFormat f = ValueFormat.plain();
        return List.of(
                "The gradient of the loss with respect to the logits is p − y: " + SoftmaxTrace.list(logitGradient)
                        + ". It is negative only for the true class, whose logit should grow.",
                "Each weight's gradient is that value times the input it multiplies; each bias's gradient is the"
                        + " value itself.",
                "With learning rate " + f.format(learningRate) + ", every parameter moves against its gradient:"
                        + " new = old − " + f.format(learningRate) + " × gradient.",
                "The loss goes from " + f.format(before.loss()) + " to " + f.format(after.loss())
                        + "; the true class's probability from " + f.format(before.probabilities().get(before.trueClass()))
                        + " to " + f.format(after.probabilities().get(after.trueClass())) + ".");
    }
}
