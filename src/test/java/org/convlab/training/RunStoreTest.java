package org.convlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    private static RunRecord record(TrainedModel model, String stop) {
        return new RunRecord(RunRecord.FORMAT, "2025-01-01T00:00:00Z", model.spec().spec(), TrainingFixtures.quick(),
                model.classNames(), "cpu", model.spec().totalParams(), 5000, 0, 12.5, stop,
                List.of(new TrainingListener.EpochReport(1, 0.9, 0.7, Double.NaN, Double.NaN, 0.001, 6.0, 800)),
                null);
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions(@TempDir Path dir) {
        TrainedModel model = TrainingFixtures.trainedTiny();
        ImageSet test = TrainingFixtures.test().first(200);
        float[][] before = model.probabilities(test.pixels(), test.size());
        Path run = dir.resolve("run-1");
        RunStore.save(run, model, record(model, "completed"));
        assertThat(run.resolve("run.json")).exists();
        assertThat(run.resolve("model-0000.params")).exists();
        try (TrainedModel loaded = RunStore.load(run, Device.cpu())) {
            float[][] after = loaded.probabilities(test.pixels(), test.size());
            assertThat(after).isDeepEqualTo(before);
            assertThat(loaded.predict(test.image(0)).className()).isEqualTo(model.predict(test.image(0)).className());
        }
        RunRecord back = RunStore.readRecord(run);
        assertThat(back.spec()).isEqualTo(model.spec().spec());
        assertThat(back.history().getFirst().validationLoss()).isNaN();
        assertThat(back.hyperparameters()).isEqualTo(TrainingFixtures.quick());
    }

    @Test
    void replacingARunLeavesNoTemporaryFoldersAndKeepsTheNewOne(@TempDir Path dir) throws Exception {
        TrainedModel model = TrainingFixtures.trainedTiny();
        Path run = dir.resolve("run");
        RunStore.save(run, model, record(model, "first"));
        RunStore.save(run, model, record(model, "second"));
        assertThat(RunStore.readRecord(run).stopReason()).isEqualTo("second");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("run");
        }
    }

    @Test
    void aCrashBetweenTheTwoRenamesIsRecovered(@TempDir Path dir) throws Exception {
        TrainedModel model = TrainingFixtures.trainedTiny();
        Path run = dir.resolve("run");
        RunStore.save(run, model, record(model, "previous"));
        // Simulate the crash: the previous run was moved aside, the new one never arrived.
        Files.move(run, dir.resolve(".run.old-deadbeef"));
        assertThat(RunStore.readRecord(run).stopReason()).isEqualTo("previous");
        assertThat(run).exists();
    }

    @Test
    void aFolderThatIsNotARunIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> RunStore.readRecord(dir)).hasMessageContaining("is not a ConvLab run folder");
    }
}
