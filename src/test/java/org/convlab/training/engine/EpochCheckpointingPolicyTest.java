package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convlab.training.engine.EpochPolicy.Decision;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;

/** Checkpointing with a recording checkpoint store: no weights, no DJL engine. */
class EpochCheckpointingPolicyTest {

    /** What {@link EpochCheckpoints#save} was given. */
    record Save(int epoch, List<EpochReport> history, double learningRate) {}

    /** Records saves; has nothing to restore. */
    static final class RecordingCheckpoints implements EpochCheckpoints {
        final List<Save> saves = new ArrayList<>();

        @Override public Optional<Saved> latest() { return Optional.empty(); }
        @Override public void restore(Block block, Optimizer optimizer) {}
        @Override public void save(int epoch, Block block, Optimizer optimizer, List<EpochReport> history,
                double learningRate) {
            saves.add(new Save(epoch, List.copyOf(history), learningRate));
        }
        @Override public void savePosition(Position position, Block block, Optimizer optimizer,
                List<EpochReport> history, double learningRate) {}
        @Override public void discard() {}
    }

    private static EpochReport epoch(int n, double validationLoss) {
        return new EpochReport(n, 1, 0.5, validationLoss, 0.5, 0.01, 1, 100);
    }

    @Test
    void savesEveryLiveEpochWithItsHistoryAndTheRateTheNextEpochUses() {
        RecordingCheckpoints store = new RecordingCheckpoints();
        EpochCheckpointing policy = new EpochCheckpointing(store, null, null);
        EpochReport first = epoch(1, 1.0);
        EpochReport second = epoch(2, 0.9);
        assertThat(policy.onEpochEnd(first, new EpochPolicy.Context(true, false, 0.01, List.of(first))))
                .isEqualTo(Decision.GO_ON);
        policy.onEpochEnd(second, new EpochPolicy.Context(true, false, 0.005, List.of(first, second)));
        assertThat(store.saves).containsExactly(new Save(1, List.of(first), 0.01),
                new Save(2, List.of(first, second), 0.005));
    }

    @Test
    void savesARunWithoutValidationToo() {
        RecordingCheckpoints store = new RecordingCheckpoints();
        EpochReport first = epoch(1, Double.NaN);
        new EpochCheckpointing(store, null, null).onEpochEnd(first,
                new EpochPolicy.Context(false, false, 0.01, List.of(first)));
        assertThat(store.saves).containsExactly(new Save(1, List.of(first), 0.01));
    }

    @Test
    void doesNotSaveAReplayedEpochAgain() {
        RecordingCheckpoints store = new RecordingCheckpoints();
        EpochReport first = epoch(1, 1.0);
        new EpochCheckpointing(store, null, null).onEpochEnd(first,
                new EpochPolicy.Context(true, true, 0.01, List.of(first)));
        assertThat(store.saves).isEmpty();
    }

    @Test
    void inTheRunsPoliciesTheCheckpointHoldsTheLoweredRateAndTheStoppingEpoch() {
        RecordingCheckpoints store = new RecordingCheckpoints();
        Hyperparameters hp = Hyperparameters.defaults().withEarlyStopping(2).withReduceLrOnPlateau(1, 0.5);
        EpochPolicies policies = EpochPolicies.of(hp, true, new EpochCheckpointing(store, null, null));
        AdjustableRate rate = new AdjustableRate(0.01);
        List<EpochReport> history = new ArrayList<>();
        List<Optional<String>> stops = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            history.add(new EpochReport(n, 1, 0.5, 1.0, 0.5, rate.value(), 1, 100));
            stops.add(policies.onEpochEnd(history.getLast(), history, rate));
        }
        assertThat(stops).containsExactly(Optional.empty(), Optional.empty(), Optional.of("early stopping"));
        assertThat(store.saves).extracting(Save::epoch).containsExactly(1, 2, 3);
        // Lowered after epoch 2 and again after 3 (patience 1), and saved lowered.
        assertThat(store.saves).extracting(Save::learningRate)
                .containsExactly((double) 0.01f, (double) (float) (0.01f * 0.5), (double) (float) ((float) (0.01f * 0.5) * 0.5));
    }
}
