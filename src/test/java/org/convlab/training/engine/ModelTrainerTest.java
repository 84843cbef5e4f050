package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

class ModelTrainerTest {

    @Test
    void oneEpochOnASmallSubsetLearns() {
        List<ProgressListener.BatchProgress> batches = new ArrayList<>();
        List<ProgressListener.EpochReport> epochs = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) { batches.add(p); }
            @Override public void onEpoch(EpochReport r) { epochs.add(r); }
        };
        ImageSet data = TrainingFixtures.train().first(3000);
        long start = System.nanoTime();
        try (AutoCloseableResult result = wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(), TrainingFixtures.quick(),
                data, listener, new TrainingControl()))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation eval = ModelEvaluator.evaluate(result.model(), TrainingFixtures.test().first(2000), 5);
            System.err.printf("tiny-cnn, 2700 images, 1 epoch: %.1fs, test accuracy %.3f, %.0f img/s%n",
                    seconds, eval.testAccuracy(), epochs.getFirst().imagesPerSecond());
            assertThat(eval.testAccuracy()).isGreaterThan(0.55); // chance is 0.10
            assertThat(result.trainImages()).isEqualTo(2700);
            assertThat(result.validationImages()).isEqualTo(300);
            assertThat(epochs).hasSize(1);
            assertThat(epochs.getFirst().validationAccuracy()).isGreaterThan(0.5);
            assertThat(batches).hasSize(85);
            assertThat(batches.getLast().etaSeconds()).isZero();
            assertThat(eval.misclassified()).hasSize(5);
            assertThat(eval.misclassified().getFirst().probabilities()).hasSize(10);
            assertThat(eval.confusionMatrix().total()).isEqualTo(2000);
        }
    }

    @Test
    void cancellingStopsWithinABatch() {
        TrainingControl control = new TrainingControl();
        ProgressListener cancelAfterThree = new ProgressListener() {
            @Override public void onBatch(BatchProgress p) {
                if (p.batch() == 3) {
                    control.cancel();
                }
                assertThat(p.batch()).isLessThanOrEqualTo(3);
            }
        };
        assertThatThrownBy(() -> new ModelTrainer().train(TrainingFixtures.tinyCnn(), TrainingFixtures.quick(),
                TrainingFixtures.train().first(2000), cancelAfterThree, control))
                .isInstanceOf(TrainingControl.TrainingCancelledException.class);
    }

    /**
     * PyTorch allows one open gradient collector per JVM; two trainers on two threads (two test
     * contexts, or a command-line run beside the server's worker) must take turns, not fail.
     */
    @Test
    void twoTrainersOnTwoThreadsBothFinish() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Callable<Integer> training = () -> {
            List<ProgressListener.BatchProgress> batches = new CopyOnWriteArrayList<>();
            try (AutoCloseableResult result = wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(),
                    TrainingFixtures.quick().withValidationSplit(0), TrainingFixtures.train().first(1600),
                    new ProgressListener() {
                        @Override public void onBatch(BatchProgress p) {
                            if (batches.isEmpty()) {
                                bothStarted.countDown();
                            }
                            batches.add(p);
                        }
                    }, new TrainingControl()))) {
                return batches.size();
            }
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(training);
            var second = pool.submit(training);
            assertThat(first.get(2, TimeUnit.MINUTES)).isEqualTo(50);
            assertThat(second.get(2, TimeUnit.MINUTES)).isEqualTo(50);
            assertThat(bothStarted.getCount()).as("both trained, interleaved").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * PyTorch starts every thread with grad mode on, and DJL's gradient collector only restores what
     * it found. The optimizers ConvLab writes itself (RMSProp here) must still update in place on
     * such a thread: a worker thread where nothing else had turned it off failed every step.
     */
    @Test
    void theOptimizersConvLabWritesTrainOnAThreadWhoseGradModeIsOn() throws Exception {
        var thread = Executors.newSingleThreadExecutor();
        try {
            int epochs = thread.submit(() -> {
                DjlRuntime.engine();
                ai.djl.pytorch.jni.JniUtils.setGradMode(true);
                try (AutoCloseableResult result = wrap(new ModelTrainer().train(TrainingFixtures.tinyCnn(),
                        TrainingFixtures.quick().withEpochs(1).withValidationSplit(0)
                                .withOptimizer(OptimizerKind.RMSPROP, null),
                        TrainingFixtures.train().first(320), new ProgressListener() {}, new TrainingControl()))) {
                    return result.history().size();
                }
            }).get(2, TimeUnit.MINUTES);
            assertThat(epochs).isEqualTo(1);
        } finally {
            thread.shutdownNow();
        }
    }

    /** Closes the model when the test is done. */
    static AutoCloseableResult wrap(TrainerResult r) {
        return new AutoCloseableResult(r);
    }

    record AutoCloseableResult(TrainerResult result) implements AutoCloseable {
        TrainedModel model() { return result.model(); }
        int trainImages() { return result.trainImages(); }
        int validationImages() { return result.validationImages(); }
        List<ProgressListener.EpochReport> history() { return result.history(); }
        @Override public void close() { result.model().close(); }
    }
}
