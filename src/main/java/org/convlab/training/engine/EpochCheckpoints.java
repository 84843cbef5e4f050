package org.convlab.training.engine;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.Optional;

/**
 * Where a run keeps its state after every finished epoch, so that a run cut off by a crash or a
 * restart resumes from its last completed epoch instead of starting over: the weights, the
 * optimizer's running state ({@link OptimizerState}), the history and the learning rate.
 */
public interface EpochCheckpoints {

    /** What a resumed run starts from. */
    record Saved(int epoch, List<ProgressListener.EpochReport> history, double learningRate) {}

    /** The last completed epoch saved for this run, if any. */
    Optional<Saved> latest();

    /** Loads the weights and optimizer state saved with {@link #latest()} into {@code block} and {@code optimizer}. */
    void restore(Block block, Optimizer optimizer);

    /** Saves the state after {@code epoch}; must leave the previous checkpoint intact if it fails. */
    void save(int epoch, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
            double learningRate);

    /** Removes the checkpoint once the run is saved for good. */
    void discard();

    EpochCheckpoints NONE = new EpochCheckpoints() {
        @Override public Optional<Saved> latest() { return Optional.empty(); }
        @Override public void restore(Block block, Optimizer optimizer) {}
        @Override public void save(int epoch, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
                double learningRate) {}
        @Override public void discard() {}
    };
}
