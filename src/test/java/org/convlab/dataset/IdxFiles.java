package org.convlab.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, well-formed or deliberately broken. */
final class IdxFiles {

    private IdxFiles() {}

    static byte[] header(int magic, int... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length);
        buffer.putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return concat(header(0x00000803, count, rows, cols), pixels);
    }

    static byte[] labels(byte... labels) {
        return concat(header(0x00000801, labels.length), labels);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static Path write(Path file, byte[] contents, boolean gzip) throws IOException {
        if (!gzip) {
            return Files.write(file, contents);
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(contents);
        }
        return Files.write(file, compressed.toByteArray());
    }

    /** Pixels of {@code count} 28×28 images where image i has every pixel equal to (i * 10 + p) % 256. */
    static byte[] pixels(int count) {
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 784 + p] = (byte) ((i * 10 + p) % 256);
            }
        }
        return pixels;
    }

    /** A complete tiny data set folder: 4 training and 2 test images of classes 0..2, plain or gzipped. */
    static Path tinyDataset(Path folder, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        write(folder.resolve("train-images-idx3-ubyte" + suffix), images(4, 28, 28, pixels(4)), gzip);
        write(folder.resolve("train-labels-idx1-ubyte" + suffix), labels((byte) 0, (byte) 1, (byte) 2, (byte) 1), gzip);
        write(folder.resolve("t10k-images-idx3-ubyte" + suffix), images(2, 28, 28, pixels(2)), gzip);
        write(folder.resolve("t10k-labels-idx1-ubyte" + suffix), labels((byte) 2, (byte) 0), gzip);
        Files.writeString(folder.resolve("dataset.json"), """
                {"name": "Tiny", "classes": ["zero", "one", "two"],
                 "files": {"trainImages": "train-images-idx3-ubyte%1$s", "trainLabels": "train-labels-idx1-ubyte%1$s",
                           "testImages": "t10k-images-idx3-ubyte%1$s", "testLabels": "t10k-labels-idx1-ubyte%1$s"}}
                """.formatted(suffix));
        return folder;
    }
}
