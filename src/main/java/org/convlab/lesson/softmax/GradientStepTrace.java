package org.convlab.lesson.softmax;

import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Translations;
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
        return explanation(Locale.ENGLISH);
    }

    /** {@link #explanation()} in {@code locale}, numbers with its decimal mark (bundle i18n/lesson). */
    public List<String> explanation(Locale locale) {
        ValueFormat f = ValueFormat.plain(locale);
        return List.of(
                Translations.get(locale, "lesson.gradient.logits", SoftmaxTrace.list(logitGradient, locale)),
                Translations.get(locale, "lesson.gradient.weights"),
                Translations.get(locale, "lesson.gradient.step", f.format(learningRate)),
                Translations.get(locale, "lesson.gradient.result", f.format(before.loss()), f.format(after.loss()),
                        f.format(before.probabilities().get(before.trueClass())),
                        f.format(after.probabilities().get(after.trueClass()))));
    }
}
