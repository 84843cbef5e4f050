package org.convlab.training.engine;

import java.util.List;

/**
 * One rule applied at the end of every epoch (early stopping, reduce-on-plateau, checkpointing), in
 * the spirit of DJL's training listeners but over ConvLab's {@link ProgressListener.EpochReport}s,
 * so that each rule is written once, tested without DJL, and replayed over a resumed run's history
 * exactly as it ran live. {@link EpochPolicies} runs them in order.
 */
interface EpochPolicy {

    /** Called once per finished epoch, live or replayed, in epoch order. */
    Decision onEpochEnd(ProgressListener.EpochReport report, Context context);

    /**
     * What a policy sees besides the report.
     *
     * @param hasValidation whether the run has a validation split; without one there is no
     *        validation loss to watch (the report's is NaN)
     * @param replaying the epoch ran in an earlier process and is being replayed after a resume:
     *        count it, but do nothing that has already been done (the checkpoint is on disk, the
     *        learning rate was restored from it)
     * @param learningRate the run's rate from now on, after the changes of the policies before this
     *        one, before the learning-rate schedule's multiplier (reduce-on-plateau lowers this base;
     *        the optimizer uses base × schedule(step)); when replaying, the rate the report shows
     * @param history every epoch so far, this one included
     */
    record Context(boolean hasValidation, boolean replaying, double learningRate,
            List<ProgressListener.EpochReport> history) {}

    /** What a policy decided: go on, go on with another learning rate, or stop the run. */
    sealed interface Decision {
        Decision GO_ON = new GoOn();

        record GoOn() implements Decision {}

        record SetLearningRate(double learningRate) implements Decision {}

        /** @param reason the run's stop reason, as stored and shown ("early stopping") */
        record Stop(String reason) implements Decision {}
    }
}
