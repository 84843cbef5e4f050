package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    @TempDir
    Path dir;

    @Test
    void aRunCutOffAfterEpochTwoResumesAtEpochThreeWithItsHistoryAndWeights() throws Exception {
        ImageSet data = TrainingFixtures.train().first(1500);
        Hyperparameters hp = TrainingFixtures.quick().withEpochs(3);
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("checkpoint"));

        // First process: stopped hard during epoch 3 (the checkpoint after epoch 2 is on disk).
        TrainingControl control = new TrainingControl();
        List<ProgressListener.EpochReport> before = new ArrayList<>();
        ProgressListener stopInEpochThree = new ProgressListener() {
            @Override public void onEpoch(EpochReport r) { before.add(r); }
            @Override public void onBatch(BatchProgress p) {
                if (p.epoch() == 3 && p.batch() == 5) {
                    control.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data, stopInEpochThree,
                control, checkpoints)).isInstanceOf(TrainingControl.TrainingCancelledException.class);
        assertThat(checkpoints.latest()).get().extracting(EpochCheckpoints.Saved::epoch).isEqualTo(2);
        byte[] epochTwo = Files.readAllBytes(dir.resolve("checkpoint/params-2.bin"));

        // Second process: starts at epoch 3 with the first two epochs as they were.
        List<Integer> batchEpochs = new ArrayList<>();
        List<ProgressListener.EpochReport> after = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override public void onEpoch(EpochReport r) { after.add(r); }
            @Override public void onBatch(BatchProgress p) { batchEpochs.add(p.epoch()); }
        };
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data, listener,
                new TrainingControl(), checkpoints))) {
            assertThat(batchEpochs).containsOnly(3);
            assertThat(result.history()).hasSize(3);
            assertThat(result.history().subList(0, 2)).isEqualTo(before.subList(0, 2));
            assertThat(after).hasSize(3);
            // Resumed from trained weights, not from scratch: epoch 3 learns on from where epoch 2 ended
            // (from a fresh start its loss would be back near epoch 1's).
            // (Measured: losses 1.87, 0.96, then 0.74 resumed; 1.85 when the weights were not restored.)
            // The exact continuation, optimizer state included, is checked below for every optimizer.
            assertThat(result.history().get(2).loss()).isLessThan(result.history().get(1).loss());
            assertThat(result.history().get(2).validationAccuracy()).isGreaterThan(0.5);
            // The trained model is usable after the resumed run (evaluation, saving).
            Evaluation eval = ModelEvaluator.evaluate(result.model(), TrainingFixtures.test().first(500), 0);
            assertThat(eval.testAccuracy()).isGreaterThan(0.5);
        }
        assertThat(checkpoints.latest()).get().extracting(EpochCheckpoints.Saved::epoch).isEqualTo(3);
        // The resumed epoch changed the weights (they were trained, not just carried along).
        assertThat(Files.readAllBytes(dir.resolve("checkpoint/params-3.bin"))).isNotEqualTo(epochTwo);
        checkpoints.discard();
        assertThat(Files.exists(dir.resolve("checkpoint"))).isFalse();
    }

    /**
     * A run cut off in epoch 2 and resumed ends exactly where the same run would have ended without
     * the interruption: same epoch-2 loss and accuracy, same weights. That needs the optimizer's
     * state (Adam's moments, momentum buffers, step counts) in the checkpoint, not only the weights.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(OptimizerKind.class)
    void aResumedRunContinuesExactlyAsIfItHadNeverStopped(OptimizerKind kind) throws Exception {
        ImageSet data = TrainingFixtures.train().first(640);
        Hyperparameters hp = TrainingFixtures.quick().withEpochs(2).withValidationSplit(0).withOptimizer(kind, null)
                .withThreads(1);

        ImageSet probe = TrainingFixtures.test().first(20);
        List<ProgressListener.EpochReport> uninterrupted;
        float[][] expected;
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data,
                ProgressListener.NONE, new TrainingControl(), new CheckpointFolder(dir.resolve("straight-" + kind))))) {
            uninterrupted = result.history();
            // Every optimizer on offer really trains on this engine: the second epoch's loss is lower.
            assertThat(uninterrupted.get(1).loss()).as(kind + " loss, epoch 2 against 1").isLessThan(uninterrupted.get(0).loss());
            expected = result.model().probabilities(probe.pixels(), probe.size());
        }

        CheckpointFolder cut = new CheckpointFolder(dir.resolve("cut-" + kind));
        TrainingControl control = new TrainingControl();
        ProgressListener stopInEpochTwo = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 3) {
                    control.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data, stopInEpochTwo,
                control, cut)).isInstanceOf(TrainingControl.TrainingCancelledException.class);
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data,
                ProgressListener.NONE, new TrainingControl(), cut))) {
            ProgressListener.EpochReport resumed = result.history().get(1);
            assertThat(resumed.loss()).as(kind + " epoch 2 loss").isCloseTo(uninterrupted.get(1).loss(),
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(resumed.accuracy()).as(kind + " epoch 2 accuracy").isEqualTo(uninterrupted.get(1).accuracy());
            float[][] actual = result.model().probabilities(probe.pixels(), probe.size());
            for (int i = 0; i < probe.size(); i++) {
                assertThat(actual[i]).as(kind + " prediction for image " + i).containsExactly(expected[i],
                        org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    /**
     * Reduce-on-plateau and early stopping in a real run, cut off and resumed. The rate is so small
     * (1e-9) that the validation loss stalls after epoch 1: the rate halves after epochs 2, 3 and 4
     * (patience 1) and the run stops after epoch 4 (patience 3). A run cut off in epoch 3 resumes
     * with the halved rate and the counts from its history, and stops at the same epoch; started
     * again on the finished run's checkpoint, it stops at once.
     */
    @Test
    void aResumedRunLowersTheRateAndStopsEarlyAsTheUninterruptedRunDid() throws Exception {
        ImageSet data = TrainingFixtures.train().first(640);
        Hyperparameters quick = TrainingFixtures.quick();
        Hyperparameters hp = new Hyperparameters(8, quick.batchSize(), OptimizerKind.ADAM, 1e-9, quick.momentum(),
                0.1, quick.seed(), quick.augmentation(), 3, 1, 0.5, 0, null, quick.device(), 1);
        float rate = (float) 1e-9;

        CheckpointFolder straightFolder = new CheckpointFolder(dir.resolve("plateau-straight"));
        List<ProgressListener.EpochReport> straight;
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data,
                ProgressListener.NONE, new TrainingControl(), straightFolder))) {
            straight = result.history();
            assertThat(result.result().stopReason()).isEqualTo("early stopping");
        }
        assertThat(straight).extracting(ProgressListener.EpochReport::learningRate)
                .containsExactly((double) rate, (double) rate, (double) (float) (rate * 0.5),
                        (double) (float) ((float) (rate * 0.5) * 0.5));
        assertThat(straightFolder.latest()).get().extracting(EpochCheckpoints.Saved::epoch).isEqualTo(4);

        CheckpointFolder cut = new CheckpointFolder(dir.resolve("plateau-cut"));
        TrainingControl control = new TrainingControl();
        ProgressListener stopInEpochThree = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                if (p.epoch() == 3 && p.batch() == 3) {
                    control.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data, stopInEpochThree,
                control, cut)).isInstanceOf(TrainingControl.TrainingCancelledException.class);
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data,
                ProgressListener.NONE, new TrainingControl(), cut))) {
            assertThat(result.result().stopReason()).isEqualTo("early stopping");
            assertThat(result.history()).extracting(ProgressListener.EpochReport::epoch).containsExactly(1, 2, 3, 4);
            assertThat(result.history()).extracting(ProgressListener.EpochReport::learningRate)
                    .isEqualTo(straight.stream().map(ProgressListener.EpochReport::learningRate).toList());
        }
        assertThat(cut.latest()).get().extracting(EpochCheckpoints.Saved::learningRate)
                .isEqualTo(straightFolder.latest().get().learningRate());

        List<Integer> batchEpochs = new ArrayList<>();
        ProgressListener batches = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) { batchEpochs.add(p.epoch()); }
        };
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), hp, data,
                batches, new TrainingControl(), straightFolder))) {
            assertThat(batchEpochs).isEmpty();
            assertThat(result.result().stopReason()).isEqualTo("early stopping");
            assertThat(result.history()).isEqualTo(straight);
        }
    }

    @Test
    void aDamagedCheckpointIsIgnoredAndTheRunStartsOver() throws Exception {
        Path folder = dir.resolve("broken");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("state.json"), "{not json");
        assertThat(new CheckpointFolder(folder).latest()).isEmpty();
        Files.writeString(folder.resolve("state.json"), "{\"epoch\":2,\"params\":\"params-2.bin\",\"learningRate\":0.001,\"history\":[]}");
        assertThat(new CheckpointFolder(folder).latest()).as("state names a missing params file").isEmpty();
    }
}
