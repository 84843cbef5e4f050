package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelLimits;
import org.junit.jupiter.api.Test;

/** Every impossible training setting is refused before any work starts, with a message naming it. */
class HyperparametersTest {

    private static String problem(UnaryOperator<Hyperparameters> change) {
        try {
            change.apply(Hyperparameters.defaults()).validate(new ModelLimits(1_000_000, 20, 30));
        } catch (InvalidModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    /** Each refused setting is a line the reader reads in their own language; the log keeps English. */
    @Test
    void refusedSettingsReadInGermanAndSpanish() {
        assertThatThrownBy(() -> Hyperparameters.defaults().withEpochs(0).withBatchSize(100_000)
                .validate(new ModelLimits(1_000_000, 20, 30)))
                .isInstanceOfSatisfying(RunRefused.class, refused -> {
                    assertThat(refused.texts()).extracting(t -> t.in(java.util.Locale.GERMAN)).containsExactly(
                            "Epochen müssen mindestens 1 sein, nicht 0",
                            "die Stapelgröße (batch size) ist 100000; dieser Server erlaubt höchstens 4096");
                    assertThat(refused.texts().getFirst().in(java.util.Locale.of("es")))
                            .isEqualTo("las épocas deben ser al menos 1, no 0");
                    assertThat(refused.problems()).containsExactly("epochs must be at least 1, not 0",
                            "batch size is 100000; this server allows at most 4096");
                });
    }

    /** A refused upload says why in German too, with the data set's own words quoted as they are. */
    @Test
    void aRefusedUploadReadsInGerman() {
        assertThat(RunImport.notHere("colour-shapes").text().in(java.util.Locale.GERMAN)).isEqualTo("Dieser Lauf wurde "
                + "mit einem Datensatz trainiert, den dieser Server nicht hat (colour-shapes); lade ihn in dem ConvLab "
                + "hoch, in dem er trainiert wurde, oder importiere diesen Datensatz zuerst hier");
    }

    @Test
    void defaultsAreValid() {
        Hyperparameters.defaults().validate(ModelLimits.DEFAULT);
        assertThat(Hyperparameters.defaults().effectiveLearningRate()).isEqualTo(0.001);
        assertThat(Hyperparameters.defaults().withOptimizer(OptimizerKind.SGD, null).effectiveLearningRate()).isEqualTo(0.01);
    }

    @Test
    void badValues() {
        assertThat(problem(h -> h.withEpochs(0))).isEqualTo("epochs must be at least 1, not 0");
        assertThat(problem(h -> h.withEpochs(31))).isEqualTo("epochs is 31; this server allows at most 30");
        assertThat(problem(h -> h.withBatchSize(0))).isEqualTo("batch size must be at least 1, not 0");
        assertThat(problem(h -> h.withBatchSize(100_000))).isEqualTo("batch size is 100000; this server allows at most 4096");
        assertThat(problem(h -> h.withOptimizer(OptimizerKind.ADAM, -0.1))).isEqualTo("learning rate must be above 0 and at most 10, not -0.1");
        assertThat(problem(h -> h.withOptimizer(OptimizerKind.ADAM, 0.0))).contains("learning rate must be above 0");
        assertThat(problem(h -> h.withOptimizer(null, null))).isEqualTo("optimizer is missing");
        assertThat(problem(h -> h.withValidationSplit(1.0))).isEqualTo("validation split must be at least 0 and below 1, not 1.0");
        assertThat(problem(h -> h.withValidationSplit(-0.2))).contains("validation split");
        assertThat(problem(h -> h.withAugmentation(new Augmentation(-5, 0, false)))).isEqualTo("rotation must be between 0 and 180 degrees, not -5.0");
        assertThat(problem(h -> h.withAugmentation(new Augmentation(0, 20, false)))).isEqualTo("shift must be between 0 and 14 pixels, not 20");
        assertThat(problem(h -> h.withEarlyStopping(-1))).isEqualTo("early-stopping patience must be 0 (off) or more, not -1");
        assertThat(problem(h -> h.withReduceLrOnPlateau(2, 1.5))).isEqualTo("reduce-lr factor must be above 0 and below 1, not 1.5");
        assertThat(problem(h -> h.withReduceLrOnPlateau(-1, 0.5))).isEqualTo("reduce-lr patience must be 0 (off) or more, not -1");
        assertThat(problem(h -> h.withEarlyStopping(2).withValidationSplit(0))).contains("set a validation split above 0");
        assertThat(problem(h -> h.withLimit(0))).isEqualTo("limit must be at least 1 image, not 0");
        assertThat(problem(h -> h.withThreads(0))).isEqualTo("threads must be at least 1, not 0");
    }

    @Test
    void aDataSetIsNamedByAPlainKey() {
        Hyperparameters.defaults().withDataset("colour-shapes").validate(ModelLimits.DEFAULT);
        assertThat(Hyperparameters.defaults().withDataset("  ").dataset()).as("blank is the default set").isNull();
        assertThat(problem(h -> h.withDataset("../etc"))).startsWith("dataset must be the key of a data set")
                .endsWith("not \"../etc\"");
        assertThat(problem(h -> h.withDataset("Cats"))).contains("not \"Cats\"");
        assertThat(problem(h -> h.withDataset("a\nb"))).contains("not \"a?b\"");
        assertThat(problem(h -> h.withDataset("x".repeat(300)))).contains("x".repeat(40) + "\"").doesNotContain("x".repeat(41));
    }

    @Test
    void aDataSetGivenAsJsonIsReadWithTheOtherSettings() {
        assertThat(SettingsJson.overDefaults(java.util.Map.of("dataset", "colour-shapes")).dataset()).isEqualTo("colour-shapes");
        assertThat(SettingsJson.overDefaults(java.util.Map.of("epochs", 2)).dataset()).isNull();
    }

    @Test
    void severalProblemsAreListedTogether() {
        assertThat(problem(h -> h.withEpochs(0).withBatchSize(-1))).startsWith("the model has 2 problems")
                .contains("epochs must be at least 1").contains("batch size must be at least 1");
    }

    @Test
    void namesParse() {
        assertThat(OptimizerKind.parse("AdamW")).isEqualTo(OptimizerKind.ADAMW);
        assertThat(OptimizerKind.parse("sgd-momentum")).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(OptimizerKind.parse("nag")).isEqualTo(OptimizerKind.NESTEROV);
        assertThatThrownBy(() -> OptimizerKind.parse("lbfgs")).hasMessageStartingWith("unknown optimizer 'lbfgs' (known: sgd, momentum, nesterov, adam");
        assertThat(DeviceChoice.parse("GPU")).isEqualTo(DeviceChoice.GPU);
        assertThatThrownBy(() -> DeviceChoice.parse("tpu")).hasMessage("unknown device 'tpu' (known: cpu, gpu, auto)");
    }

    @Test
    void askingForAMissingGpuFailsClearly() {
        // CI has no GPU and the default build carries the CPU libtorch.
        org.junit.jupiter.api.Assumptions.assumeTrue(DjlRuntime.engine().getGpuCount() == 0);
        assertThatThrownBy(() -> DjlRuntime.device(DeviceChoice.GPU))
                .hasMessageStartingWith("a GPU was asked for (--device gpu) but none is usable");
        assertThat(DjlRuntime.device(DeviceChoice.AUTO).isGpu()).isFalse();
        assertThat(DjlRuntime.offline()).isTrue();
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        ImageSet data = TrainingFixtures.train().first(5000);
        StratifiedSplit.Split s = StratifiedSplit.split(data, 0.2, 7);
        int[] perClassAll = new int[10];
        int[] perClassVal = new int[10];
        for (int l : data.labels()) perClassAll[l]++;
        for (int l : s.validation().labels()) perClassVal[l]++;
        for (int c = 0; c < 10; c++) {
            assertThat(perClassVal[c]).isEqualTo((int) Math.round(perClassAll[c] * 0.2));
        }
        assertThat(s.train().size() + s.validation().size()).isEqualTo(5000);
        assertThat(StratifiedSplit.split(data, 0.2, 7).validation().labels()).isEqualTo(s.validation().labels());
    }
}
