package org.convlab.training.engine;

import java.nio.file.Path;
import java.util.List;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLoader;
import org.convlab.dataset.DatasetMetadata;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.LabeledImages;

/**
 * The data set as the training engine wants it: pixels scaled to 0–1 as floats. Reading, checking
 * and naming the files is the dataset package's job; this only converts.
 */
public final class FashionMnistArrays {

    public static final List<String> CLASS_NAMES = DatasetMetadata.FASHION_MNIST_CLASSES;

    private static Dataset cached;

    private FashionMnistArrays() {}

    /** The data folder: {@code convlab.data-dir} / {@code CONVLAB_DATA_DIR}, else data/fashion-mnist. */
    public static Path dataDir() {
        return DatasetService.defaultFolder();
    }

    public static ImageSet train() {
        Dataset dataset = dataset();
        return of(dataset.train(), dataset.classNames());
    }

    public static ImageSet test() {
        Dataset dataset = dataset();
        return of(dataset.test(), dataset.classNames());
    }

    private static synchronized Dataset dataset() {
        if (cached == null) {
            cached = DatasetLoader.load(dataDir());
        }
        return cached;
    }

    /** Scales 0–255 bytes to 0–1 floats, the input every preset is trained on. */
    public static ImageSet of(LabeledImages images, List<String> classNames) {
        byte[] raw = images.pixels();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return new ImageSet(pixels, labels, images.channels(), images.rows(), images.cols(), classNames);
    }
}
