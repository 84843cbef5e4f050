package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.convlab.training.engine.EpochPolicy.Decision;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;

/** Early stopping fed validation losses directly: no DJL, no training. */
class EarlyStoppingTest {

    private static final Decision STOP = new Decision.Stop("early stopping");

    /** The decisions of a fresh policy after each of {@code losses}. */
    private static List<Decision> decisions(int patience, boolean hasValidation, double... losses) {
        EarlyStopping policy = new EarlyStopping(patience);
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            EpochReport report = new EpochReport(i + 1, 1, 0.5, losses[i], 0.5, 0.01, 1, 100);
            out.add(policy.onEpochEnd(report, new EpochPolicy.Context(hasValidation, false, 0.01, List.of(report))));
        }
        return out;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutABetterValidationLoss() {
        assertThat(decisions(2, true, 1.0, 0.9, 0.95, 0.92))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, STOP);
    }

    @Test
    void aBetterLossRestartsTheCount() {
        assertThat(decisions(2, true, 1.0, 1.1, 0.8, 1.0, 0.9))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, STOP);
    }

    @Test
    void aLossLowerByNoMoreThanTheMarginIsNoImprovement() {
        // 1e-4 lower is not better; a little more than that is.
        assertThat(decisions(1, true, 1.0, 0.99995)).containsExactly(Decision.GO_ON, STOP);
        assertThat(decisions(1, true, 1.0, 1.0 - 1e-4)).containsExactly(Decision.GO_ON, STOP);
        assertThat(decisions(1, true, 1.0, 0.9998, 0.9996)).containsExactly(Decision.GO_ON, Decision.GO_ON, Decision.GO_ON);
    }

    @Test
    void theMarginIsMeasuredFromTheBestLossNotTheLastOne() {
        // Each step is 0.8e-4 lower than the last: the first is no improvement, the second is (1.6e-4
        // below the best), so the count restarts instead of reaching the patience.
        assertThat(decisions(2, true, 1.0, 0.99992, 0.99984, 0.99984))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, Decision.GO_ON);
    }

    @Test
    void aNaNValidationLossIsNoImprovement() {
        assertThat(decisions(1, true, 1.0, Double.NaN)).containsExactly(Decision.GO_ON, STOP);
    }

    @Test
    void isOffAtPatienceZero() {
        assertThat(decisions(0, true, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)).containsOnly(Decision.GO_ON);
    }

    @Test
    void ignoresARunWithoutValidation() {
        assertThat(decisions(1, false, Double.NaN, Double.NaN, Double.NaN)).containsOnly(Decision.GO_ON);
        assertThat(decisions(1, false, 1.0, 2.0, 3.0)).containsOnly(Decision.GO_ON);
    }

    @Test
    void keepsCountingWhileReplaying() {
        EarlyStopping policy = new EarlyStopping(2);
        EpochReport first = new EpochReport(1, 1, 0.5, 1.0, 0.5, 0.01, 1, 100);
        EpochReport second = new EpochReport(2, 1, 0.5, 1.0, 0.5, 0.01, 1, 100);
        EpochReport third = new EpochReport(3, 1, 0.5, 1.0, 0.5, 0.01, 1, 100);
        policy.onEpochEnd(first, new EpochPolicy.Context(true, true, 0.01, List.of(first)));
        policy.onEpochEnd(second, new EpochPolicy.Context(true, true, 0.01, List.of(first, second)));
        assertThat(policy.onEpochEnd(third, new EpochPolicy.Context(true, false, 0.01, List.of(first, second, third))))
                .isEqualTo(STOP);
    }
}
