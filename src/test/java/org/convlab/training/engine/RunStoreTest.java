package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.model.ModelLimits;

class RunStoreTest {

    private static RunRecord record(TrainedModel model, String stop) {
        return new RunRecord(RunRecord.FORMAT, "2025-01-01T00:00:00Z", model.spec().spec(), TrainingFixtures.quick(),
                model.classNames(), "cpu", model.spec().totalParams(), 5000, 0, 12.5, stop,
                List.of(new ProgressListener.EpochReport(1, 0.9, 0.7, Double.NaN, Double.NaN, 0.001, 6.0, 800)),
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

    @Test
    void aSaveNeverReplacesAFileOrAFolderConvLabDidNotWrite(@TempDir Path dir) throws Exception {
        TrainedModel model = TrainingFixtures.trainedTiny();
        Path file = dir.resolve("thesis.txt");
        Files.writeString(file, "two years of work");
        Path work = dir.resolve("work");
        Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve("notes.md"), "mine");
        Path runWithExtra = dir.resolve("run-plus");
        RunStore.save(runWithExtra, model, record(model, "first"));
        Files.writeString(runWithExtra.resolve("my-notes.txt"), "mine too");

        for (Path target : List.of(file, work, runWithExtra)) {
            assertThatThrownBy(() -> RunStore.save(target, model, record(model, "second")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ConvLab will not replace it")
                    .satisfies(e -> {});
        }
        assertThat(Files.readString(file)).isEqualTo("two years of work");
        assertThat(work.resolve("notes.md")).hasContent("mine");
        assertThat(work.resolve("data")).isDirectory();
        assertThat(runWithExtra.resolve("my-notes.txt")).hasContent("mine too");
        assertThat(RunStore.readRecord(runWithExtra).stopReason()).isEqualTo("first");
        assertThat(RunStore.isRunFolder(runWithExtra)).isFalse();
        assertThat(RunStore.isRunFolder(work)).isFalse();
        assertThat(RunStore.isRunFolder(file)).isFalse();
    }

    @Test
    void aFileIsRefusedWithItsOwnWords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.pdf");
        Files.writeString(file, "%PDF");
        assertThatThrownBy(() -> RunStore.checkTarget(file)).hasMessageEndingWith(
                "already exists and is not a folder; ConvLab will not replace it. Choose a new folder.");
        Path fake = dir.resolve("fake");
        Files.createDirectories(fake);
        Files.writeString(fake.resolve("run.json"), "{\"format\": 99}");
        assertThat(RunStore.isRunFolder(fake)).as("another format is not ours to replace").isFalse();
    }

    @Test
    void folderNamesStayInsideTheRunsFolderWhateverTheModelIsCalled() {
        assertThat(RunStore.folderName("../../escaped")).isEqualTo("escaped");
        assertThat(RunStore.folderName(".")).isEqualTo("model");
        assertThat(RunStore.folderName("..")).isEqualTo("model");
        assertThat(RunStore.folderName(null)).isEqualTo("model");
        assertThat(RunStore.folderName("")).isEqualTo("model");
        assertThat(RunStore.folderName("///")).isEqualTo("model");
        assertThat(RunStore.folderName("Größe über alles")).isEqualTo("Gr__e__ber_alles");
        assertThat(RunStore.folderName("con\u0000nul")).isEqualTo("con_nul");
        assertThat(RunStore.folderName("x".repeat(300))).hasSize(60);
        assertThat(RunStore.folderName("my-cnn.v2_final")).isEqualTo("my-cnn.v2_final");
        assertThat(RunStore.folderName("-rf")).isEqualTo("rf");
    }

    @Test
    void aSaveThatCannotWriteLeavesTheCheckpointAndCanBeRepeatedOnceTheFolderWorks(@TempDir Path dir) throws Exception {
        ValidatedModel tiny = TestModels.tinyCnn();
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2).withBatchSize(64).withLimit(500)
                .withValidationSplit(0).withDevice(DeviceChoice.CPU);
        // Root ignores file permissions, so the runs folder is made unusable by a file in its place.
        Path blocker = dir.resolve("runs");
        Files.writeString(blocker, "not a folder");
        Path target = blocker.resolve("run-1");
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("checkpoints"));
        ImageSet test = TrainingFixtures.test().first(300);
        assertThatThrownBy(() -> TrainingRun.execute(tiny, hp, TrainingFixtures.train(), test, target,
                ModelLimits.DEFAULT, new ProgressListener() {}, new TrainingControl(), checkpoints))
                .isInstanceOf(RunStore.NotSavedException.class)
                .hasMessage("the trained model could not be saved: writing to the runs folder failed (is the disk full?)");
        assertThat(checkpoints.latest()).as("the trained weights are kept").get()
                .extracting(EpochCheckpoints.Saved::epoch).isEqualTo(2);

        Files.delete(blocker);
        AtomicInteger batches = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                batches.incrementAndGet();
            }
        };
        TrainingRun.Outcome outcome = TrainingRun.execute(tiny, hp, TrainingFixtures.train(), test, target,
                ModelLimits.DEFAULT, counting, new TrainingControl(), checkpoints);
        assertThat(outcome.record().history()).as("no epoch trained twice").hasSize(2);
        assertThat(batches).as("nothing trained on the second try").hasValue(0);
        assertThat(RunStore.isRunFolder(target)).isTrue();
        assertThat(checkpoints.latest()).as("checkpoint removed once saved").isEmpty();
    }
}
