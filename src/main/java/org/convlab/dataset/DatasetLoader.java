package org.convlab.dataset;

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
 * together (28×28 images, as many labels as images, labels within the class list).
 */
public final class DatasetLoader {

    /** Every model, lesson and page in ConvLab assumes MNIST-sized images. */
    public static final int IMAGE_SIZE = 28;

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
            throw DatasetException.about(folder, "data folder " + folder.getFileName()
                    + " does not exist: point ConvLab at the folder holding the four IDX files");
        }
        if (!Files.isDirectory(folder)) {
            throw DatasetException.about(folder, "data folder " + folder.getFileName()
                    + " is a file, not a folder: point ConvLab at the folder holding the four IDX files");
        }
        DatasetMetadata metadata = DatasetMetadata.read(folder);
        try {
            return new Dataset(metadata, loadSplit(folder, metadata, Split.TRAIN, limits),
                    loadSplit(folder, metadata, Split.TEST, limits));
        } catch (OutOfMemoryError e) {
            throw DatasetException.about(folder, "the data set does not fit in the memory Java was given (-Xmx): "
                    + "give it more, or use a smaller data set");
        }
    }

    private static LabeledImages loadSplit(Path folder, DatasetMetadata metadata, Split split, IdxLimits limits) {
        Path imagesFile = verified(folder, metadata, metadata.files().images(split));
        Path labelsFile = verified(folder, metadata, metadata.files().labels(split));
        IdxReader.IdxImages images = IdxReader.readImages(imagesFile, limits);
        if (images.rows() != IMAGE_SIZE || images.cols() != IMAGE_SIZE) {
            throw new DatasetException(imagesFile, "wrong dimensions: images are " + images.rows() + "×"
                    + images.cols() + " pixels; ConvLab needs " + IMAGE_SIZE + "×" + IMAGE_SIZE);
        }
        byte[] labels = IdxReader.readLabels(labelsFile, metadata.classes().size(), limits);
        if (labels.length != images.count()) {
            throw new DatasetException(labelsFile, "has " + labels.length + " labels but "
                    + imagesFile.getFileName() + " has " + images.count() + " images");
        }
        return new LabeledImages(images.rows(), images.cols(), images.pixels(), labels);
    }

    private static Path verified(Path folder, DatasetMetadata metadata, String name) {
        Path file = folder.resolve(name);
        String expected = metadata.sha256().get(name);
        if (expected != null && Files.isRegularFile(file)) {
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new DatasetException(file, "checksum mismatch: SHA-256 is " + actual.substring(0, 12)
                        + "…, expected " + expected.substring(0, Math.min(12, expected.length()))
                        + "… (the file is corrupt or was replaced; restore it from the repository)");
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
