package org.convlab.training.queue;

import java.util.ArrayList;
import java.util.List;
import org.convlab.training.engine.ProgressListener.EpochReport;

/**
 * Reads a run's history the way a teacher would and says, in plain words, when something is going
 * wrong: the loss exploding, or the model starting to memorise the training images (overfitting).
 * Each piece of advice names the lesson and the settings that help.
 */
public final class TrainingAdvice {

    /** What is happening, what to try, and the lesson that explains it. */
    public record Advice(String kind, String message, String lesson) {}

    private TrainingAdvice() {}

    public static List<Advice> of(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        List<Advice> advice = new ArrayList<>();
        if (diverged(epochs, batches)) {
            advice.add(new Advice("diverging",
                    "The loss is exploding instead of falling: the learning rate is too large for this model. "
                            + "Cancel, and try a learning rate 10 times smaller.",
                    "learn/learning"));
        }
        if (overfitting(epochs)) {
            advice.add(new Advice("overfitting",
                    "Validation loss has risen for two epochs while training loss kept falling: the model is "
                            + "starting to memorise the training images. Try dropout, data augmentation, fewer "
                            + "epochs (or early stopping), or L2 weight penalties.",
                    "learn/learning"));
        }
        return advice;
    }

    /** A non-finite loss, or a loss far above where the run started. */
    static boolean diverged(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        for (LiveRun.Point p : batches) {
            if (!Double.isFinite(p.loss())) {
                return true;
            }
        }
        if (batches.size() >= 10) {
            double first = batches.getFirst().loss();
            double last = batches.getLast().loss();
            if (last > 3 * first && last > 5) {
                return true;
            }
        }
        return epochs.stream().anyMatch(e -> !Double.isFinite(e.loss()));
    }

    /** Validation loss up two epochs in a row while training loss went down. */
    static boolean overfitting(List<EpochReport> epochs) {
        int n = epochs.size();
        if (n < 3) {
            return false;
        }
        EpochReport a = epochs.get(n - 3);
        EpochReport b = epochs.get(n - 2);
        EpochReport c = epochs.get(n - 1);
        if (Double.isNaN(c.validationLoss())) {
            return false;
        }
        boolean validationRising = b.validationLoss() > a.validationLoss() && c.validationLoss() > b.validationLoss();
        boolean trainingFalling = c.loss() < a.loss();
        return validationRising && trainingFalling;
    }
}
