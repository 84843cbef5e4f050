package org.convlab.training.queue;

import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.convlab.model.ModelCost;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.Hyperparameters;

/**
 * Durations from the speeds measured here at one moment, read once for all the runs in it (pages ask every second): a run's whole
 * time from this server's measured speeds ({@link TrainingTimes}), and what is left of a run that
 * has trained for a while, from its own latest progress.
 */
public final class RunEstimates {

    private final TrainingTimes times;
    private final ToLongFunction<RunJob> cost;
    private final BooleanSupplier gpuUsable;

    RunEstimates(TrainingTimes times, ToLongFunction<RunJob> cost, BooleanSupplier gpuUsable) {
        this.times = times;
        this.cost = cost;
        this.gpuUsable = gpuUsable;
    }

    /** A run of this model with these settings, here; empty while its device's speed is not known. */
    public OptionalDouble seconds(ValidatedModel model, Hyperparameters hp) {
        return times.seconds(TrainingTimes.kind(hp.device(), gpuUsable.getAsBoolean()), ModelCost.multiplyAdds(model), hp);
    }

    /** The whole run; empty while the speed of its device here is not known yet. */
    public OptionalDouble seconds(RunJob job) {
        Hyperparameters hp = settings(job);
        long madds = cost.applyAsLong(job);
        return hp == null || madds <= 0 ? OptionalDouble.empty() : times.seconds(device(job, hp), madds, hp);
    }

    /**
     * What is left: the run's own estimate once it has trained a batch, the whole run before. A run
     * whose stored model or settings no longer read counts nothing: it fails as soon as it is taken.
     */
    OptionalDouble remaining(RunJob job) {
        LiveRun.Snapshot snapshot;
        try {
            snapshot = RunJson.snapshot(job.getProgressJson());
        } catch (RuntimeException e) {
            snapshot = null;
        }
        if (snapshot != null && snapshot.latest() != null && Double.isFinite(snapshot.latest().etaSeconds())) {
            return OptionalDouble.of(Math.max(0, snapshot.latest().etaSeconds()));
        }
        if (settings(job) == null || cost.applyAsLong(job) <= 0) {
            return OptionalDouble.of(0);
        }
        return seconds(job);
    }

    private static Hyperparameters settings(RunJob job) {
        try {
            return RunJson.hyperparameters(job.getHyperparametersJson());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String device(RunJob job, Hyperparameters hp) {
        return job.getDevice() != null ? TrainingTimes.kind(job.getDevice())
                : TrainingTimes.kind(hp.device(), gpuUsable.getAsBoolean());
    }
}
