package org.convlab.classroom.grading;

import static org.convlab.model.ActivationKind.RELU;
import static org.convlab.model.ActivationKind.SOFTMAX;

import java.util.List;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.Padding;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.Hyperparameters;

/** Finished runs to grade, built from a layer list and a few outcome numbers. */
final class SampleRuns {

    private SampleRuns() {}

    /** conv → maxpool → conv → maxpool → flatten → dense 128 → dense 10: 2 conv, 2 max pooling. */
    static final List<Layer> TWO_STAGE_CNN = List.of(
            new Layer.Conv2d(32, 3, RELU),
            new Layer.MaxPool(2),
            new Layer.Conv2d(64, 3, RELU),
            new Layer.MaxPool(2),
            new Layer.Flatten(),
            new Layer.Dense(128, RELU),
            new Layer.Dense(10, SOFTMAX));

    static final List<Layer> DENSE = List.of(
            new Layer.Flatten(),
            new Layer.Dense(128, RELU),
            new Layer.Dense(10, SOFTMAX));

    static GradedRun run(List<Layer> layers) {
        return new GradedRun("run-1", "sample", true, new ModelSpec("sample", layers),
                Hyperparameters.defaults().withEpochs(8), 0.9123, 8, 225_034L, 95.25);
    }

    /** A finished run of {@code spec}; null for a run whose model could not be read. */
    static GradedRun withSpec(ModelSpec spec) {
        GradedRun r = run(TWO_STAGE_CNN);
        return new GradedRun(r.runId(), r.name(), r.finished(), spec, r.hyperparameters(), r.testAccuracy(),
                r.epochsTrained(), r.params(), r.trainSeconds());
    }

    static GradedRun withOutcome(Double accuracy, int epochs, Long params, Double seconds) {
        GradedRun r = run(TWO_STAGE_CNN);
        return new GradedRun(r.runId(), r.name(), r.finished(), r.spec(), r.hyperparameters(), accuracy, epochs, params, seconds);
    }

    static GradedRun withSettings(Hyperparameters hp) {
        GradedRun r = run(TWO_STAGE_CNN);
        return new GradedRun(r.runId(), r.name(), r.finished(), r.spec(), hp, r.testAccuracy(), r.epochsTrained(),
                r.params(), r.trainSeconds());
    }

    static GradedRun withAugmentation(Augmentation a) {
        return withSettings(Hyperparameters.defaults().withAugmentation(a));
    }

    static Layer.Conv2d conv(double l1, double l2) {
        return new Layer.Conv2d(32, 3, 1, Padding.VALID, RELU, l1, l2);
    }
}
