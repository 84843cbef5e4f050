package org.convlab.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code dataset.json} beside the IDX files says: the data set's name, its class names, the
 * four file names and, optionally, their SHA-256 sums. A folder without the file is read with the
 * standard MNIST file names and Fashion-MNIST's class names, so the original MNIST folder works as
 * it is.
 */
public record DatasetMetadata(
        String name, List<String> classes, Files4 files, Map<String, String> sha256) {

    public static final String FILE_NAME = "dataset.json";

    public static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The four IDX files of a data set. */
    public record Files4(String trainImages, String trainLabels, String testImages, String testLabels) {
        static final Files4 STANDARD = new Files4(
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

        public String images(Split split) {
            return split == Split.TRAIN ? trainImages : testImages;
        }

        public String labels(Split split) {
            return split == Split.TRAIN ? trainLabels : testLabels;
        }
    }

    public DatasetMetadata {
        name = name == null || name.isBlank() ? "Fashion-MNIST" : name;
        classes = classes == null || classes.isEmpty() ? FASHION_MNIST_CLASSES : List.copyOf(classes);
        files = files == null ? Files4.STANDARD : files;
        sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
    }

    public static DatasetMetadata read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new DatasetMetadata(null, null, null, null);
        }
        try {
            DatasetMetadata metadata = JsonMapper.builder()
                    .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(file.toFile(), DatasetMetadata.class);
            if (metadata.classes().size() < 2 || metadata.classes().size() > 256) {
                throw new DatasetException(file, "lists " + metadata.classes().size()
                        + " classes; a data set needs between 2 and 256");
            }
            return metadata;
        } catch (JacksonException e) {
            throw new DatasetException(file, "is not valid JSON metadata: " + e.getOriginalMessage());
        }
    }
}
