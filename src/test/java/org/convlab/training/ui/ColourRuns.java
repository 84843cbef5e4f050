package org.convlab.training.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetLoader;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.testsupport.TestFiles;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TestModels;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.TrainingRun;

/**
 * A colour data set and a run trained on it, for the run pages' colour tests, made once per test
 * JVM: 32×32 RGB images of a red or a green patch on gray noise (as in ColourTrainingTest), written
 * as colour IDX files where the server looks for the demo set (key {@value DatasetLibrary#DEMO_KEY}),
 * and the tiny CNN fitted to 3×32×32 and trained on them for 2 epochs (a few seconds). Every tenth
 * test image carries the other label, so the run always has mistakes to show.
 */
final class ColourRuns {

    static final String DATA_DIR = "target/test-colour-data/" + DatasetLibrary.DEMO_KEY;
    static final String RUNS_DIR = "target/test-runs-colour";
    static final String RUN = "tiny-colour-cnn";
    static final int SIZE = 32;
    static final int[][] COLOURS = {{200, 60, 60}, {60, 140, 60}};

    private static boolean created;

    private ColourRuns() {}

    static synchronized void create() {
        if (created) {
            return;
        }
        try {
            TestFiles.deleteTree(Path.of(RUNS_DIR));
            Path data = Path.of(DATA_DIR);
            TestFiles.deleteTree(data);
            Files.createDirectories(data);
            write(data, "train", 400, 1, false);
            write(data, "test", 100, 2, true);
            Files.writeString(data.resolve("dataset.json"), """
                    {"name": "Colour patches", "classes": ["red", "green"],
                     "files": {"trainImages": "train-images", "trainLabels": "train-labels",
                               "testImages": "test-images", "testLabels": "test-labels"}}
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset dataset = DatasetLoader.load(Path.of(DATA_DIR));
        ImageSet train = FashionMnistArrays.of(dataset.train(), dataset.classNames());
        ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
        var model = ModelValidator.validate(TestModels.tinyCnn().spec().forData(3, SIZE, 2));
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2).withBatchSize(32).withValidationSplit(0)
                .withDevice(DeviceChoice.CPU).withDataset(DatasetLibrary.DEMO_KEY);
        TrainingRun.execute(model, hp, train, test, Path.of(RUNS_DIR, RUN), ModelLimits.DEFAULT,
                ProgressListener.NONE, new TrainingControl());
        created = true;
    }

    /** Colour IDX files (count, 3, 32, 32) of patches, and their labels. */
    private static void write(Path folder, String split, int count, long seed, boolean mislabel) throws IOException {
        Random random = new Random(seed);
        int plane = SIZE * SIZE;
        ByteBuffer images = ByteBuffer.allocate(20 + count * 3 * plane);
        images.putInt(0x00000804).putInt(count).putInt(3).putInt(SIZE).putInt(SIZE);
        ByteBuffer labels = ByteBuffer.allocate(8 + count);
        labels.putInt(0x00000801).putInt(count);
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            labels.put((byte) (mislabel && i % 10 == 5 ? 1 - label : label));
            int top = random.nextInt(SIZE - 10);
            int left = random.nextInt(SIZE - 10);
            byte[] image = new byte[3 * plane];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean inside = y >= top && y < top + 10 && x >= left && x < left + 10;
                    int noise = (int) Math.round(random.nextGaussian() * 12);
                    for (int c = 0; c < 3; c++) {
                        int v = inside ? COLOURS[label][c] : 50;
                        image[c * plane + y * SIZE + x] = (byte) Math.clamp(v + noise, 0, 255);
                    }
                }
            }
            images.put(image);
        }
        Files.write(folder.resolve(split + "-images"), images.array());
        Files.write(folder.resolve(split + "-labels"), labels.array());
    }
}
