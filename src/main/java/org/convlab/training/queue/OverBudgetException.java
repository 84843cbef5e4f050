package org.convlab.training.queue;

import org.convlab.i18n.Text;
import org.convlab.training.engine.RunRefused;
import org.convlab.training.engine.Hyperparameters;

/**
 * A run (or a grid of runs) that its learner's {@link RunBudget} does not allow, refused before
 * anything is queued. It is an {@link InvalidModelException}, so every way in (the Train and
 * experiments pages, the API) shows its one line as it shows any other setting that cannot be
 * trained; the line says what to change.
 */
public final class OverBudgetException extends RunRefused {

    private final boolean tooManyWaiting;

    private OverBudgetException(Text problem, boolean tooManyWaiting) {
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
        return tooLarge(Text.of("training.budget.this-run"), hp, budget);
    }

    /** {@code subject}: which run, in the learner's words ("This run", "Each run of this grid"). */
    static OverBudgetException tooLarge(Text subject, Hyperparameters hp, RunBudget budget) {
        long max = budget.maxImageEpochs();
        int images = RunBudget.images(hp);
        int epochs = hp.epochs();
        long fewerImages = Math.min(max / epochs, RunBudget.TRAIN_IMAGES);
        long fewerEpochs = max / Math.max(1, images);
        Text change;
        if (fewerImages >= 1 && fewerEpochs >= 1) {
            change = Text.of("training.budget.fewer-images-or-epochs", fewerImages, epochs(fewerEpochs));
        } else if (fewerImages >= 1) {
            change = Text.of("training.budget.fewer-images", fewerImages);
        } else {
            change = Text.of("training.budget.one-epoch", Math.min(max, RunBudget.TRAIN_IMAGES));
        }
        return new OverBudgetException(Text.of("training.budget.too-large", subject, (long) images, epochs(epochs),
                RunBudget.imageEpochs(hp), max, change), false);
    }

    /** One more run would leave more runs waiting than the budget allows. */
    static OverBudgetException tooManyWaiting(long waiting) {
        return new OverBudgetException(Text.of("training.budget.too-many-waiting", runs(waiting)), true);
    }

    /** A grid's runs would leave more runs waiting than the budget allows. */
    static OverBudgetException gridTooLarge(int gridRuns, long waiting, RunBudget budget) {
        int max = budget.maxWaitingRuns();
        if (gridRuns > max) {
            return new OverBudgetException(Text.of("training.budget.grid-too-large", runs(gridRuns), runs(max)), false);
        }
        long over = waiting + gridRuns - max;
        return new OverBudgetException(over == 1
                ? Text.of("training.budget.grid-wait-one", runs(gridRuns), waiting, runs(max))
                : Text.of("training.budget.grid-wait-some", runs(gridRuns), waiting, runs(max), over), true);
    }

    private static Text runs(long n) {
        return Text.count("training.budget.runs", n);
    }

    private static Text epochs(long n) {
        return Text.count("training.budget.epochs", n);
    }
}
