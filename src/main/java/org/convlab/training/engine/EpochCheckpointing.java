package org.convlab.training.engine;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;

/**
 * Saves the run's state after every live epoch, with the learning rate the next epoch will use
 * (so it goes after {@link LearningRatePlateau}). Replayed epochs are on disk already.
 */
final class EpochCheckpointing implements EpochPolicy {

    private final EpochCheckpoints checkpoints;
    private final Block block;
    private final Optimizer optimizer;

    EpochCheckpointing(EpochCheckpoints checkpoints, Block block, Optimizer optimizer) {
        this.checkpoints = checkpoints;
        this.block = block;
        this.optimizer = optimizer;
    }

    @Override
    public Decision onEpochEnd(ProgressListener.EpochReport report, Context context) {
        if (!context.replaying()) {
            checkpoints.save(report.epoch(), block, optimizer, context.history(), context.learningRate());
        }
        return Decision.GO_ON;
    }
}
