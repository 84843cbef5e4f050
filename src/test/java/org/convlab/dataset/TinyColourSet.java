package org.convlab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny colour data set folder for tests (the demo set in data/colour-shapes need not be there):
 * 32×32 RGB images of two classes, "red" (red plane high, green and blue low) and "green" (green
 * high); 4 training images (red, green, red, green) and 2 test images (green, red). Within each
 * plane the values vary a little with the column, so no mean image is constant.
 */
public final class TinyColourSet {

    public static final int SIZE = 32;
    /** The red class's red value at column c, and the green class's green value: {@code HIGH + c}. */
    public static final int HIGH = 180;
    /** The other planes' value at column c: {@code LOW + c}. */
    public static final int LOW = 10;

    private TinyColourSet() {}

    /** Writes the set into {@code folder} (created if missing) and returns it. */
    public static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] trainLabels = {0, 1, 0, 1};
        byte[] testLabels = {1, 0};
        IdxFiles.write(folder.resolve("train-images-idx3-ubyte"), images(trainLabels), false);
        IdxFiles.write(folder.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(trainLabels), false);
        IdxFiles.write(folder.resolve("t10k-images-idx3-ubyte"), images(testLabels), false);
        IdxFiles.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(testLabels), false);
        Files.writeString(folder.resolve("dataset.json"), """
                {"name": "Tiny colours", "classes": ["red", "green"],
                 "files": {"trainImages": "train-images-idx3-ubyte", "trainLabels": "train-labels-idx1-ubyte",
                           "testImages": "t10k-images-idx3-ubyte", "testLabels": "t10k-labels-idx1-ubyte"}}
                """);
        return folder;
    }

    /** The value of one channel at a pixel of an image of this label (0 red, 1 green). */
    public static int value(int label, int channel, int row, int col) {
        return (channel == label ? HIGH : LOW) + col;
    }

    /** Planar RGB pixels of one image per label: a colour IDX file (magic 0x804, dims n, 3, 32, 32). */
    static byte[] images(byte[] labels) {
        int perImage = 3 * SIZE * SIZE;
        byte[] pixels = new byte[labels.length * perImage];
        for (int i = 0; i < labels.length; i++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < SIZE; r++) {
                    for (int c = 0; c < SIZE; c++) {
                        pixels[i * perImage + (ch * SIZE + r) * SIZE + c] = (byte) value(labels[i], ch, r, c);
                    }
                }
            }
        }
        return IdxFiles.concat(IdxFiles.header(0x00000804, labels.length, 3, SIZE, SIZE), pixels);
    }
}
