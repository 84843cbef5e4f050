package org.convlab.training.engine;

import java.util.List;

/**
 * What a training run produced: the model (caller closes it) and the record of how it went.
 *
 * @param stopReason "completed", "early stopping" (validation loss stopped improving)
 */
public record TrainerResult(
        TrainedModel model,
        List<ProgressListener.EpochReport> history,
        String device,
        long params,
        int trainImages,
        int validationImages,
        double trainSeconds,
        String stopReason) {}
