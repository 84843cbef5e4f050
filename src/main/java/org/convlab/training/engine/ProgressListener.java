package org.convlab.training.engine;

import java.util.function.Function;

/**
 * Progress of a training run, for the UI and the CLI. Called on the training thread between
 * batches: keep it quick. Throwing from a callback stops the run (like cancelling).
 */
public interface ProgressListener {

    default void onStart(TrainingStart start) {}

    default void onBatch(BatchProgress progress) {}

    default void onEpoch(EpochReport report) {}

    /** Training is over; the model is being evaluated on the test set. */
    default void onEvaluating() {}

    /**
     * After {@link #onEpoch}, with a way to measure the model as it stands on any image set (loss,
     * accuracy; inference mode). Used by benchmarks to time "test accuracy ≥ 91%"; the time spent
     * here is not counted as training time.
     */
    default void afterEpoch(EpochReport report, Function<ImageSet, double[]> evaluate) {}

    /**
     * After {@link #onEpoch}: where the epoch's training time went, phase by phase (for the
     * benchmarks' profile of an epoch, bench/README.md).
     */
    default void onLoopTimings(LoopTimings timings) {}

    ProgressListener NONE = new ProgressListener() {};

    /** Once, before the first batch. */
    record TrainingStart(String device, long params, int epochs, int batchesPerEpoch, int trainImages,
            int validationImages) {}

    /** After every batch. Loss and accuracy are running means over the epoch so far. */
    record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
            double imagesPerSecond, double elapsedSeconds, double etaSeconds) {}

    /**
     * After every epoch. {@code seconds} covers the epoch's training and validation;
     * {@code imagesPerSecond} is training images over training time alone. Validation values are
     * NaN when there is no validation split.
     */
    record EpochReport(int epoch, double loss, double accuracy, double validationLoss,
            double validationAccuracy, double learningRate, double seconds, double imagesPerSecond) {}
}
