package org.convlab.training.engine;

import java.util.List;
import org.convlab.model.ModelSpec;

/**
 * The JSON side of a run folder (run.json): everything about a training run except the weights.
 * Misclassified images are left out (they are recomputed by {@code evaluate}).
 */
public record RunRecord(
        int format,
        String createdAt,
        ModelSpec spec,
        Hyperparameters hyperparameters,
        List<String> classNames,
        String device,
        long params,
        int trainImages,
        int validationImages,
        double trainSeconds,
        String stopReason,
        List<ProgressListener.EpochReport> history,
        Metrics metrics) {

    public static final int FORMAT = 1;

    /** Final test metrics. */
    public record Metrics(double testAccuracy, double testLoss, int[][] confusionMatrix,
            ClassificationReport report, double evaluationSeconds) {

        public static Metrics of(Evaluation e) {
            return new Metrics(e.testAccuracy(), e.testLoss(), e.confusionMatrix().counts(), e.report(), e.seconds());
        }
    }
}
