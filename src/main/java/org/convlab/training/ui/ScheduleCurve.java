package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import java.util.List;
import org.convlab.base.ui.ChartConfig;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.LearningRateSchedule;

/**
 * The learning-rate schedule a run chose, drawn on the loss chart's right-hand axis (dashed) so a
 * learner sees the loss move with the rate: a warm-up's climb, a step's drop, a cosine's glide.
 * Drawn with the existing chart component (Chart.js' second axis), so no front-end rebuild is
 * needed. The planned curve leaves out reduce-on-plateau drops, which depend on the run.
 */
final class ScheduleCurve {

    /** The right-hand axis's title and the curve's label (keys). */
    static final String AXIS = "training.schedule-curve.axis";
    static final String LABEL = "training.schedule-curve.label";
    /** Enough samples for a smooth cosine; the line has no markers. */
    private static final int POINTS_PER_EPOCH = 20;

    private ScheduleCurve() {}

    /** Whether the run's rate moves by schedule at all (a constant rate without warm-up is not drawn). */
    static boolean shown(Hyperparameters hp) {
        return hp != null && !LearningRateSchedule.CONSTANT.equals(hp.schedule());
    }

    /** Adds the schedule to {@code loss}, for a run of {@code stepsPerEpoch} batches an epoch. */
    static ChartConfig addTo(ChartConfig loss, Hyperparameters hp, int stepsPerEpoch) {
        if (!shown(hp) || stepsPerEpoch < 1) {
            return loss;
        }
        return loss.pointsOnRight(t(AXIS), t(LABEL, hp.schedule().describeText()), rates(hp, stepsPerEpoch), false);
    }

    /** (epoch, rate) over the whole run: the run's rate times the schedule's multiplier. */
    static List<double[]> rates(Hyperparameters hp, int stepsPerEpoch) {
        double base = hp.effectiveLearningRate();
        return hp.schedule().curve(hp.epochs(), stepsPerEpoch, POINTS_PER_EPOCH).stream()
                .map(p -> new double[] {p[0], (float) (base * p[1])})
                .toList();
    }

    /** Batches an epoch: from the run's progress when known, else from its settings (60,000 images by default). */
    static int stepsPerEpoch(Hyperparameters hp, Integer knownBatches, int trainImages) {
        if (knownBatches != null && knownBatches > 0) {
            return knownBatches;
        }
        if (hp == null) {
            return 1;  // settings that could not be read: nothing is drawn (see shown)
        }
        int images = trainImages > 0 ? trainImages
                : (int) Math.round((hp.limit() == null ? 60_000 : hp.limit()) * (1 - hp.validationSplit()));
        return Math.max(1, (images + hp.batchSize() - 1) / Math.max(1, hp.batchSize()));
    }
}
