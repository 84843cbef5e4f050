package org.convlab.training.engine;

import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.ValidatedModel;

/** Models the tests train: small enough for seconds on 2 cores, real enough to look inside. */
public final class TestModels {

    private TestModels() {}

    /**
     * conv 8 3×3 same → maxpool → conv 16 3×3 same → maxpool → flatten → dense 32 → dense 10
     * (~26k params). The hidden dense layer matters for Grad-CAM: without it this small net
     * recognises trousers mostly by the absence of features, and every class-weighted map is negative.
     */
    public static ValidatedModel tinyCnn() {
        return ModelValidator.validate(new ModelSpec("tiny-cnn", List.of(
                new Layer.Conv2d(8, 3, Padding.SAME, ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Conv2d(16, 3, Padding.SAME, ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dense(32, ActivationKind.RELU),
                new Layer.Dense(10, ActivationKind.SOFTMAX))));
    }
}
