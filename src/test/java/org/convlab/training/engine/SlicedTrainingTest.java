package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Time slicing: a run that gives its worker back in the middle of an epoch and resumes later must
 * end exactly where the same run ends without pauses. Mid-epoch that needs the position in the
 * epoch, the running sums and every random draw (augmentation, dropout) to survive the pause.
 */
class SlicedTrainingTest {

    @TempDir
    Path dir;

    /** conv → batch norm → pool → dropout → dense: every layer kind whose state or randomness a pause could lose. */
    static ValidatedModel withBatchNormAndDropout() {
        return ModelValidator.validate(new ModelSpec("sliced", List.of(
                new Layer.Conv2d(8, 3, Padding.SAME, ActivationKind.RELU),
                new Layer.BatchNorm(),
                new Layer.MaxPool(2),
                new Layer.Dropout(0.3),
                new Layer.Flatten(),
                new Layer.Dense(24, ActivationKind.RELU),
                new Layer.Dropout(0.2),
                new Layer.Dense(10, ActivationKind.SOFTMAX))));
    }

    static Hyperparameters hyperparameters(OptimizerKind kind) {
        // 576 training images in batches of 64: 9 batches an epoch, so pauses every 4 batches fall mid-epoch.
        return TrainingFixtures.quick().withEpochs(2).withBatchSize(64).withValidationSplit(0.1)
                .withOptimizer(kind, null).withAugmentation(new Augmentation(10, 2, true)).withThreads(1);
    }

    /** A run trained in turns of {@code batchesPerTurn} batches: pauses, then resumes from its checkpoint, until done. */
    static final class Turns {
        int turns;
        final List<EpochCheckpoints.Position> pauses = new ArrayList<>();

        TrainerResult train(ValidatedModel model, Hyperparameters hp, ImageSet data, CheckpointFolder checkpoints,
                int batchesPerTurn) {
            while (true) {
                turns++;
                TrainingControl control = new TrainingControl();
                int[] batches = {0};
                ProgressListener pauseAfter = new ProgressListener() {
                    @Override public void onBatch(BatchProgress p) {
                        if (++batches[0] == batchesPerTurn) {
                            control.requestPause();
                        }
                    }
                };
                try {
                    return new ModelTrainer().train(model, hp, data, pauseAfter, control, checkpoints);
                } catch (TrainingControl.TrainingPausedException paused) {
                    pauses.add(checkpoints.latest().orElseThrow().position());
                }
            }
        }
    }

    /** The uninterrupted run a cut one is compared with: its history and its predictions for the probe images. */
    record Reference(List<ProgressListener.EpochReport> history, float[][] predictions) {}

    private Reference straight(Hyperparameters hp, ImageSet data, ImageSet probe) {
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(withBatchNormAndDropout(), hp, data,
                ProgressListener.NONE, new TrainingControl(), new CheckpointFolder(dir.resolve("straight"))))) {
            return new Reference(result.history(), result.model().probabilities(probe.pixels(), probe.size()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run ended as the reference did, from epoch {@code from} on: rates, losses, accuracies, predictions. */
    private static void assertSameEnd(String what, Reference expected, ModelTrainerTest.AutoCloseableResult result,
            ImageSet probe, int from) {
        assertThat(result.history()).hasSameSizeAs(expected.history());
        for (int e = from - 1; e < expected.history().size(); e++) {
            ProgressListener.EpochReport a = expected.history().get(e);
            ProgressListener.EpochReport b = result.history().get(e);
            String epoch = what + " epoch " + (e + 1);
            assertThat(b.learningRate()).as(epoch + " rate").isEqualTo(a.learningRate());
            assertThat(b.loss()).as(epoch + " loss").isCloseTo(a.loss(), Offset.offset(1e-5));
            assertThat(b.accuracy()).as(epoch + " accuracy").isCloseTo(a.accuracy(), Offset.offset(1e-9));
            assertThat(b.validationLoss()).as(epoch + " validation loss").isCloseTo(a.validationLoss(), Offset.offset(1e-5));
            assertThat(b.validationAccuracy()).as(epoch + " validation accuracy")
                    .isCloseTo(a.validationAccuracy(), Offset.offset(1e-9));
        }
        float[][] actual = result.model().probabilities(probe.pixels(), probe.size());
        for (int i = 0; i < probe.size(); i++) {
            assertThat(actual[i]).as(what + " prediction for image " + i)
                    .containsExactly(expected.predictions()[i], Offset.offset(1e-5f));
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void aRunCutIntoSlicesMidEpochEndsExactlyAsTheUninterruptedRun(OptimizerKind kind) throws Exception {
        ImageSet data = TrainingFixtures.train().first(640);
        ImageSet probe = TrainingFixtures.test().first(20);
        Hyperparameters hp = hyperparameters(kind);
        Reference straight = straight(hp, data, probe);

        Turns turns = new Turns();
        try (var result = ModelTrainerTest.wrap(turns.train(withBatchNormAndDropout(), hp, data,
                new CheckpointFolder(dir.resolve("sliced")), 4))) {
            // 18 batches in turns of 4: paused after batches 4 and 8 of epoch 1, 3 and 7 of epoch 2.
            assertThat(turns.pauses).extracting(EpochCheckpoints.Position::epoch, EpochCheckpoints.Position::batchesDone)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 4), org.assertj.core.groups.Tuple.tuple(1, 8),
                            org.assertj.core.groups.Tuple.tuple(2, 3), org.assertj.core.groups.Tuple.tuple(2, 7));
            assertThat(result.history()).hasSize(2);
            assertSameEnd(kind.toString(), straight, result, probe, 1);
        }
    }

    /**
     * A scheduled run (cosine, one-cycle with a warm-up, step decay) cut into slices mid-epoch ends
     * exactly as the uninterrupted run: the schedule is a function of the global step, and the
     * checkpoint keeps only the plateau-lowered base. Each epoch reports the rate of its last step.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"cosine/0", "one-cycle/1", "step/0"})
    void aScheduledRunCutIntoSlicesMidEpochEndsExactlyAsTheUninterruptedRun(String kindAndWarmup) throws Exception {
        String[] parts = kindAndWarmup.split("/");
        LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Kind.parse(parts[0]),
                Integer.parseInt(parts[1]));
        ImageSet data = TrainingFixtures.train().first(640);
        ImageSet probe = TrainingFixtures.test().first(20);
        Hyperparameters hp = hyperparameters(OptimizerKind.ADAM).withEpochs(2).withSchedule(schedule);
        Reference reference = straight(hp, data, probe);
        List<ProgressListener.EpochReport> straight = reference.history();
        // 9 batches an epoch, 18 in all: epoch 1 ends at step 8, epoch 2 at step 17.
        assertThat(straight.get(0).learningRate()).isEqualTo((double) (0.001f * schedule.multiplierAt(8, 9, 18)));
        assertThat(straight.get(1).learningRate()).isEqualTo((double) (0.001f * schedule.multiplierAt(17, 9, 18)));
        assertThat(straight.get(1).learningRate()).isLessThan(0.001 * 0.5);

        Turns turns = new Turns();
        try (var result = ModelTrainerTest.wrap(turns.train(withBatchNormAndDropout(), hp, data,
                new CheckpointFolder(dir.resolve("sliced")), 4))) {
            assertThat(turns.pauses).hasSize(4);
            assertThat(turns.pauses).anyMatch(p -> p.batchesDone() > 0);
            assertSameEnd(schedule.describe(), reference, result, probe, 1);
        }
    }

    /** Cut off in epoch 3 and resumed from the checkpoint after epoch 2 (a crash, a restart): same end. */
    @Test
    void aScheduledRunResumedAtAnEpochBoundaryEndsExactlyAsTheUninterruptedRun() throws Exception {
        ImageSet data = TrainingFixtures.train().first(640);
        ImageSet probe = TrainingFixtures.test().first(20);
        Hyperparameters hp = hyperparameters(OptimizerKind.MOMENTUM).withEpochs(3)
                .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 1));
        Reference straight = straight(hp, data, probe);
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("crash"));
        TrainingControl control = new TrainingControl();
        ProgressListener stopInEpochThree = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                if (p.epoch() == 3 && p.batch() == 2) {
                    control.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(withBatchNormAndDropout(), hp, data, stopInEpochThree,
                control, checkpoints)).isInstanceOf(TrainingControl.TrainingCancelledException.class);
        assertThat(checkpoints.latest().orElseThrow().epoch()).isEqualTo(2);
        // The checkpoint keeps the base rate, not the scheduled one.
        assertThat(checkpoints.latest().orElseThrow().learningRate()).isEqualTo((double) 0.01f);
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(withBatchNormAndDropout(), hp, data,
                ProgressListener.NONE, new TrainingControl(), checkpoints))) {
            assertSameEnd("resumed one-cycle", straight, result, probe, 3);
        }
    }

    @Test
    void theRandomDrawsOfABatchDependOnTheSeedEpochAndBatchOnly() {
        assertThat(ModelTrainer.batchSeed(42, 1, 0)).isEqualTo(ModelTrainer.batchSeed(42, 1, 0));
        List<Long> seeds = new ArrayList<>();
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int batch = 0; batch < 100; batch++) {
                seeds.add(ModelTrainer.batchSeed(42, epoch, batch));
            }
        }
        seeds.add(ModelTrainer.batchSeed(43, 1, 0));
        assertThat(seeds).doesNotHaveDuplicates();
    }

    @Test
    void aPauseKeepsThePositionAndRunningSumsAndTheRunGoesOnFromThere() {
        ImageSet data = TrainingFixtures.train().first(640);
        Hyperparameters hp = hyperparameters(OptimizerKind.ADAM).withEpochs(1);
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("position"));
        TrainingControl control = new TrainingControl();
        List<Integer> firstTurn = new ArrayList<>();
        ProgressListener pauseAfterFive = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                firstTurn.add(p.batch());
                if (p.batch() == 5) {
                    control.requestPause();
                }
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(withBatchNormAndDropout(), hp, data, pauseAfterFive, control,
                checkpoints)).isInstanceOf(TrainingControl.TrainingPausedException.class);
        assertThat(firstTurn).containsExactly(1, 2, 3, 4, 5);
        EpochCheckpoints.Saved saved = checkpoints.latest().orElseThrow();
        assertThat(saved.epoch()).isZero();
        assertThat(saved.position().epoch()).isEqualTo(1);
        assertThat(saved.position().batchesDone()).isEqualTo(5);
        assertThat(saved.position().seen()).isEqualTo(5 * 64);
        assertThat(saved.position().correct()).isBetween(0L, 5L * 64);
        assertThat(saved.position().lossSum()).isPositive();

        List<Integer> secondTurn = new ArrayList<>();
        List<ProgressListener.BatchProgress> progress = new ArrayList<>();
        ProgressListener watch = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                secondTurn.add(p.batch());
                progress.add(p);
            }
        };
        try (var result = ModelTrainerTest.wrap(new ModelTrainer().train(withBatchNormAndDropout(), hp, data, watch,
                new TrainingControl(), checkpoints))) {
            assertThat(secondTurn).containsExactly(6, 7, 8, 9);
            // The running numbers carry on from the first turn's: batch 6's mean covers 6 × 64 images.
            assertThat(progress.getFirst().loss()).isFinite();
            // Elapsed time counts the first turn too, not only this one.
            assertThat(progress.getFirst().elapsedSeconds()).isGreaterThan(saved.position().trainSeconds());
            assertThat(result.history()).hasSize(1);
        }
        assertThat(checkpoints.latest().orElseThrow().position()).isNull();
    }

    @Test
    void aRunThatHasNotTrainedABatchInThisTurnTrainsOneBeforeItPauses() {
        ImageSet data = TrainingFixtures.train().first(640);
        Hyperparameters hp = hyperparameters(OptimizerKind.SGD).withEpochs(1);
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("progress"));
        TrainingControl control = new TrainingControl();
        control.requestPause();
        assertThatThrownBy(() -> new ModelTrainer().train(withBatchNormAndDropout(), hp, data, ProgressListener.NONE,
                control, checkpoints)).isInstanceOf(TrainingControl.TrainingPausedException.class);
        assertThat(checkpoints.latest().orElseThrow().position().batchesDone()).isEqualTo(1);
    }
}
