package org.convlab.training.engine;

import java.util.List;
import java.util.Optional;

/**
 * The epoch-end policies of a run, applied in order: each sees the learning rate as the policies
 * before it left it, and the first to stop the run names the stop reason (the others still see the
 * epoch, so their counts stay right). A resumed run's history goes through the same policies.
 */
final class EpochPolicies {

    private final boolean hasValidation;
    private final List<EpochPolicy> policies;

    EpochPolicies(boolean hasValidation, List<EpochPolicy> policies) {
        this.hasValidation = hasValidation;
        this.policies = List.copyOf(policies);
    }

    /**
     * ConvLab's policies: lower the rate on a plateau, save the checkpoint with the rate the next
     * epoch will use, then stop early if the validation loss has stalled (after saving, so a resumed
     * run knows it had stopped).
     */
    static EpochPolicies of(Hyperparameters hp, boolean hasValidation, EpochCheckpointing checkpointing) {
        return new EpochPolicies(hasValidation, List.of(
                new LearningRatePlateau(hp.reduceLrPatience(), hp.reduceLrFactor(), hp.minLearningRate()),
                checkpointing,
                new EarlyStopping(hp.earlyStoppingPatience())));
    }

    /**
     * After a live epoch ({@code report} is the last of {@code history}): applies the policies'
     * learning-rate changes to {@code rate}; returns the stop reason if one stops the run.
     */
    Optional<String> onEpochEnd(ProgressListener.EpochReport report, List<ProgressListener.EpochReport> history,
            AdjustableRate rate) {
        return apply(report, history, rate, false);
    }

    /**
     * Feeds a resumed run's history through the policies, epoch by epoch as it ran, so that their
     * counts go on from there. Changes nothing outside them: the learning rate comes from the
     * checkpoint. Returns the stop reason if the last epoch had stopped the run.
     */
    Optional<String> replay(List<ProgressListener.EpochReport> history) {
        Optional<String> stop = Optional.empty();
        for (int i = 0; i < history.size(); i++) {
            ProgressListener.EpochReport past = history.get(i);
            // The report holds the rate that epoch ran with: the rate the policies saw live.
            stop = apply(past, history.subList(0, i + 1), new AdjustableRate(past.learningRate()), true);
        }
        return stop;
    }

    private Optional<String> apply(ProgressListener.EpochReport report, List<ProgressListener.EpochReport> history,
            AdjustableRate rate, boolean replaying) {
        Optional<String> stop = Optional.empty();
        for (EpochPolicy policy : policies) {
            // rate.base() is the float the optimizer will use before the schedule's multiplier (exactly the
            // rate it uses with a constant schedule): later policies and the checkpoint see that.
            EpochPolicy.Context context = new EpochPolicy.Context(hasValidation, replaying, rate.base(), history);
            switch (policy.onEpochEnd(report, context)) {
                case EpochPolicy.Decision.GoOn goOn -> { }
                case EpochPolicy.Decision.SetLearningRate set -> rate.set(set.learningRate());
                case EpochPolicy.Decision.Stop s -> stop = stop.or(() -> Optional.of(s.reason()));
            }
        }
        return stop;
    }
}
