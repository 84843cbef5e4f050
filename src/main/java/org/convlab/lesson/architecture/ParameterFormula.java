package org.convlab.lesson.architecture;

import java.util.Locale;
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

    /** The formula of a layer on an input of this shape; the layer must fit the input. */
    public static String of(Layer layer, LayerShape input) {
        long count = ModelValidator.parameterCount(layer, input);
        return switch (layer.withDefaults()) {
            case Layer.Conv2d c -> "(" + c.kernel() + "·" + c.kernel() + "·" + grouped(input.channels()) + " + 1)·"
                    + grouped(c.filters()) + " = " + grouped(count);
            case Layer.Dense d -> "(" + grouped(input.size()) + " + 1)·" + grouped(d.units()) + " = " + grouped(count);
            case Layer.BatchNorm b -> {
                long features = input.flat() ? input.units() : input.channels();
                yield "2·" + grouped(features) + " learned (γ, β) + 2·" + grouped(features)
                        + " tracked (mean, variance) = " + grouped(count);
            }
            case Layer.MaxPool p -> "0: pooling has nothing to learn";
            case Layer.AvgPool p -> "0: pooling has nothing to learn";
            case Layer.Flatten f -> "0: flattening only reorders values";
            case Layer.Dropout d -> "0: dropout only zeroes values while training";
            case Layer.ActivationLayer a -> "0: an activation has nothing to learn";
        };
    }
}
