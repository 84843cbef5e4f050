package org.convlab.training.engine;

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

    static ValidatedModel tinyCnn() {
        return TestModels.tinyCnn();
    }

    /**
     * The tiny CNN trained once per test JVM (5,000 images, 2 epochs, ~10 s) and shared by the
     * save/load and introspection tests. Never closed: the JVM ends with the tests.
     */
    static synchronized TrainedModel trainedTiny() {
        if (trained == null) {
            trained = new ModelTrainer().train(tinyCnn(), quick().withEpochs(2).withValidationSplit(0),
                    train().first(5000), ProgressListener.NONE, new TrainingControl()).model();
        }
        return trained;
    }

    static Hyperparameters quick() {
        return Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withValidationSplit(0.1)
                .withDevice(DeviceChoice.CPU);
    }
}
