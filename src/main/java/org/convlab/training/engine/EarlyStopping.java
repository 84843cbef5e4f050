package org.convlab.training.engine;

/**
 * Stops the run once the validation loss has not improved ({@link BestValidationLoss}) for
 * {@code patience} epochs in a row. Off at patience 0, and in a run without validation.
 */
final class EarlyStopping implements EpochPolicy {

    static final String REASON = "early stopping";

    private final int patience;
    private final BestValidationLoss best = new BestValidationLoss();
    private int sinceBest;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    @Override
    public Decision onEpochEnd(ProgressListener.EpochReport report, Context context) {
        if (!context.hasValidation()) {
            return Decision.GO_ON;
        }
        sinceBest = best.improvesOn(report.validationLoss()) ? 0 : sinceBest + 1;
        return patience > 0 && sinceBest >= patience ? new Decision.Stop(REASON) : Decision.GO_ON;
    }
}
