package org.convlab.dataset;

import org.convlab.i18n.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads a data set folder: metadata, checksums, the four IDX files, and the checks that tie them
 * together (square 28×28 or 32×32 images of 1 or 3 channels, the same in both splits, as many
 * labels as images, labels within the class list).
 */
public final class DatasetLoader {

    /** MNIST's size: the lessons and the built-in data set use it. */
    public static final int IMAGE_SIZE = 28;
    /** The sizes a data set may have: MNIST's and CIFAR's. */
    public static final java.util.List<Integer> IMAGE_SIZES = java.util.List.of(28, 32);

    private DatasetLoader() {}

    public static Dataset load(Path folder) {
        return load(folder, IdxLimits.configured());
    }

    /**
     * Loads within {@code limits}. The limits keep each file far below the heap, but two splits
     * near the limit on a small heap could still run out; that becomes a {@link DatasetException}
     * too, so no input can take down the app or print a stack trace (the half-read arrays are
     * garbage as soon as this returns).
     */
    public static Dataset load(Path folder, IdxLimits limits) {
        if (!Files.exists(folder)) {
            throw DatasetException.about(folder, Text.of("dataset.file.no-data-folder", String.valueOf(folder.getFileName())));
        }
        if (!Files.isDirectory(folder)) {
            throw DatasetException.about(folder, Text.of("dataset.file.data-folder-is-file", String.valueOf(folder.getFileName())));
        }
        DatasetMetadata metadata = DatasetMetadata.read(folder);
        try {
            LabeledImages train = loadSplit(folder, metadata, Split.TRAIN, limits);
            LabeledImages test = loadSplit(folder, metadata, Split.TEST, limits);
            if (train.rows() != test.rows() || train.channels() != test.channels()) {
                throw DatasetException.about(folder, Text.of("dataset.file.splits-differ", shape(train), shape(test)));
            }
            return new Dataset(metadata, train, test);
        } catch (OutOfMemoryError e) {
            throw DatasetException.about(folder, Text.of("dataset.file.out-of-memory"));
        }
    }

    private static LabeledImages loadSplit(Path folder, DatasetMetadata metadata, Split split, IdxLimits limits) {
        Path imagesFile = verified(folder, metadata, metadata.files().images(split));
        Path labelsFile = verified(folder, metadata, metadata.files().labels(split));
        IdxReader.IdxImages images = IdxReader.readImages(imagesFile, limits);
        if (images.rows() != images.cols() || !IMAGE_SIZES.contains(images.rows())) {
            throw new DatasetException(imagesFile, Text.of("dataset.file.image-size", String.valueOf(images.rows()),
                    String.valueOf(images.cols())));
        }
        byte[] labels = IdxReader.readLabels(labelsFile, metadata.classes().size(), limits);
        if (labels.length != images.count()) {
            throw new DatasetException(labelsFile, Text.of("dataset.file.count-mismatch", String.valueOf(labels.length),
                    String.valueOf(imagesFile.getFileName()), String.valueOf(images.count())));
        }
        return new LabeledImages(images.rows(), images.cols(), images.channels(), images.pixels(), labels);
    }

    private static Text shape(LabeledImages images) {
        return Text.of(images.colour() ? "dataset.file.shape-colour" : "dataset.file.shape-gray",
                String.valueOf(images.rows()), String.valueOf(images.cols()));
    }

    private static Path verified(Path folder, DatasetMetadata metadata, String name) {
        Path file = folder.resolve(name);
        String expected = metadata.sha256().get(name);
        if (expected != null && Files.isRegularFile(file)) {
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new DatasetException(file, Text.of("dataset.file.checksum", actual.substring(0, 12),
                        expected.substring(0, Math.min(12, expected.length()))));
            }
        }
        return file;
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(
                Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new DatasetException(file, DatasetException.readProblem(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
