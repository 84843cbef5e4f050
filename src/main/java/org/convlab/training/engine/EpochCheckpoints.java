package org.convlab.training.engine;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.Optional;

/**
 * Where a run keeps its state, so that it resumes instead of starting over: after every finished
 * epoch (a crash or a restart loses at most the epoch in progress), and in the middle of an epoch
 * when the run pauses for other learners' turns ({@link Position}). The state is the weights, the
 * optimizer's running state ({@link OptimizerState}), the history, the learning rate and, mid-epoch,
 * where in the epoch the run stopped.
 */
public interface EpochCheckpoints {

    /**
     * Where a run paused inside an epoch: {@code batchesDone} batches of {@code epoch} are trained,
     * with these running sums. The batch order and every random draw of a batch depend only on the
     * seed, the epoch and the batch (see ModelTrainer), so nothing else is needed to go on exactly.
     */
    record Position(int epoch, int batchesDone, double lossSum, long correct, int seen, double trainSeconds) {}

    /**
     * What a resumed run starts from: the last completed epoch (0: none), and the position inside
     * the next one when the run paused mid-epoch (null otherwise).
     */
    record Saved(int epoch, List<ProgressListener.EpochReport> history, double learningRate, Position position) {

        public Saved(int epoch, List<ProgressListener.EpochReport> history, double learningRate) {
            this(epoch, history, learningRate, null);
        }
    }

    /** The latest state saved for this run, if any. */
    Optional<Saved> latest();

    /** Loads the weights and optimizer state saved with {@link #latest()} into {@code block} and {@code optimizer}. */
    void restore(Block block, Optimizer optimizer);

    /** Saves the state after {@code epoch}; must leave the previous checkpoint intact if it fails. */
    void save(int epoch, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
            double learningRate);

    /**
     * Saves the state in the middle of an epoch, at {@code position}; {@code history} holds the
     * finished epochs. Must leave the previous checkpoint intact if it fails.
     */
    void savePosition(Position position, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
            double learningRate);

    /** Removes the checkpoint once the run is saved for good. */
    void discard();

    EpochCheckpoints NONE = new EpochCheckpoints() {
        @Override public Optional<Saved> latest() { return Optional.empty(); }
        @Override public void restore(Block block, Optimizer optimizer) {}
        @Override public void save(int epoch, Block block, Optimizer optimizer, List<ProgressListener.EpochReport> history,
                double learningRate) {}
        @Override public void savePosition(Position position, Block block, Optimizer optimizer,
                List<ProgressListener.EpochReport> history, double learningRate) {
            throw new IllegalStateException("a run without checkpoints cannot pause");
        }
        @Override public void discard() {}
    };
}
