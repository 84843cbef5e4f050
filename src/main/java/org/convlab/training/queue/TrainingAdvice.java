package org.convlab.training.queue;

import java.util.ArrayList;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.training.engine.ProgressListener.EpochReport;

/**
 * Reads a run's history the way a teacher would and says, in plain words, when something is going
 * wrong. Two troubles look alike on a chart (the curves go the wrong way) but need opposite cures,
 * so they are told apart first:
 * <ul>
 *   <li>divergence: the training loss itself explodes (far above the 2.3 of guessing among ten
 *       classes, or not a number), or it shot up and the network now only guesses. The steps are
 *       too large: lower the learning rate (momentum makes each step larger still);</li>
 *   <li>overfitting: training keeps getting better while validation gets worse, or the two drift
 *       far apart. The network memorises its training images: more data, dropout, L2,
 *       augmentation, or fewer epochs.</li>
 * </ul>
 * A run that diverges is never called overfitting: its validation loss rises because everything
 * broke, not because it memorised. Each piece of advice names the lesson that explains it.
 */
public final class TrainingAdvice {

    /** The loss of a network that spreads its bets evenly over Fashion-MNIST's ten classes: ln 10. */
    static final double GUESSING_LOSS = Math.log(10);
    /**
     * A training loss this far above guessing means confident wrong answers across the board: no
     * learning run that merely learns slowly or memorises gets there, a run whose steps overshoot does.
     */
    static final double EXPLODED_LOSS = 3 * GUESSING_LOSS;
    /** Accuracy no better than this (chance is 10 %) after a rise in the loss: the network broke. */
    private static final double GUESSING_ACCURACY = 0.2;
    /** Training accuracy this much above validation accuracy (with the losses far apart too) is memorising. */
    private static final double ACCURACY_GAP = 0.10;

    /** What is happening, what to try (to be written in the reader's language), and the lesson that explains it. */
    public record Advice(String kind, Text message, String lesson) {}

    private TrainingAdvice() {}

    public static List<Advice> of(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        List<Advice> advice = new ArrayList<>();
        if (diverged(epochs, batches)) {
            advice.add(new Advice("diverging", Text.of("training.advice.diverging"), "learn/learning"));
        } else if (overfitting(epochs)) {
            advice.add(new Advice("overfitting", Text.of("training.advice.overfitting"), "learn/learning"));
        }
        return advice;
    }

    /**
     * A training loss that is not a number, far above guessing, more than three times where it began,
     * or one that rose and left the network guessing.
     */
    static boolean diverged(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        for (LiveRun.Point p : batches) {
            if (!Double.isFinite(p.loss()) || p.loss() > EXPLODED_LOSS) {
                return true;
            }
        }
        for (EpochReport e : epochs) {
            if (!Double.isFinite(e.loss()) || e.loss() > EXPLODED_LOSS || Double.isInfinite(e.validationLoss())) {
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
        return brokeIntoGuessing(epochs, batches);
    }

    /**
     * The loss rose well above where it began and, epochs later, the network still only guesses: a
     * step too large threw the weights somewhere nothing is learnt any more (a learning rate merely
     * too small never makes the loss rise).
     */
    private static boolean brokeIntoGuessing(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        if (epochs.size() < 2 || batches.isEmpty()) {
            return false;
        }
        double first = batches.getFirst().loss();
        double highest = batches.stream().mapToDouble(LiveRun.Point::loss).max().orElse(first);
        EpochReport last = epochs.getLast();
        return highest > 1.25 * Math.max(first, GUESSING_LOSS) && last.accuracy() <= GUESSING_ACCURACY
                && last.loss() >= 0.9 * GUESSING_LOSS;
    }

    /**
     * Validation loss up two epochs in a row while training loss went down; or, after three epochs,
     * validation loss well above its best (two or more epochs back) while training loss kept
     * falling; or training accuracy far above validation accuracy with the losses far apart.
     */
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
        if (validationRising && trainingFalling) {
            return true;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (epochs.get(i).validationLoss() < epochs.get(best).validationLoss()) {
                best = i;
            }
        }
        EpochReport atBest = epochs.get(best);
        if (n - 1 - best >= 2 && c.validationLoss() > 1.15 * atBest.validationLoss() && c.loss() < atBest.loss()) {
            return true;
        }
        return c.accuracy() - c.validationAccuracy() >= ACCURACY_GAP && c.validationLoss() >= 1.5 * c.loss();
    }
}
