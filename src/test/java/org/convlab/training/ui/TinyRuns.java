package org.convlab.training.ui;

import ai.djl.Device;
import org.convlab.training.engine.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.convlab.model.ModelLimits;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainingRun;
import org.convlab.testsupport.TestFiles;

/**
 * Real run folders for the run pages' tests, made once per test JVM in {@link #RUNS_DIR}: a tiny
 * CNN trained for 2 epochs on 1,000 images (a few seconds), and a broken copy without its weights.
 * The CNN's prediction for every test image is worked out here, apart from the pages.
 */
final class TinyRuns {

    static final String RUNS_DIR = "target/test-runs-ui";
    static final String GOOD = "tiny-cnn-test";
    static final String BROKEN = "tiny-cnn-without-weights";

    private static int[] predicted;

    private TinyRuns() {}

    static synchronized void create() {
        if (predicted != null) {
            return;
        }
        Path runs = Path.of(RUNS_DIR);
        deleteTree(runs);
        var model = TestModels.tinyCnn();
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2).withLimit(1000).withBatchSize(32)
                .withDevice(DeviceChoice.CPU);
        ImageSet test = FashionMnistArrays.test();
        TrainingRun.execute(model, hp, FashionMnistArrays.train(), test, runs.resolve(GOOD), ModelLimits.DEFAULT,
                ProgressListener.NONE, new TrainingControl());
        try {
            Files.createDirectories(runs.resolve(BROKEN));
            Files.copy(runs.resolve(GOOD).resolve("run.json"), runs.resolve(BROKEN).resolve("run.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TrainedModel trained = RunStore.load(runs.resolve(GOOD), Device.cpu())) {
            int[] best = new int[test.size()];
            int n = test.imageSize();
            for (int from = 0; from < test.size(); from += 1000) {
                int count = Math.min(1000, test.size() - from);
                float[][] p = trained.probabilities(Arrays.copyOfRange(test.pixels(), from * n, (from + count) * n), count);
                for (int i = 0; i < count; i++) {
                    for (int c = 1; c < p[i].length; c++) {
                        if (p[i][c] > p[i][best[from + i]]) {
                            best[from + i] = c;
                        }
                    }
                }
            }
            predicted = best;
        }
    }

    /** What the tiny CNN predicts for each test image. */
    static int[] predicted() {
        return predicted;
    }

    private static void deleteTree(Path dir) {
        try {
            TestFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
