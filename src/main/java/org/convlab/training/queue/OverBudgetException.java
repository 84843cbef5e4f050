package org.convlab.training.queue;

import java.util.Locale;
import org.convlab.model.InvalidModelException;
import org.convlab.training.engine.Hyperparameters;

/**
 * A run (or a grid of runs) that its learner's {@link RunBudget} does not allow, refused before
 * anything is queued. It is an {@link InvalidModelException}, so every way in (the Train and
 * experiments pages, the API) shows its one line as it shows any other setting that cannot be
 * trained; the line says what to change.
 */
public final class OverBudgetException extends InvalidModelException {

    private final boolean tooManyWaiting;

    private OverBudgetException(String problem, boolean tooManyWaiting) {
        super(problem);
        this.tooManyWaiting = tooManyWaiting;
    }

    /**
     * Whether it was refused for the runs already waiting (it may be accepted later, as they start),
     * not for its own size (it never will be as it is).
     */
    public boolean tooManyWaiting() {
        return tooManyWaiting;
    }

    /** One run asks for more images × epochs than the budget allows (the Train page warns with it before Start). */
    public static OverBudgetException tooLarge(Hyperparameters hp, RunBudget budget) {
        return tooLarge("This run", hp, budget);
    }

    /** {@code subject}: which run, in the learner's words ("This run", "Each run of this grid"). */
    static OverBudgetException tooLarge(String subject, Hyperparameters hp, RunBudget budget) {
        long max = budget.maxImageEpochs();
        int images = RunBudget.images(hp);
        int epochs = hp.epochs();
        long fewerImages = Math.min(max / epochs, RunBudget.TRAIN_IMAGES);
        long fewerEpochs = max / Math.max(1, images);
        String change;
        if (fewerImages >= 1 && fewerEpochs >= 1) {
            change = "Choose at most " + number(fewerImages) + " images, or at most " + epochs(fewerEpochs) + ".";
        } else if (fewerImages >= 1) {
            change = "Choose at most " + number(fewerImages) + " images.";
        } else {
            change = "Choose 1 epoch and at most " + number(Math.min(max, RunBudget.TRAIN_IMAGES)) + " images.";
        }
        return new OverBudgetException(subject + " would train on " + number(images) + " images × " + epochs(epochs)
                + " = " + number(RunBudget.imageEpochs(hp)) + "; your runs may use at most " + number(max)
                + " each. " + change, false);
    }

    /** One more run would leave more runs waiting than the budget allows. */
    static OverBudgetException tooManyWaiting(long waiting) {
        return new OverBudgetException("You already have " + runs(waiting) + " waiting, the most you may have. "
                + "Wait for one to start, or cancel one.", true);
    }

    /** A grid's runs would leave more runs waiting than the budget allows. */
    static OverBudgetException gridTooLarge(int gridRuns, long waiting, RunBudget budget) {
        int max = budget.maxWaitingRuns();
        if (gridRuns > max) {
            return new OverBudgetException("This grid would queue " + runs(gridRuns) + ", but you may have at most "
                    + runs(max) + " waiting. Train the variants one at a time, or ask your teacher for a larger limit.", false);
        }
        return new OverBudgetException("This grid would queue " + runs(gridRuns) + " beside the " + waiting
                + " you have waiting; you may have at most " + runs(max) + " waiting. Wait for "
                + (waiting + gridRuns - max == 1 ? "one of yours" : waiting + gridRuns - max + " of yours")
                + " to start, or cancel " + (waiting + gridRuns - max == 1 ? "one." : "some."), true);
    }

    private static String runs(long n) {
        return n + (n == 1 ? " run" : " runs");
    }

    private static String epochs(long n) {
        return number(n) + (n == 1 ? " epoch" : " epochs");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
