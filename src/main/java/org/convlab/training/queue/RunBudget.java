package org.convlab.training.queue;

import org.convlab.training.engine.Hyperparameters;

/**
 * What one learner's runs may use on a shared server: the most images × epochs one run may train
 * on, and the most runs the learner may have waiting at once. A class's teacher sets it; the
 * server's defaults apply otherwise (see {@link RunBudgets}).
 *
 * @param maxImageEpochs training images × epochs one run may use (0: no limit)
 * @param maxWaitingRuns runs one learner may have waiting in the queue at once (0: no limit)
 */
public record RunBudget(long maxImageEpochs, int maxWaitingRuns) {

    public static final RunBudget UNLIMITED = new RunBudget(0, 0);

    /** Fashion-MNIST's training set: what a run without an image limit trains on. */
    public static final int TRAIN_IMAGES = 60_000;

    public RunBudget {
        if (maxImageEpochs < 0 || maxWaitingRuns < 0) {
            throw new IllegalArgumentException("a budget cannot be negative");
        }
    }

    /**
     * What a run with these settings counts against {@link #maxImageEpochs()}: the images it asked
     * for (all of them when it sets no limit) times its epochs. The images a run holds back for
     * validation count too: they are read every epoch as well, and the learner chose the number.
     */
    public static long imageEpochs(Hyperparameters hp) {
        return (long) images(hp) * Math.max(0, hp.epochs());
    }

    /** The training images a run with these settings uses. */
    public static int images(Hyperparameters hp) {
        return hp.limit() == null ? TRAIN_IMAGES : Math.min(Math.max(0, hp.limit()), TRAIN_IMAGES);
    }

    /** Whether one run of these settings fits. */
    public boolean allows(Hyperparameters hp) {
        return maxImageEpochs == 0 || imageEpochs(hp) <= maxImageEpochs;
    }

    /** Whether {@code adding} more runs may wait beside the {@code waiting} ones already queued. */
    public boolean allowsWaiting(long waiting, int adding) {
        return maxWaitingRuns == 0 || waiting + adding <= maxWaitingRuns;
    }
}
