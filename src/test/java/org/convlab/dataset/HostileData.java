package org.convlab.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.nio.file.StandardCopyOption;

/**
 * A corpus of broken and hostile data folders: each one a small, valid data set with one thing
 * wrong, the file that is wrong, and what the one-line refusal must say about it. Shared by the
 * loader's, the service's and the command line's tests.
 */
public final class HostileData {

    private HostileData() {}

    /** Writes the broken folder into an empty directory. */
    @FunctionalInterface
    public interface Setup {
        void into(Path folder) throws IOException;
    }

    /**
     * One bad input: {@code file} is the name the message must start with (null: the problem is the
     * data folder itself, named "data"), {@code problem} a part of the message.
     */
    public record Case(String name, Setup setup, String file, String problem) {
        /** Makes the folder {@code data} in {@code parent}, breaks it, and returns it. */
        public Path prepare(Path parent) throws IOException {
            Path folder = Files.createDirectory(parent.resolve("data"));
            setup.into(folder);
            return folder;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String META = DatasetMetadata.FILE_NAME;

    public static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(idxFiles());
        all.addAll(metadata());
        return all.stream();
    }

    private static List<Case> idxFiles() {
        return List.of(
                new Case("gzip bomb claiming 10^9 images", dir -> {
                    tiny(dir);
                    gzipBomb(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 1_000_000_000, 28, 28), 64);
                }, TRAIN_IMAGES, "the header claims 1,000,000,000 images; ConvLab reads at most 1,000,000 per file"),
                new Case("gzip bomb: 1,000 images claimed, 4 GiB of zeros inflate", dir -> {
                    tiny(dir);
                    gzipBomb(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 1_000, 28, 28), 4096);
                }, TRAIN_IMAGES, "the file is larger than its header says"),
                new Case("gzip bomb in a label file", dir -> {
                    tiny(dir);
                    gzipBomb(dir.resolve(TRAIN_LABELS), IdxFiles.header(0x801, 4), 4096);
                }, TRAIN_LABELS, "the file is larger than its header says"),
                new Case("plain file over 2 GiB (sparse), header claims 4 images", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(TRAIN_IMAGES));
                    sparse(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 4, 28, 28), 3L << 30);
                }, TRAIN_IMAGES, "the file is larger than its header says: 3,221,222,320 unexpected bytes"),
                new Case("plain file over 2 GiB (sparse), header claims 10^9 images", dir -> {
                    tiny(dir);
                    sparse(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 1_000_000_000, 28, 28), 3L << 30);
                }, TRAIN_IMAGES, "claims 1,000,000,000 images"),
                new Case("header claims more images than present (plain)", dir -> {
                    tiny(dir);
                    plain(dir.resolve(TRAIN_IMAGES), IdxFiles.images(1_000, 28, 28, IdxFiles.pixels(2)));
                }, TRAIN_IMAGES, "file is truncated: its header claims 1,000 images of 28×28 pixels (784,000 bytes) "
                        + "but only 1,568 bytes follow"),
                new Case("header claims more images than present (gzip)", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.images(500_000, 28, 28, IdxFiles.pixels(3)));
                }, TRAIN_IMAGES, "file is truncated: its header claims 500,000 images of 28×28 pixels (392,000,000 "
                        + "bytes) but only 2,352 bytes follow"),
                new Case("header claims more labels than present", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_LABELS), IdxFiles.concat(IdxFiles.header(0x801, 900_000), new byte[] {1, 2}));
                }, TRAIN_LABELS, "its header claims 900,000 labels (900,000 bytes) but only 2 bytes follow"),
                new Case("gzip cut in half", dir -> {
                    tiny(dir);
                    byte[] whole = Files.readAllBytes(dir.resolve(TRAIN_IMAGES));
                    Files.write(dir.resolve(TRAIN_IMAGES), Arrays.copyOf(whole, whole.length / 2));
                }, TRAIN_IMAGES, "file is truncated: the compressed data ends early, after"),
                new Case("gzip magic and nothing else", dir -> {
                    tiny(dir);
                    Files.write(dir.resolve(TRAIN_IMAGES), new byte[] {0x1F, (byte) 0x8B});
                }, TRAIN_IMAGES, "file is truncated"),
                new Case("gzip magic followed by garbage", dir -> {
                    tiny(dir);
                    Files.write(dir.resolve(TRAIN_IMAGES), new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3,
                        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
                }, TRAIN_IMAGES, "the compressed data is corrupt"),
                new Case("truncated inside the header", dir -> {
                    tiny(dir);
                    plain(dir.resolve(TRAIN_IMAGES), Arrays.copyOf(IdxFiles.header(0x803, 4, 28, 28), 9));
                }, TRAIN_IMAGES, "file is truncated inside its header"),
                new Case("too short for a magic number", dir -> {
                    tiny(dir);
                    plain(dir.resolve(TRAIN_IMAGES), new byte[] {0, 0});
                }, TRAIN_IMAGES, "file is too short to be an IDX file (2 bytes)"),
                new Case("wrong magic: a PNG", dir -> {
                    tiny(dir);
                    plain(dir.resolve(TRAIN_IMAGES), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
                }, TRAIN_IMAGES, "not an IDX file of unsigned bytes (magic number 0x89504e47, expected 0x00000803)"),
                new Case("wrong magic: IDX of floats", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.concat(IdxFiles.header(0x0D03, 1, 28, 28), new byte[4 * 784]));
                }, TRAIN_IMAGES, "not an IDX file of unsigned bytes (magic number 0x00000d03"),
                new Case("text file instead of IDX", dir -> {
                    tiny(dir);
                    Files.writeString(dir.resolve(TRAIN_IMAGES), "<html>404 Not Found</html>");
                }, TRAIN_IMAGES, "not an IDX file of unsigned bytes"),
                new Case("label file where images belong", dir -> {
                    tiny(dir);
                    Files.copy(dir.resolve(TRAIN_LABELS), dir.resolve(TRAIN_IMAGES), StandardCopyOption.REPLACE_EXISTING);
                }, TRAIN_IMAGES, "wrong dimensions: the file has 1 dimension; an image file needs 3"),
                new Case("image file where labels belong", dir -> {
                    tiny(dir);
                    Files.copy(dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), StandardCopyOption.REPLACE_EXISTING);
                }, TRAIN_LABELS, "wrong dimensions: the file has 3 dimensions; a label file needs 1"),
                new Case("negative image count", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, -1, 28, 28));
                }, TRAIN_IMAGES, "wrong dimensions: dimension 1 is -1 (negative)"),
                new Case("zero rows", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 4, 0, 28));
                }, TRAIN_IMAGES, "wrong dimensions: dimension 2 is 0"),
                new Case("negative columns", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 4, 28, Integer.MIN_VALUE));
                }, TRAIN_IMAGES, "wrong dimensions: dimension 3 is -2147483648 (negative)"),
                new Case("dimensions whose product overflows", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 65_536, 65_536, 65_536));
                }, TRAIN_IMAGES, "the header claims images of 65536×65536 pixels; ConvLab reads images of at most 64×64"),
                new Case("maximal dimensions", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
                }, TRAIN_IMAGES, "the header claims 2,147,483,647 images"),
                new Case("images too large for the byte limit", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x803, 1_000_000, 28, 28));
                }, TRAIN_IMAGES, "ConvLab reads at most 512 MiB per file"),
                new Case("label count over the limit", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_LABELS), IdxFiles.header(0x801, 2_000_000));
                }, TRAIN_LABELS, "the header claims 2,000,000 labels; ConvLab reads at most 1,000,000 per file"),
                new Case("images of 30×30", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.images(4, 30, 30, new byte[4 * 30 * 30]));
                }, TRAIN_IMAGES, "wrong dimensions: images are 30×30 pixels; ConvLab needs 28×28 or 32×32"),
                new Case("images of 28×32", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.images(4, 28, 32, new byte[4 * 28 * 32]));
                }, TRAIN_IMAGES, "wrong dimensions: images are 28×32 pixels; ConvLab needs 28×28 or 32×32"),
                new Case("images of 5 channels", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x804, 4, 5, 28, 28));
                }, TRAIN_IMAGES, "the header claims images of 5 channels"),
                new Case("an image file of 5 dimensions", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_IMAGES), IdxFiles.header(0x805, 4, 3, 28, 28, 1));
                }, TRAIN_IMAGES, "wrong dimensions: the file has 5 dimensions; an image file needs 3"),
                new Case("fewer labels than images", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_LABELS), IdxFiles.labels((byte) 0, (byte) 1, (byte) 2));
                }, TRAIN_LABELS, "has 3 labels but train-images-idx3-ubyte.gz has 4 images"),
                new Case("more labels than images", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_LABELS), IdxFiles.labels(new byte[9]));
                }, TRAIN_LABELS, "has 9 labels but train-images-idx3-ubyte.gz has 4 images"),
                new Case("label beyond the class list", dir -> {
                    tiny(dir);
                    gzip(dir.resolve(TRAIN_LABELS), IdxFiles.labels((byte) 0, (byte) 7, (byte) 1, (byte) 1));
                }, TRAIN_LABELS, "label 7 at position 1 is outside 0–2"),
                new Case("bytes after the declared values (plain)", dir -> {
                    tiny(dir);
                    plain(dir.resolve(TRAIN_LABELS), IdxFiles.concat(IdxFiles.labels(new byte[4]), new byte[] {7, 7}));
                }, TRAIN_LABELS, "the file is larger than its header says: 2 unexpected bytes after the 4 labels"),
                new Case("empty file", dir -> {
                    tiny(dir);
                    Files.write(dir.resolve(TEST_IMAGES), new byte[0]);
                }, TEST_IMAGES, "file is empty (0 bytes)"),
                new Case("folder instead of a file", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(TEST_IMAGES));
                    Files.createDirectory(dir.resolve(TEST_IMAGES));
                }, TEST_IMAGES, "is a folder, not a file"),
                new Case("missing file", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(TEST_IMAGES));
                }, TEST_IMAGES, "file not found"),
                new Case("link to a missing file", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(TEST_IMAGES));
                    Files.createSymbolicLink(dir.resolve(TEST_IMAGES), dir.resolve("gone"));
                }, TEST_IMAGES, "is a link to a file that does not exist"),
                new Case("link to an endless device (/dev/zero)", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(TEST_IMAGES));
                    Files.createSymbolicLink(dir.resolve(TEST_IMAGES), Path.of("/dev/zero"));
                }, TEST_IMAGES, "is not a regular file"),
                new Case("checksum mismatch", dir -> {
                    tiny(dir);
                    metadataWith(dir, ", \"sha256\": {\"" + TRAIN_LABELS + "\": \"" + "ab".repeat(32) + "\"}");
                }, TRAIN_LABELS, "checksum mismatch: SHA-256 is"),
                new Case("data folder is a file", dir -> {
                    Files.delete(dir);
                    Files.writeString(dir, "x");
                }, null, "data folder data is a file, not a folder"),
                new Case("data folder does not exist", Files::delete, null, "data folder data does not exist"));
    }

    private static List<Case> metadata() {
        List<Case> cases = new ArrayList<>(List.of(
                metaText("not JSON", "{not json", "is not valid JSON at line 1"),
                metaText("JSON cut short", "{\"name\": \"Tiny\", \"classes\": [\"a\", ", "is not valid JSON"),
                metaText("a JSON list, not an object", "[\"zero\", \"one\"]", "must be a JSON object"),
                metaText("a JSON string, not an object", "\"dataset\"", "must be a JSON object"),
                metaText("JSON null", "null", "must be a JSON object"),
                metaText("blank file", "  \n", "is empty: write a JSON object"),
                metaText("nesting 100,000 deep", "{\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        "is not usable JSON: it is nested deeper"),
                metaText("huge file (2 MiB)", "{\"name\": \"" + "x".repeat(2 << 20) + "\"}",
                        "is 2,097,164 bytes; metadata is a few lines, at most 1 MiB"),
                files("\"trainImages\": null", "\"files.trainImages\" must be text in quotes, not null"),
                files("\"trainImages\": 42", "\"files.trainImages\" must be text in quotes, not a number"),
                files("\"trainImages\": [\"a.gz\"]", "\"files.trainImages\" must be text in quotes, not a list"),
                files("\"trainImages\": {}", "\"files.trainImages\" must be text in quotes, not an object"),
                files("\"trainImages\": true", "\"files.trainImages\" must be text in quotes, not true or false"),
                files("\"trainImages\": \"\"", "\"files.trainImages\" is empty"),
                files("\"trainImages\": \"../../etc/passwd\"", "\"files.trainImages\" is \"../../etc/passwd\": give the "
                        + "name of a file in the data folder, not a path"),
                files("\"trainImages\": \"/etc/passwd\"", "\"files.trainImages\" is \"/etc/passwd\": give the name"),
                files("\"trainImages\": \"..\"", "not a path"),
                files("\"trainImages\": \"sub/train.gz\"", "not a path"),
                files("\"trainImages\": \"..\\\\..\\\\boot.ini\"", "not a path"),
                files("\"trainImages\": \"C:train.gz\"", "not a path"),
                files("\"trainImages\": \"train\\u0000.gz\"", "not a path"),
                files("\"trainImages\": \"" + "t".repeat(5000) + "\"", "\"files.trainImages\" is 5000 characters long"),
                files(null, "\"files.trainImages\" is missing"),
                metaJson("files is null", "\"files\": null", "\"files\" must be an object naming trainImages"),
                metaJson("files is a string", "\"files\": \"train.gz\"", "\"files\" must be an object"),
                metaJson("files is a list", "\"files\": [\"a\", \"b\", \"c\", \"d\"]", "\"files\" must be an object"),
                metaJson("classes is null", "\"classes\": null", "\"classes\" must be a list of class names"),
                metaJson("classes is a string", "\"classes\": \"zero,one,two\"", "\"classes\" must be a list of class names"),
                metaJson("one class", "\"classes\": [\"zero\"]", "\"classes\" lists 1 class; a data set needs between 2 and 256"),
                metaJson("no classes", "\"classes\": []", "\"classes\" lists 0 classes"),
                metaJson("257 classes", "\"classes\": [" + String.join(",", Collections.nCopies(257, "\"c\"")) + "]",
                        "\"classes\" lists 257 classes"),
                metaJson("a null class name", "\"classes\": [\"zero\", null, \"two\"]", "\"classes[1]\" must be text in quotes, not null"),
                metaJson("a numeric class name", "\"classes\": [\"zero\", 1, \"two\"]", "\"classes[1]\" must be text in quotes, not a number"),
                metaJson("a blank class name", "\"classes\": [\"zero\", \" \", \"two\"]", "\"classes[1]\" is empty"),
                metaJson("a duplicated class name", "\"classes\": [\"zero\", \"one\", \"zero\"]", "names \"zero\" twice (at 0 and 2)"),
                metaJson("name is null", "\"name\": null", "\"name\" must be text in quotes, not null"),
                metaJson("name is a number", "\"name\": 7", "\"name\" must be text in quotes, not a number"),
                metaJson("name is 10,000 characters", "\"name\": \"" + "n".repeat(10_000) + "\"", "\"name\" is 10000 characters long"),
                metaJson("sha256 is null", "\"sha256\": null", "\"sha256\" must be an object from file name to checksum"),
                metaJson("sha256 is a list", "\"sha256\": [\"ab\"]", "\"sha256\" must be an object"),
                metaJson("a null checksum", "\"sha256\": {\"" + TRAIN_LABELS + "\": null}",
                        "\"sha256." + TRAIN_LABELS + "\" must be text in quotes, not null"),
                metaJson("a checksum that is not hex", "\"sha256\": {\"" + TRAIN_LABELS + "\": \"not-a-sum\"}",
                        "is not a SHA-256 checksum (64 hexadecimal digits)"),
                metaJson("a checksum for a file that is not one of the four", "\"sha256\": {\"../../etc/shadow\": \""
                        + "ab".repeat(32) + "\"}", "has a checksum for \"../../etc/shadow\", which is not one of the four"),
                new Case("dataset.json is a folder", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(META));
                    Files.createDirectory(dir.resolve(META));
                }, META, "is a folder, not a file"),
                new Case("dataset.json links to /dev/zero", dir -> {
                    tiny(dir);
                    Files.delete(dir.resolve(META));
                    Files.createSymbolicLink(dir.resolve(META), Path.of("/dev/zero"));
                }, META, "is not a regular file"),
                new Case("dataset.json is not UTF-8", dir -> {
                    tiny(dir);
                    Files.write(dir.resolve(META), new byte[] {'{', '"', 'n', (byte) 0xFF, (byte) 0xFE, '"', '}'});
                }, META, "is not UTF-8 text")));
        return cases;
    }

    /** The tiny data set (gzipped), so every case differs from a good folder in one thing only. */
    static void tiny(Path dir) throws IOException {
        IdxFiles.tinyDataset(dir, true);
    }

    private static Case metaText(String name, String json, String problem) {
        return new Case("dataset.json: " + name, dir -> {
            tiny(dir);
            Files.writeString(dir.resolve(META), json);
        }, META, problem);
    }

    /** dataset.json with {@code extra} ("key": value) replacing the tiny set's field of that key. */
    private static Case metaJson(String name, String field, String problem) {
        return new Case("dataset.json: " + name, dir -> {
            tiny(dir);
            String key = field.substring(0, field.indexOf(':'));
            String others = switch (key) {
                case "\"name\"" -> CLASSES + ", " + FILES;
                case "\"classes\"" -> NAME + ", " + FILES;
                case "\"files\"" -> NAME + ", " + CLASSES;
                default -> NAME + ", " + CLASSES + ", " + FILES;
            };
            Files.writeString(dir.resolve(META), "{" + others + ", " + field + "}");
        }, META, problem);
    }

    /** dataset.json whose trainImages entry is {@code trainImages} (null: left out). */
    private static Case files(String trainImages, String problem) {
        String name = trainImages == null ? "files.trainImages missing"
                : trainImages.length() > 60 ? "files.trainImages very long" : "files with " + trainImages;
        return new Case("dataset.json: " + name, dir -> {
            tiny(dir);
            String entry = trainImages == null ? "" : trainImages + ", ";
            Files.writeString(dir.resolve(META), "{" + NAME + ", " + CLASSES + ", \"files\": {" + entry
                    + "\"trainLabels\": \"" + TRAIN_LABELS + "\", \"testImages\": \"" + TEST_IMAGES
                    + "\", \"testLabels\": \"t10k-labels-idx1-ubyte.gz\"}}");
        }, META, problem);
    }

    private static final String NAME = "\"name\": \"Tiny\"";
    private static final String CLASSES = "\"classes\": [\"zero\", \"one\", \"two\"]";
    private static final String FILES = "\"files\": {\"trainImages\": \"" + TRAIN_IMAGES + "\", \"trainLabels\": \""
            + TRAIN_LABELS + "\", \"testImages\": \"" + TEST_IMAGES + "\", \"testLabels\": \"t10k-labels-idx1-ubyte.gz\"}";

    private static void metadataWith(Path dir, String extra) throws IOException {
        String metadata = Files.readString(dir.resolve(META)).replaceFirst("\\}\\s*$", extra + "}");
        Files.writeString(dir.resolve(META), metadata);
    }

    private static void plain(Path file, byte[] contents) throws IOException {
        Files.deleteIfExists(file);
        IdxFiles.write(file, contents, false);
    }

    private static void gzip(Path file, byte[] contents) throws IOException {
        IdxFiles.write(file, contents, true);
    }

    /**
     * A small file that inflates to {@code mib} MiB of zeros after {@code header}: one gzip member
     * holding the header and a MiB of zeros, then the same MiB of zeros as further members (gzip
     * readers, Java's included, read concatenated members as one stream), so 4 GiB take 4 MB on
     * disk and no time to write.
     */
    public static void gzipBomb(Path file, byte[] header, int mib) throws IOException {
        byte[] zeros = new byte[1 << 20];
        byte[] first = gzipped(IdxFiles.concat(header, zeros));
        byte[] more = gzipped(zeros);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(first);
            for (int i = 1; i < mib; i++) {
                out.write(more);
            }
        }
    }

    private static byte[] gzipped(byte[] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(contents);
        }
        return bytes.toByteArray();
    }

    /** A file of {@code size} bytes that starts with {@code header} and takes no disk space (a hole). */
    static void sparse(Path file, byte[] header, long size) throws IOException {
        Files.deleteIfExists(file);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(header);
            out.setLength(size);
        }
    }
}
