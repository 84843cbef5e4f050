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
    private static TrainedModel trained;
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

    /**
     * conv 8 3×3 same → maxpool → conv 16 3×3 same → maxpool → flatten → dense 32 → dense 10
     * (~26k params). The hidden dense layer matters for Grad-CAM: without it this small net
     * recognises trousers mostly by the absence of features, and every class-weighted map is negative.
     */
    static ValidatedModel tinyCnn() {
        return ModelValidator.validate(new ModelSpec("tiny-cnn", List.of(
                new Layer.Conv2d(8, 3, Padding.SAME, Activation.RELU),
                new Layer.MaxPool(2),
                new Layer.Conv2d(16, 3, Padding.SAME, Activation.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dense(32, Activation.RELU),
                new Layer.Dense(10, Activation.SOFTMAX))));
    }

    /**
     * The tiny CNN trained once per test JVM (5,000 images, 2 epochs, ~10 s) and shared by the
     * save/load and introspection tests. Never closed: the JVM ends with the tests.
     */
    static synchronized TrainedModel trainedTiny() {
        if (trained == null) {
            trained = new ModelTrainer().train(tinyCnn(), quick().withEpochs(2).withValidationSplit(0),
                    train().first(5000), TrainingListener.NONE, new TrainingControl()).model();
        }
        return trained;
    }

    static Hyperparameters quick() {
        return Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withValidationSplit(0.1)
                .withDevice(DeviceChoice.CPU);
    }
}
