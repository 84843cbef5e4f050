package org.convlab.training.queue;

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

    public RunBudget {
        if (maxImageEpochs < 0 || maxWaitingRuns < 0) {
            throw new IllegalArgumentException("a budget cannot be negative");
        }
    }
}
