package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour end to end in the engine: classes that only colour tells apart (a patch of red or of green
 * of the same brightness, anywhere on a noisy background) are learnt by a 3-channel model, and
 * saving, loading, filters, feature maps, Grad-CAM and the neuron trace all work on 3 channels.
 */
class ColourTrainingTest {

    static final int SIZE = 32;
    /** Red and green of nearly equal luminance (0.299 R + 0.587 G + 0.114 B ≈ 102 and 107). */
    static final int[][] COLOURS = {{200, 60, 60}, {60, 140, 60}};

    static ImageSet train;
    static ImageSet test;
    static TrainingRun.Outcome outcome;
    @TempDir
    static Path runs;

    @BeforeAll
    static void trainOnce() {
        train = patches(600, 1);
        test = patches(200, 2);
        ValidatedModel model = ModelValidator.validate(TestModels.tinyCnn().spec().forData(3, SIZE, 2));
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(3).withBatchSize(32).withValidationSplit(0)
                .withDevice(DeviceChoice.CPU).withAugmentation(new Augmentation(0, 2, true));
        outcome = TrainingRun.execute(model, hp, train, test, runs.resolve("colour"), ModelLimits.from(key -> null),
                ProgressListener.NONE, new TrainingControl());
    }

    /** A 10×10 patch of class c's colour at a random place on gray noise; planes R, G, B. */
    static ImageSet patches(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 3 * SIZE * SIZE];
        int[] labels = new int[count];
        int plane = SIZE * SIZE;
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            int top = random.nextInt(SIZE - 10);
            int left = random.nextInt(SIZE - 10);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean inside = y >= top && y < top + 10 && x >= left && x < left + 10;
                    float noise = (float) (random.nextGaussian() * 0.05);
                    for (int c = 0; c < 3; c++) {
                        float v = inside ? COLOURS[labels[i]][c] / 255f : 0.2f;
                        pixels[i * 3 * plane + c * plane + y * SIZE + x] = Math.clamp(v + noise, 0f, 1f);
                    }
                }
            }
        }
        return new ImageSet(pixels, labels, 3, SIZE, SIZE, List.of("red", "green"));
    }

    @Test
    void aThreeChannelModelLearnsWhatOnlyColourTellsApart() {
        assertThat(outcome.evaluation().testAccuracy()).isGreaterThan(0.9);
        assertThat(outcome.record().spec().input().channels()).isEqualTo(3);
    }

    @Test
    void theSavedColourModelPredictsAsTheOneThatWasTrained() {
        try (TrainedModel loaded = RunStore.load(outcome.dir(), Device.cpu())) {
            Evaluation again = ModelEvaluator.evaluate(loaded, test, 0);
            assertThat(again.testAccuracy()).isEqualTo(outcome.evaluation().testAccuracy());
            assertThat(again.testLoss()).isCloseTo(outcome.evaluation().testLoss(), within(1e-5));
        }
    }

    @Test
    void filtersFeatureMapsGradCamAndTracesWorkOnThreeChannels() {
        try (TrainedModel loaded = RunStore.load(outcome.dir(), Device.cpu())) {
            ModelIntrospector introspector = new ModelIntrospector(loaded);
            int first = introspector.convLayers().getFirst();
            assertThat(introspector.filters(first).channels()).isEqualTo(3);
            float[] image = test.image(0);
            assertThat(introspector.featureMaps(first, image).height()).isEqualTo(SIZE);
            ModelIntrospector.GradCam cam = introspector.gradCam(image, test.labels()[0]);
            assertThat(cam.height()).isEqualTo(SIZE);
            assertThat(cam.heatmap()).hasSize(SIZE * SIZE);
            NeuronTrace trace = new NetworkExplainer(loaded).trace(image, first, 0, 5, 5);
            assertThat(trace).isInstanceOfSatisfying(NeuronTrace.ConvCell.class, cell -> {
                assertThat(cell.channelSums()).hasSize(3);
                double sum = cell.bias();
                for (double s : cell.channelSums()) {
                    sum += s;
                }
                assertThat(cell.preActivation()).isCloseTo(sum, within(1e-4));
                assertThat(cell.preActivation()).isCloseTo(cell.modelValue(), within(1e-3));
            });
        }
    }

    @Test
    void augmentationMovesTheThreePlanesOfAnImageTogether() {
        // One shape, drawn with a different strength in each plane on black: sampling is linear, so
        // after any shift, rotation or flip each plane must still be the same shape times its strength.
        float[] strength = {0.9f, 0.5f, 0.2f};
        int plane = SIZE * SIZE;
        float[] image = new float[3 * plane];
        for (int y = 4; y < 20; y++) {
            for (int x = 6; x < 12 + y / 2; x++) {
                for (int c = 0; c < 3; c++) {
                    image[c * plane + y * SIZE + x] = strength[c];
                }
            }
        }
        for (int seed = 0; seed < 5; seed++) {
            float[] moved = new Augmentation(20, 4, true).applyTo(image, 3, SIZE, SIZE, new Random(seed));
            double shapeArea = 0;
            for (int p = 0; p < plane; p++) {
                float shape = moved[p] / strength[0];
                shapeArea += shape;
                assertThat(moved[plane + p] / strength[1]).isCloseTo(shape, within(1e-5f));
                assertThat(moved[2 * plane + p] / strength[2]).isCloseTo(shape, within(1e-5f));
            }
            assertThat(shapeArea).as("the shape is still in the picture").isGreaterThan(50);
        }
    }
}
