package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;

class TrainingAdviceTest {

    private static EpochReport epoch(int n, double loss, double validationLoss) {
        return new EpochReport(n, loss, 0.9, validationLoss, 0.88, 0.001, 10, 5000);
    }

    @Test
    void healthyTrainingGetsNoAdvice() {
        var epochs = List.of(epoch(1, 0.6, 0.5), epoch(2, 0.4, 0.38), epoch(3, 0.33, 0.34), epoch(4, 0.3, 0.33));
        assertThat(TrainingAdvice.of(epochs, List.of())).isEmpty();
    }

    @Test
    void risingValidationLossWithFallingTrainingLossIsOverfitting() {
        var epochs = List.of(epoch(1, 0.5, 0.40), epoch(2, 0.3, 0.35), epoch(3, 0.2, 0.37), epoch(4, 0.1, 0.42));
        assertThat(TrainingAdvice.of(epochs, List.of())).singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("overfitting");
                    assertThat(a.message()).contains("dropout", "augmentation");
                    assertThat(a.lesson()).isEqualTo("learn/learning");
                });
    }

    @Test
    void oneBadEpochIsNotYetOverfitting() {
        var epochs = List.of(epoch(1, 0.5, 0.40), epoch(2, 0.3, 0.35), epoch(3, 0.2, 0.37));
        assertThat(TrainingAdvice.overfitting(epochs)).isFalse();
    }

    @Test
    void anExplodingOrNonFiniteLossIsDivergence() {
        List<LiveRun.Point> exploding = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            exploding.add(new LiveRun.Point(i / 20.0, 2.3 * Math.pow(1.4, i), 0.1));
        }
        assertThat(TrainingAdvice.of(List.of(), exploding)).extracting(TrainingAdvice.Advice::kind).containsExactly("diverging");
        assertThat(TrainingAdvice.diverged(List.of(), List.of(new LiveRun.Point(0.1, Double.NaN, 0.1)))).isTrue();
        assertThat(TrainingAdvice.diverged(List.of(), List.of(new LiveRun.Point(0.1, 2.3, 0.1), new LiveRun.Point(0.2, 1.9, 0.2)))).isFalse();
    }
}
