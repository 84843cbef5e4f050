package org.convlab.training.engine;

/**
 * Reduce-on-plateau: once the validation loss has not improved ({@link BestValidationLoss}) for
 * {@code patience} epochs, multiplies the learning rate by {@code factor}, never going below
 * {@code minimum}, and starts counting again from zero; an improvement also restarts the count.
 * Off at patience 0, and in a run without validation.
 */
final class LearningRatePlateau implements EpochPolicy {

    private final int patience;
    private final double factor;
    private final double minimum;
    private final BestValidationLoss best = new BestValidationLoss();
    private int sinceBestOrDrop;

    LearningRatePlateau(int patience, double factor, double minimum) {
        this.patience = patience;
        this.factor = factor;
        this.minimum = minimum;
    }

    @Override
    public Decision onEpochEnd(ProgressListener.EpochReport report, Context context) {
        if (!context.hasValidation()) {
            return Decision.GO_ON;
        }
        sinceBestOrDrop = best.improvesOn(report.validationLoss()) ? 0 : sinceBestOrDrop + 1;
        if (patience > 0 && sinceBestOrDrop >= patience) {
            sinceBestOrDrop = 0;
            return new Decision.SetLearningRate(Math.max(minimum, context.learningRate() * factor));
        }
        return Decision.GO_ON;
    }
}
