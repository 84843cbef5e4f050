package org.convlab.training;

import java.util.List;
import org.convlab.model.Activation;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.ValidatedModel;

/** Shared, loaded-once data and a tiny CNN that trains in seconds on 2 cores. */
final class TrainingFixtures {

    private static ImageSet train;
    private static ImageSet test;

    private TrainingFixtures() {}

    static synchronized ImageSet train() {
        if (train == null) {
            train = FashionMnistArrays.train();
        }
        return train;
    }

    static synchronized ImageSet test() {
        if (test == null) {
            test = FashionMnistArrays.test();
        }
        return test;
    }

    /** conv 8 3×3 same → maxpool → conv 16 3×3 same → maxpool → flatten → dense 10: ~8.5k params. */
    static ValidatedModel tinyCnn() {
        return ModelValidator.validate(new ModelSpec("tiny-cnn", List.of(
                new Layer.Conv2d(8, 3, Padding.SAME, Activation.RELU),
                new Layer.MaxPool(2),
                new Layer.Conv2d(16, 3, Padding.SAME, Activation.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dense(10, Activation.SOFTMAX))));
    }

    static Hyperparameters quick() {
        return Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withValidationSplit(0.1)
                .withDevice(DeviceChoice.CPU);
    }
}
