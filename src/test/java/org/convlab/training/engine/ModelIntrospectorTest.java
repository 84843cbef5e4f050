package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class ModelIntrospectorTest {

    private static final int TROUSER = 1;

    private final TrainedModel model = TrainingFixtures.trainedTiny();
    private final ModelIntrospector look = new ModelIntrospector(model);

    @Test
    void filtersOfEachConvLayer() {
        assertThat(look.convLayers()).containsExactly(1, 3);
        ModelIntrospector.FilterImages first = look.filters(1);
        assertThat(first.filters()).isEqualTo(8);
        assertThat(first.channels()).isEqualTo(1);
        assertThat(first.kernel()).isEqualTo(3);
        assertThat(first.weights()[0]).hasSize(9);
        ModelIntrospector.FilterImages second = look.filters(3);
        assertThat(second.weights()).hasNumberOfRows(16);
        assertThat(second.weights()[0]).hasSize(8 * 9);
        for (float[] f : second.weights()) {
            for (float v : f) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThatThrownBy(() -> look.filters(2)).hasMessageContaining("is not a conv2d layer");
    }

    @Test
    void featureMapsOfAnyImageLayer() {
        float[] image = TrainingFixtures.test().image(0);
        ModelIntrospector.FeatureMaps maps = look.featureMaps(1, image);
        assertThat(maps.channels()).isEqualTo(8);
        assertThat(maps.height()).isEqualTo(28);
        assertThat(maps.values()[7]).hasSize(28 * 28);
        assertThat(look.featureMaps(4, image).height()).isEqualTo(7);
        assertThatThrownBy(() -> look.featureMaps(5, image)).hasMessageContaining("flat vector");
        assertThatThrownBy(() -> look.featureMaps(9, image)).hasMessageContaining("does not exist");
    }

    /**
     * Sanity of Grad-CAM on trousers the model gets right: the heat on the garment (pixels that are
     * not black) must clearly exceed the heat on the black background, averaged over 20 trousers.
     */
    @Test
    void gradCamOfATrouserLightsUpTheLegsMoreThanTheBackground() {
        ImageSet test = TrainingFixtures.test();
        double onGarment = 0;
        double onBackground = 0;
        int used = 0;
        for (int i = 0; i < test.size() && used < 20; i++) {
            if (test.labels()[i] != TROUSER) {
                continue;
            }
            float[] image = test.image(i);
            ModelIntrospector.GradCam cam = look.gradCam(image, TROUSER);
            if (TrainedModel.argMax(cam.probabilities()) != TROUSER) {
                continue;
            }
            assertThat(cam.heatmap()).hasSize(28 * 28);
            assertThat(cam.layer()).isEqualTo(3);
            assertThat(cam.coarseHeight()).isEqualTo(14);
            double g = 0, b = 0;
            int ng = 0, nb = 0;
            for (int p = 0; p < image.length; p++) {
                if (image[p] > 0.1f) { g += cam.heatmap()[p]; ng++; }
                else if (image[p] == 0f) { b += cam.heatmap()[p]; nb++; }
            }
            onGarment += g / ng;
            onBackground += b / nb;
            used++;
        }
        assertThat(used).isEqualTo(20);
        System.err.printf("Grad-CAM on 20 trousers: mean heat %.3f on the garment, %.3f on the background%n",
                onGarment / used, onBackground / used);
        assertThat(onGarment / used).isGreaterThan(1.5 * onBackground / used);
    }

    @Test
    void gradCamDoesNotDisturbTheModel() {
        ImageSet test = TrainingFixtures.test().first(50);
        float[][] before = model.probabilities(test.pixels(), test.size());
        look.gradCam(test.image(3), 4);
        assertThat(model.probabilities(test.pixels(), test.size())).isDeepEqualTo(before);
        assertThatThrownBy(() -> look.gradCam(test.image(0), 10)).hasMessageContaining("class 10 does not exist");
    }

    @Test
    void introspectionWaitsForASafePointOfARunningTraining() throws Exception {
        try (TrainingWorker worker = new TrainingWorker()) {
            CountDownLatch started = new CountDownLatch(1);
            TrainingWorker.Job<TrainerResult> job = worker.submit(control -> new ModelTrainer().train(
                    TrainingFixtures.tinyCnn(), TrainingFixtures.quick().withValidationSplit(0),
                    TrainingFixtures.train().first(1500), new ProgressListener() {
                        @Override public void onBatch(BatchProgress p) { started.countDown(); }
                    }, control));
            started.await();
            assertThat(job.state()).isEqualTo(RunState.RUNNING);
            // Grad-CAM opens a GradientCollector: it must run between two batches, not fail.
            ModelIntrospector.GradCam cam = worker.introspect(() -> look.gradCam(TrainingFixtures.test().image(0), 9))
                    .get(30, TimeUnit.SECONDS);
            assertThat(cam.heatmap()).hasSize(784);
            job.cancel();
            assertThatThrownBy(() -> job.result().get()).hasCauseInstanceOf(TrainingControl.TrainingCancelledException.class);
            assertThat(job.state()).isEqualTo(RunState.CANCELLED);
        }
    }
}
