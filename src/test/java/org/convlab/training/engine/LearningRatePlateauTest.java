package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.convlab.training.engine.EpochPolicy.Decision;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;

/** Reduce-on-plateau fed validation losses directly: no DJL, no training. */
class LearningRatePlateauTest {

    /** Feeds {@code losses} to {@code policy}, applying its rate changes as the trainer does; returns the decisions. */
    private static List<Decision> run(LearningRatePlateau policy, double rate, boolean hasValidation, double... losses) {
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            EpochReport report = new EpochReport(i + 1, 1, 0.5, losses[i], 0.5, rate, 1, 100);
            Decision d = policy.onEpochEnd(report, new EpochPolicy.Context(hasValidation, false, rate, List.of(report)));
            if (d instanceof Decision.SetLearningRate set) {
                rate = set.learningRate();
            }
            out.add(d);
        }
        return out;
    }

    private static Decision rate(double r) {
        return new Decision.SetLearningRate(r);
    }

    @Test
    void multipliesTheRateByTheFactorAfterPatienceEpochsWithoutImprovement() {
        assertThat(run(new LearningRatePlateau(2, 0.5, 0), 0.01, true, 1.0, 1.0, 1.0))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, rate(0.005));
    }

    @Test
    void countsAgainFromZeroAfterADrop() {
        // Drops after epochs 3 and 5, not after every epoch from 3 on.
        assertThat(run(new LearningRatePlateau(2, 0.5, 0), 0.01, true, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, rate(0.005), Decision.GO_ON, rate(0.0025),
                        Decision.GO_ON);
    }

    @Test
    void anImprovementRestartsTheCount() {
        assertThat(run(new LearningRatePlateau(2, 0.5, 0), 0.01, true, 1.0, 1.1, 0.9, 1.0, 1.0))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, Decision.GO_ON, rate(0.005));
    }

    @Test
    void anImprovementByNoMoreThanTheMarginDoesNotRestartTheCount() {
        assertThat(run(new LearningRatePlateau(2, 0.5, 0), 0.01, true, 1.0, 1.0, 0.99995))
                .containsExactly(Decision.GO_ON, Decision.GO_ON, rate(0.005));
    }

    @Test
    void neverGoesBelowTheMinimum() {
        assertThat(run(new LearningRatePlateau(1, 0.5, 0.003), 0.01, true, 1.0, 1.0, 1.0, 1.0))
                .containsExactly(Decision.GO_ON, rate(0.005), rate(0.003), rate(0.003));
    }

    @Test
    void lowersTheRateItIsGivenNotTheReportsOne() {
        // The context's rate is the optimizer's as the policies before this one left it.
        LearningRatePlateau policy = new LearningRatePlateau(1, 0.5, 0);
        EpochReport first = new EpochReport(1, 1, 0.5, 1.0, 0.5, 0.01, 1, 100);
        EpochReport second = new EpochReport(2, 1, 0.5, 1.0, 0.5, 0.01, 1, 100);
        policy.onEpochEnd(first, new EpochPolicy.Context(true, false, 0.01, List.of(first)));
        assertThat(policy.onEpochEnd(second, new EpochPolicy.Context(true, false, 0.004, List.of(first, second))))
                .isEqualTo(rate(0.002));
    }

    @Test
    void isOffAtPatienceZero() {
        assertThat(run(new LearningRatePlateau(0, 0.5, 0), 0.01, true, 1.0, 2.0, 3.0, 4.0, 5.0)).containsOnly(Decision.GO_ON);
    }

    @Test
    void ignoresARunWithoutValidation() {
        assertThat(run(new LearningRatePlateau(1, 0.5, 0), 0.01, false, Double.NaN, Double.NaN, Double.NaN))
                .containsOnly(Decision.GO_ON);
    }
}
