package org.convlab.lesson.architecture;

import java.util.Locale;
import org.convlab.i18n.LocalFormat;
import org.convlab.i18n.Translations;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;

/**
 * How a layer's Keras parameter count comes about, e.g. "(3,200 + 1)·128 = 409,728", for the lessons.
 * The count itself is the model's ({@link ModelValidator#parameterCount}); only the arithmetic shown
 * to the learner lives here.
 */
public final class ParameterFormula {

    private ParameterFormula() {}

    /** "3,840,000": large counts are read at a glance only with their thousands marked. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The formula of one layer of a validated model, on the input it gets there. */
    public static String of(ValidatedModel.LayerInfo layer) {
        return of(layer.layer(), layer.input());
    }

    /** {@link #of(ValidatedModel.LayerInfo)} in {@code locale}: its words, and numbers grouped its way. */
    public static String of(ValidatedModel.LayerInfo layer, Locale locale) {
        return of(layer.layer(), layer.input(), locale);
    }

    /** The formula of a layer on an input of this shape; the layer must fit the input. */
    public static String of(Layer layer, LayerShape input) {
        return of(layer, input, Locale.ENGLISH);
    }

    /** {@link #of(Layer, LayerShape)} in {@code locale}: "(3·3·1 + 1)·32 = 320", "0: Pooling hat nichts zu lernen". */
    public static String of(Layer layer, LayerShape input, Locale locale) {
        long count = ModelValidator.parameterCount(layer, input);
        return switch (layer.withDefaults()) {
            case Layer.Conv2d c -> "(" + c.kernel() + "·" + c.kernel() + "·" + grouped(input.channels(), locale) + " + 1)·"
                    + grouped(c.filters(), locale) + " = " + grouped(count, locale);
            case Layer.Dense d -> "(" + grouped(input.size(), locale) + " + 1)·" + grouped(d.units(), locale) + " = "
                    + grouped(count, locale);
            case Layer.BatchNorm b -> Translations.get(locale, "lesson.formula.batch-norm",
                    grouped(input.flat() ? input.units() : input.channels(), locale), grouped(count, locale));
            case Layer.MaxPool p -> Translations.get(locale, "lesson.formula.pooling");
            case Layer.AvgPool p -> Translations.get(locale, "lesson.formula.pooling");
            case Layer.Flatten f -> Translations.get(locale, "lesson.formula.flatten");
            case Layer.Dropout d -> Translations.get(locale, "lesson.formula.dropout");
            case Layer.ActivationLayer a -> Translations.get(locale, "lesson.formula.activation");
        };
    }

    private static String grouped(long n, Locale locale) {
        return LocalFormat.integer(locale, n);
    }
}
