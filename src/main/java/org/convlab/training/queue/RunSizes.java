package org.convlab.training.queue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.convlab.training.engine.Hyperparameters;

/**
 * How many training images a run should use so that it fits the time a lesson has and the
 * learner's budget: the Train page's default, and the subset it suggests for a long run.
 */
public final class RunSizes {

    /** The subsets the Train page offers, smallest first; 0 is all 60,000 images. */
    public static final List<Integer> SUBSETS = List.of(1_000, 2_000, 5_000, 10_000, 20_000, 0);
    /** "About a minute or less": a run that trains within this is quick enough to start with. */
    public static final double ABOUT_A_MINUTE = 75;
    /** A run longer than this is worth a word before it starts (and a smaller subset). */
    public static final double LONG_RUN = 180;
    /** With no measured speed yet, the default is no larger than this. */
    static final int UNMEASURED_CEILING = 5_000;

    private RunSizes() {}

    /**
     * The largest offered subset whose run (these settings otherwise) trains within {@code seconds}
     * and fits the budget; the smallest subset within the budget when none is quick enough (the
     * smallest of all when none fits it). A subset whose time is unknown counts as quick up to
     * {@value #UNMEASURED_CEILING} images.
     *
     * @return the subset size, 0 for all images
     */
    public static int largestWithin(Hyperparameters hp, double seconds, RunBudget budget,
            Function<Hyperparameters, OptionalDouble> time) {
        Integer best = null;
        Integer smallestInBudget = null;
        for (int subset : SUBSETS) {
            Hyperparameters sized = withSubset(hp, subset);
            if (!fits(sized, budget)) {
                continue;
            }
            if (smallestInBudget == null) {
                smallestInBudget = subset;
            }
            OptionalDouble t = time.apply(sized);
            boolean quick = t.isPresent() ? t.getAsDouble() <= seconds
                    : TrainingTimes.images(sized) <= UNMEASURED_CEILING;
            if (quick) {
                best = subset;
            }
        }
        return best != null ? best : smallestInBudget != null ? smallestInBudget : SUBSETS.getFirst();
    }

    /** Whether the run stays within the learner's images × epochs (0: no limit). */
    public static boolean fits(Hyperparameters hp, RunBudget budget) {
        return budget.maxImageEpochs() == 0
                || (long) TrainingTimes.images(hp) * Math.max(0, hp.epochs()) <= budget.maxImageEpochs();
    }

    /** These settings on a subset (0: all images). */
    public static Hyperparameters withSubset(Hyperparameters hp, int subset) {
        return hp.withLimit(subset == 0 ? null : subset);
    }
}
