package org.convlab.training.queue;

/**
 * Which budget applies to a learner's runs. The queue asks; the classroom answers (a learner's
 * class budget, or the server's defaults), so the queue knows nothing of classes.
 */
@FunctionalInterface
public interface RunBudgets {

    RunBudget budgetFor(long ownerId);

    RunBudgets UNLIMITED = ownerId -> RunBudget.UNLIMITED;
}
