package org.convlab.lesson.softmax;

import java.util.List;
import java.util.stream.Collectors;
import org.convlab.lesson.ValueFormat;

/**
 * Softmax and cross-entropy, every intermediate value kept.
 *
 * @param exponentials e^(z − maxLogit) for each logit
 * @param loss cross-entropy: −ln of the true class's probability
 */
public record SoftmaxTrace(
        List<Double> logits,
        double maxLogit,
        List<Double> exponentials,
        double exponentialSum,
        List<Double> probabilities,
        int trueClass,
        double loss) {

    public SoftmaxTrace {
        logits = List.copyOf(logits);
        exponentials = List.copyOf(exponentials);
        probabilities = List.copyOf(probabilities);
    }

    /** The computation in sentences, numbers rounded to three decimals. */
    public List<String> explanation() {
        ValueFormat f = ValueFormat.plain();
        return List.of(
                "Logits z: " + list(logits) + ".",
                "Subtract the largest, " + f.format(maxLogit)
                        + ", and take e to the power of each: " + list(exponentials)
                        + ". Shifting every logit by the same amount changes no probability.",
                "They add up to " + f.format(exponentialSum) + "; dividing each by that sum gives the probabilities "
                        + list(probabilities) + ", which add up to 1.",
                "The loss is minus the natural log of the true class's probability: −ln("
                        + f.format(probabilities.get(trueClass)) + ") = " + f.format(loss) + ".");
    }

    static String list(List<Double> values) {
        ValueFormat f = ValueFormat.plain();
        return values.stream().map(f::format).collect(Collectors.joining(", "));
    }
}
