package org.convlab.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Minimal private Fashion-MNIST loader: gunzip + IDX parse into float arrays. Deliberately small and
 * isolated so it can be swapped for {@code org.convlab.dataset} once that package lands on this
 * branch; nothing else in training knows about files.
 */
public final class FashionMnistArrays {

    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnistArrays() {}

    /** The data folder: system property {@code convlab.data.dir}, else {@code data/fashion-mnist}. */
    public static Path dataDir() {
        return Path.of(System.getProperty("convlab.data.dir", "data/fashion-mnist"));
    }

    public static ImageSet train() {
        return load(dataDir(), "train");
    }

    public static ImageSet test() {
        return load(dataDir(), "t10k");
    }

    /** Loads {@code PREFIX-images-idx3-ubyte.gz} and {@code PREFIX-labels-idx1-ubyte.gz}. */
    public static ImageSet load(Path dir, String prefix) {
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        try (DataInputStream in = open(images); DataInputStream lin = open(labels)) {
            expectMagic(in, 0x00000803, images);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            expectMagic(lin, 0x00000801, labels);
            int labelCount = lin.readInt();
            if (labelCount != count) {
                throw new IOException(images + " has " + count + " images but " + labels + " has " + labelCount + " labels");
            }
            byte[] raw = in.readNBytes(count * rows * cols);
            byte[] rawLabels = lin.readNBytes(count);
            if (raw.length != count * rows * cols || rawLabels.length != count) {
                throw new IOException(images + " or " + labels + " is truncated");
            }
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255f;
            }
            int[] lb = new int[count];
            for (int i = 0; i < count; i++) {
                lb[i] = rawLabels[i] & 0xff;
            }
            return new ImageSet(pixels, lb, rows, cols, CLASS_NAMES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Fashion-MNIST from " + dir + ": " + e.getMessage()
                    + " (set -Dconvlab.data.dir=FOLDER)", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }

    private static void expectMagic(DataInputStream in, int magic, Path file) throws IOException {
        int actual = in.readInt();
        if (actual != magic) {
            throw new IOException(file + " is not an IDX file (magic " + Integer.toHexString(actual) + ")");
        }
    }
}
