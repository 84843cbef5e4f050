package org.convlab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convlab.i18n.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import org.convlab.model.StrictJson;

/**
 * What {@code dataset.json} beside the IDX files says: the data set's name, its class names, the
 * four file names and, optionally, their SHA-256 sums. A folder without the file is read with the
 * standard MNIST file names and Fashion-MNIST's class names, so the original MNIST folder works as
 * it is; in the file, {@code name}, {@code classes}, {@code files} and {@code sha256} may each be
 * left out for the same defaults, but one that is there must be right: every mistake is one line
 * naming the field. File names are plain names of files in the data folder, never paths, so
 * nothing outside that folder can be read through it.
 */
public record DatasetMetadata(
        String name, List<String> classes, Files4 files, Map<String, String> sha256) {

    public static final String FILE_NAME = "dataset.json";
    /** Real metadata is a few hundred bytes; anything this big is the wrong file. */
    static final long MAX_FILE_BYTES = 1 << 20;
    static final int MIN_CLASSES = 2;
    /** Labels are single bytes. */
    static final int MAX_CLASSES = 256;
    static final int MAX_TEXT = 100;

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

        List<String> all() {
            return List.of(trainImages, trainLabels, testImages, testLabels);
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
        JsonNode root = parse(file);
        Fields fields = new Fields(file);
        if (!root.isObject()) {
            throw fields.problem(Text.of("dataset.meta.not-object", kind(root)));
        }
        String name = root.has("name") ? fields.text(root.get("name"), "name") : null;
        List<String> classes = root.has("classes") ? fields.classes(root.get("classes")) : null;
        Files4 files = root.has("files") ? fields.files(root.get("files")) : null;
        DatasetMetadata partial = new DatasetMetadata(name, classes, files, null);
        Map<String, String> sums = root.has("sha256") ? fields.sums(root.get("sha256"), partial.files()) : null;
        return new DatasetMetadata(name, classes, files, sums);
    }

    private static JsonNode parse(Path file) {
        if (Files.isDirectory(file)) {
            throw new DatasetException(file, Text.of("dataset.file.folder"));
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Text.of("dataset.file.not-regular"));
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetException(file, Text.of("dataset.meta.too-large", size));
            }
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetException(file, Text.of("dataset.meta.not-utf8"));
        } catch (IOException e) {
            throw new DatasetException(file, DatasetException.readProblem(e));
        }
        if (text.isBlank()) {
            throw new DatasetException(file, Text.of("dataset.meta.empty"));
        }
        try {
            return StrictJson.MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new DatasetException(file, Text.of("dataset.meta.too-deep"));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String why = firstLine(e.getOriginalMessage());
            throw new DatasetException(file, at == null || at.getLineNr() < 1 ? Text.of("dataset.meta.invalid", why)
                    : Text.of("dataset.meta.invalid-at", String.valueOf(at.getLineNr()), String.valueOf(at.getColumnNr()), why));
        }
    }

    /** Checks one field at a time and names it in every complaint. */
    private record Fields(Path file) {

        DatasetException problem(Text problem) {
            return new DatasetException(file, problem);
        }

        String text(JsonNode node, String field) {
            if (!node.isString()) {
                throw problem(Text.of("dataset.meta.not-text", field, kind(node)));
            }
            String value = node.stringValue();
            if (value.isBlank()) {
                throw problem(Text.of("dataset.meta.field-empty", field));
            }
            if (value.length() > MAX_TEXT) {
                throw problem(Text.of("dataset.meta.too-long", field, String.valueOf(value.length()), MAX_TEXT));
            }
            return value;
        }

        List<String> classes(JsonNode node) {
            if (!node.isArray()) {
                throw problem(Text.of("dataset.meta.classes-not-list", kind(node)));
            }
            if (node.size() < MIN_CLASSES || node.size() > MAX_CLASSES) {
                throw problem(Text.count("dataset.meta.class-count", node.size(), MIN_CLASSES, MAX_CLASSES));
            }
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String name = text(node.get(i), "classes[" + i + "]");
                if (!seen.add(name)) {
                    throw problem(Text.of("dataset.meta.class-twice", quoted(name), String.valueOf(names.indexOf(name)),
                            String.valueOf(i)));
                }
                names.add(name);
            }
            return names;
        }

        Files4 files(JsonNode node) {
            if (!node.isObject()) {
                throw problem(Text.of("dataset.meta.files-not-object", kind(node)));
            }
            return new Files4(fileName(node, "trainImages"), fileName(node, "trainLabels"),
                    fileName(node, "testImages"), fileName(node, "testLabels"));
        }

        private String fileName(JsonNode files, String key) {
            String field = "files." + key;
            if (!files.has(key)) {
                throw problem(Text.of("dataset.meta.file-missing", field));
            }
            String name = text(files.get(key), field);
            checkPlainName(name, field);
            return name;
        }

        /** A name, not a path: nothing outside the data folder can be reached through the metadata. */
        private void checkPlainName(String name, String field) {
            if (name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0
                    || name.equals(".") || name.equals("..") || name.contains(":")) {
                throw problem(Text.of("dataset.meta.file-path", field, quoted(name)));
            }
        }

        Map<String, String> sums(JsonNode node, Files4 files) {
            if (!node.isObject()) {
                throw problem(Text.of("dataset.meta.sums-not-object", kind(node)));
            }
            Map<String, String> sums = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String field = "sha256." + entry.getKey();
                if (!files.all().contains(entry.getKey())) {
                    throw problem(Text.of("dataset.meta.sum-for-other", quoted(entry.getKey())));
                }
                String sum = text(entry.getValue(), field);
                if (!sum.matches("[0-9a-fA-F]{64}")) {
                    throw problem(Text.of("dataset.meta.not-a-sum", field));
                }
                sums.put(entry.getKey(), sum);
            }
            return sums;
        }
    }

    /** "a number", "null", "a list"...: what a JSON value is, for messages. */
    private static Text kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> Text.of("dataset.meta.kind.null");
            case NUMBER -> Text.of("dataset.meta.kind.number");
            case BOOLEAN -> Text.of("dataset.meta.kind.boolean");
            case ARRAY -> Text.of("dataset.meta.kind.list");
            case OBJECT -> Text.of("dataset.meta.kind.object");
            case STRING -> Text.of("dataset.meta.kind.text");
            default -> Text.of("dataset.meta.kind.other", node.getNodeType().name().toLowerCase(Locale.ROOT));
        };
    }

    /** The value in quotes, cut short: a name in a message must not become a page of text. */
    private static String quoted(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
