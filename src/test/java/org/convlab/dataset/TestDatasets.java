package org.convlab.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small data set folders for tests outside this package: a colour one of two classes, 32×32. */
public final class TestDatasets {

    private TestDatasets() {}

    /**
     * A colour data set folder (IDX magic 0x804, planar R, G, B) of {@code train} + {@code test} 32×32
     * images: a red or a green square on gray, classes "red" and "green".
     */
    public static Path colour(Path folder, String name, int train, int test) {
        try {
            Files.createDirectories(folder);
            write(folder, "train", train, 1);
            write(folder, "t10k", test, 2);
            Files.writeString(folder.resolve("dataset.json"), """
                    {"name": "%s", "classes": ["red", "green"],
                     "files": {"trainImages": "train-images", "trainLabels": "train-labels",
                               "testImages": "t10k-images", "testLabels": "t10k-labels"}}
                    """.formatted(name));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path folder, String prefix, int count, long seed) throws IOException {
        int size = 32;
        int plane = size * size;
        Random random = new Random(seed);
        ByteBuffer images = ByteBuffer.allocate(4 + 16 + count * 3 * plane);
        images.putInt(0x00000804).putInt(count).putInt(3).putInt(size).putInt(size);
        ByteBuffer labels = ByteBuffer.allocate(8 + count);
        labels.putInt(0x00000801).putInt(count);
        int[][] colours = {{200, 60, 60}, {60, 140, 60}};
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            labels.put((byte) label);
            int top = random.nextInt(size - 10);
            int left = random.nextInt(size - 10);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        boolean inside = y >= top && y < top + 10 && x >= left && x < left + 10;
                        images.put((byte) (inside ? colours[label][c] : 50));
                    }
                }
            }
        }
        Files.write(folder.resolve(prefix + "-images"), images.array());
        Files.write(folder.resolve(prefix + "-labels"), labels.array());
    }

    /** The class names {@link #colour} writes. */
    public static final List<String> COLOUR_CLASSES = List.of("red", "green");
}
