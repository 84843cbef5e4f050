package org.convlab.training;

import java.util.List;

/**
 * Rough durations for the queue's estimates: a run's images × epochs over the speed that recent
 * runs of the same model reached (any model's when there is none; 1,000 images/s at first).
 */
final class RunEstimates {

    private static final double DEFAULT_IMAGES_PER_SECOND = 1000;
    private static final int TRAIN_IMAGES = 60_000;

    private RunEstimates() {}

    static double seconds(RunJob job, RunJobRepository runs) {
        Hyperparameters hp = RunJson.hyperparameters(job.getHyperparametersJson());
        int images = hp.limit() == null ? TRAIN_IMAGES : Math.min(hp.limit(), TRAIN_IMAGES);
        double trainImages = images * (1 - hp.validationSplit());
        return hp.epochs() * trainImages / imagesPerSecond(job.getName(), runs);
    }

    static double remaining(RunJob job, RunJobRepository runs) {
        LiveRun.Snapshot snapshot = RunJson.snapshot(job.getProgressJson());
        if (snapshot != null && snapshot.latest() != null) {
            return snapshot.latest().etaSeconds();
        }
        return seconds(job, runs);
    }

    static double imagesPerSecond(String name, RunJobRepository runs) {
        List<RunJob> recent = runs.findTop20ByStatusOrderByFinishedAtDesc(RunJob.Status.DONE);
        double same = average(recent.stream().filter(r -> r.getName().equals(name)).toList());
        if (same > 0) {
            return same;
        }
        double any = average(recent);
        return any > 0 ? any : DEFAULT_IMAGES_PER_SECOND;
    }

    private static double average(List<RunJob> runs) {
        return runs.stream()
                .flatMap(r -> RunJson.history(r.getHistoryJson()).stream())
                .mapToDouble(TrainingListener.EpochReport::imagesPerSecond)
                .filter(v -> v > 0 && Double.isFinite(v))
                .average().orElse(0);
    }
}
