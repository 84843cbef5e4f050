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

    /** The advice is words for the reader: the same finding reads in German and Spanish. */
    @Test
    void overfittingAdviceIsWrittenInTheReadersLanguage() {
        var epochs = List.of(epoch(1, 0.5, 0.40), epoch(2, 0.3, 0.35), epoch(3, 0.2, 0.37), epoch(4, 0.1, 0.42));
        TrainingAdvice.Advice advice = TrainingAdvice.of(epochs, List.of()).getFirst();
        assertThat(advice.message().in(java.util.Locale.GERMAN))
                .startsWith("Auf den Trainingsdaten wird das Modell immer besser")
                .contains("Überanpassung", "Datenaugmentation", "weniger Epochen");
        assertThat(advice.message().in(java.util.Locale.of("es"))).contains("sobreajuste", "aumento de datos");
        assertThat(advice.message().toString()).startsWith("Training keeps getting better while validation gets worse");
    }

    /** A budget refusal in German: its numbers grouped as German writes them, its counts in German words. */
    @Test
    void aBudgetRefusalReadsInGermanWithGermanNumbers() {
        var refusal = OverBudgetException.tooLarge(org.convlab.training.engine.Hyperparameters.defaults(),
                new RunBudget(10_000, 0));
        assertThat(refusal.text().in(java.util.Locale.GERMAN)).isEqualTo("Dieser Lauf würde mit 60.000 Bildern × "
                + "5 Epochen = 300.000 trainieren; deine Läufe dürfen jeweils höchstens 10.000 verwenden. "
                + "Wähle höchstens 2.000 Bilder.");
        assertThat(refusal.getMessage()).as("English for the log").isEqualTo("This run would train on 60,000 images × "
                + "5 epochs = 300,000; your runs may use at most 10,000 each. Choose at most 2,000 images.");
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
                    assertThat(a.message().toString()).contains("dropout", "augmentation");
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

    private static EpochReport epoch(int n, double loss, double accuracy, double validationLoss,
            double validationAccuracy) {
        return new EpochReport(n, loss, accuracy, validationLoss, validationAccuracy, 8, 10, 5000);
    }

    /** Issue 16: SGD at learning rate 8; the loss spikes to 90, then settles while validation drifts up. */
    @Test
    void aLossSpikingTo90AtRate8IsDivergenceNotMemorising() {
        List<LiveRun.Point> batches = new ArrayList<>();
        double[] losses = {2.3, 9.5, 90.0, 41.0, 12.0, 3.1, 2.2, 1.9, 1.7, 1.5, 1.4, 1.3};
        for (int i = 0; i < losses.length; i++) {
            batches.add(new LiveRun.Point((i + 1) / 4.0, losses[i], 0.3));
        }
        var epochs = List.of(epoch(1, 25.0, 0.2, 1.9, 0.3), epoch(2, 2.0, 0.35, 2.0, 0.3),
                epoch(3, 1.4, 0.5, 2.4, 0.28));
        // The epochs alone look like memorising (validation up twice while training falls) ...
        assertThat(TrainingAdvice.overfitting(epochs)).isTrue();
        // ... but the training loss exploded first: that is the learning rate, and only that is said.
        assertThat(TrainingAdvice.of(epochs, batches)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("diverging");
            assertThat(a.message().toString()).contains("lower the learning rate").doesNotContain("memorise");
        });
    }

    /** Issue 16: SGD with momentum 0.9 at rate 10 on a small subset: a few batches, the loss at 130. */
    @Test
    void aLossOf130WithMomentumAtRate10IsWarnedAbout() {
        List<LiveRun.Point> batches = List.of(new LiveRun.Point(0.2, 2.3, 0.1), new LiveRun.Point(0.4, 48.0, 0.1),
                new LiveRun.Point(0.6, 130.0, 0.1), new LiveRun.Point(0.8, 128.0, 0.1), new LiveRun.Point(1.0, 131.0, 0.1));
        assertThat(TrainingAdvice.of(List.of(epoch(1, 131.0, 0.1, 140.0, 0.1)), batches))
                .extracting(TrainingAdvice.Advice::kind).containsExactly("diverging");
        assertThat(TrainingAdvice.of(List.of(), batches.subList(0, 3)))
                .extracting(TrainingAdvice.Advice::message).singleElement().asString().contains("momentum");
    }

    /** Adam at rate 0.1: the loss rose in the first epoch, and since then the network only guesses. */
    @Test
    void aLossThatRoseAndLeftTheNetworkGuessingIsDivergence() {
        List<LiveRun.Point> batches = new ArrayList<>();
        double[] losses = {2.3, 3.9, 4.4, 3.35, 2.33, 2.32, 2.32, 2.33};
        for (int i = 0; i < losses.length; i++) {
            batches.add(new LiveRun.Point((i + 1) / 4.0, losses[i], 0.1));
        }
        var epochs = List.of(epoch(1, 3.35, 0.1, 2.31, 0.1), epoch(2, 2.32, 0.1, 2.32, 0.11));
        assertThat(TrainingAdvice.of(epochs, batches)).extracting(TrainingAdvice.Advice::kind)
                .containsExactly("diverging");
    }

    /** A learning rate merely too small: slow, near guessing, but the loss never rose. Nothing to warn about. */
    @Test
    void slowLearningIsNeitherDivergenceNorOverfitting() {
        List<LiveRun.Point> batches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batches.add(new LiveRun.Point((i + 1) / 4.0, 2.31 - 0.01 * i, 0.12));
        }
        var epochs = List.of(epoch(1, 2.30, 0.12, 2.29, 0.13), epoch(2, 2.27, 0.15, 2.26, 0.16),
                epoch(3, 2.22, 0.18, 2.21, 0.19));
        assertThat(TrainingAdvice.of(epochs, batches)).isEmpty();
    }

    /** A tiny training set: training accuracy near 100 % while validation's best loss lies epochs behind. */
    @Test
    void validationWorseThanItsBestWhileTrainingImprovesIsOverfitting() {
        var epochs = List.of(epoch(1, 2.1, 0.27, 1.68, 0.43), epoch(2, 1.0, 0.70, 1.01, 0.64),
                epoch(3, 0.30, 0.95, 0.73, 0.75), epoch(4, 0.21, 0.96, 0.71, 0.79), epoch(5, 0.17, 0.97, 0.78, 0.75),
                epoch(6, 0.14, 0.98, 0.77, 0.74), epoch(7, 0.11, 0.98, 0.83, 0.75));
        assertThat(TrainingAdvice.of(epochs, List.of())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("overfitting");
            assertThat(a.message().toString()).contains("more training images", "dropout", "L2", "augmentation");
        });
    }

    /** Validation loss flat, but training far ahead on both accuracy and loss: memorising all the same. */
    @Test
    void aWideGapBetweenTrainingAndValidationIsOverfitting() {
        var epochs = List.of(epoch(1, 1.2, 0.6, 1.1, 0.62), epoch(2, 0.6, 0.85, 0.80, 0.72),
                epoch(3, 0.3, 0.93, 0.78, 0.74));
        assertThat(TrainingAdvice.overfitting(epochs)).isTrue();
        // With dropout the two stay close: no advice.
        var dropout = List.of(epoch(1, 1.4, 0.5, 1.1, 0.62), epoch(2, 0.9, 0.70, 0.80, 0.72),
                epoch(3, 0.8, 0.74, 0.72, 0.75));
        assertThat(TrainingAdvice.overfitting(dropout)).isFalse();
    }
}
