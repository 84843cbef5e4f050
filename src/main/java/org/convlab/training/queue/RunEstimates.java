package org.convlab.training.queue;

import java.util.List;

import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.RunState;
import java.util.stream.Collectors;
import java.util.Map;
/**
 * Rough durations for the queue's estimates: a run's images × epochs over the speed that recent
 * runs of the same model reached (any model's when there is none; 1,000 images/s at first). The
 * recent runs are read once per estimate, not once per run in the queue: pages ask every second.
 */
final class RunEstimates {

    private static final double DEFAULT_IMAGES_PER_SECOND = 1000;
    private static final int TRAIN_IMAGES = 60_000;

    private final Map<String, Double> speedByModel;
    private final double anySpeed;

    private RunEstimates(List<RunJob> recent) {
        this.speedByModel = recent.stream().collect(Collectors.groupingBy(RunJob::getName,
                Collectors.collectingAndThen(Collectors.toList(), RunEstimates::average)));
        double any = average(recent);
        this.anySpeed = any > 0 ? any : DEFAULT_IMAGES_PER_SECOND;
    }

    static RunEstimates fromRecentRuns(RunJobRepository runs) {
        return new RunEstimates(runs.findTop20ByStatusOrderByFinishedAtDesc(RunState.DONE));
    }

    double seconds(RunJob job) {
        Hyperparameters hp = RunJson.hyperparameters(job.getHyperparametersJson());
        int images = hp.limit() == null ? TRAIN_IMAGES : Math.min(hp.limit(), TRAIN_IMAGES);
        double trainImages = images * (1 - hp.validationSplit());
        return hp.epochs() * trainImages / imagesPerSecond(job.getName());
    }

    double remaining(RunJob job) {
        LiveRun.Snapshot snapshot = RunJson.snapshot(job.getProgressJson());
        if (snapshot != null && snapshot.latest() != null) {
            return snapshot.latest().etaSeconds();
        }
        return seconds(job);
    }

    private double imagesPerSecond(String name) {
        double same = speedByModel.getOrDefault(name, 0.0);
        return same > 0 ? same : anySpeed;
    }

    private static double average(List<RunJob> runs) {
        return runs.stream()
                .flatMap(r -> RunJson.history(r.getHistoryJson()).stream())
                .mapToDouble(ProgressListener.EpochReport::imagesPerSecond)
                .filter(v -> v > 0 && Double.isFinite(v))
                .average().orElse(0);
    }
}
