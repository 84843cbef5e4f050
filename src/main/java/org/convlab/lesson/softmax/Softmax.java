package org.convlab.lesson.softmax;

import java.util.List;

/** Softmax and cross-entropy, the last layer and the loss of a classifier. */
public final class Softmax {

    private Softmax() {}

    /**
     * Turns logits into probabilities. The largest logit is subtracted first: that leaves every
     * probability unchanged and keeps e^z from overflowing for large logits.
     */
    public static SoftmaxTrace trace(List<Double> logits, int trueClass) {
        if (logits.isEmpty()) {
            throw new IllegalArgumentException("softmax needs at least one logit");
        }
        if (trueClass < 0 || trueClass >= logits.size()) {
            throw new IllegalArgumentException(
                    "the true class must be between 0 and " + (logits.size() - 1) + ", got " + trueClass);
        }
        double max = logits.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Double> exponentials = logits.stream().map(z -> Math.exp(z - max)).toList();
        double sum = exponentials.stream().mapToDouble(Double::doubleValue).sum();
        List<Double> probabilities = exponentials.stream().map(e -> e / sum).toList();
        double loss = -Math.log(probabilities.get(trueClass));
        return new SoftmaxTrace(logits, max, exponentials, sum, probabilities, trueClass, loss);
    }
}
