package org.convlab.dataset;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convlab.dataset.ImageFolderPlan.Item;
import org.convlab.dataset.ImageImport.RejectedImage;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a learner's own image data set in the convention of PyTorch's {@code ImageFolder} and
 * Keras' {@code image_dataset_from_directory}: a zip (or a folder) with one folder of PNG or JPEG
 * images per class, optionally already split as {@code train/<class>/…} and {@code test/<class>/…}.
 * The result is a ConvLab data set folder ({@code dataset.json} and four gzipped IDX files) that
 * {@link DatasetLoader#load} reads.
 *
 * <p>Everything in the input is hostile until proven otherwise: names, layout, counts and sizes are
 * checked from the listing before any image is read (pass 1, {@link ImageFolderPlan}), and the
 * sizes again while reading, since a zip's headers may lie. Every refusal is one
 * {@link ImportRefused} line in the learner's words, never with a server path.
 *
 * <p>Nothing is stored unless everything succeeds: the files are written into a hidden
 * {@code .importing-<random>} folder beside the target, which is renamed to the target at the end;
 * on a refusal, a failure or a cancel only that folder, which this import created, is deleted. An
 * existing target is never touched.
 *
 * <p><b>Memory is bounded, whatever the number of images:</b> pass 2 decodes one image at a time
 * and appends its prepared pixels to a raw file per split, and the IDX files are then streamed from
 * those raw files. What stays in memory is the listing (one small record per entry, at most
 * {@code 2 × maxFiles + 1000} entries), one label byte per image, and the one image in hand: its
 * file bytes (at most {@code maxFileBytes}) and its decoded pixels (at most {@code maxSide²} pixels;
 * about 12 bytes each on the grayscale path, which works in doubles).
 */
public final class ImageFolderImport {

    /** What the learner chose: the data set's name, the image size (28 or 32), colour or grayscale. */
    public record Options(String name, int size, boolean colour, long seed, double testShare) {
        public static final double DEFAULT_TEST_SHARE = 0.2;
        public static final long DEFAULT_SEED = 42;

        public Options(String name, int size, boolean colour) {
            this(name, size, colour, DEFAULT_SEED, DEFAULT_TEST_SHARE);
        }
    }

    /** Hard caps on what an import may be; the server may configure its own. */
    public record Limits(int maxFiles, long maxTotalBytes, long maxFileBytes, int maxClasses, int minPerClass,
            double maxExpansionRatio, int maxSide) {
        /**
         * 20,000 images (a third of Fashion-MNIST's training set: more than a learner photographs or
         * a class shares, small enough to import in seconds), 200 MB unpacked, 5 MB per image (a
         * phone photo), 100 classes, ratio 100 (PNG and JPEG barely compress further; a bomb
         * expands thousands of times), 4096 pixels a side (as Try it).
         */
        public static final Limits DEFAULT = new Limits(20_000, 200L << 20, ImageImport.MAX_BYTES, 100, 1, 100,
                ImageImport.MAX_SIDE);

        public Limits {
            if (maxFiles < 1 || maxTotalBytes < 1 || maxFileBytes < 1 || maxClasses < 2 || minPerClass < 1
                    || !(maxExpansionRatio >= 1) || maxSide < ImageImport.MIN_SIDE) {
                throw new IllegalArgumentException("import limits must be positive (at least 2 classes, ratio ≥ 1, side ≥ "
                        + ImageImport.MIN_SIDE + ")");
            }
        }
    }

    /** Told after each image; asked before each whether to stop. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(int done, int total) {}

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void update(int done, int total);

        boolean cancelled();
    }

    /** What was imported: per class (in {@code classes}' order), how many training and test images. */
    public record Result(String name, List<String> classes, int channels, int size, List<Integer> trainPerClass,
            List<Integer> testPerClass, boolean splitGiven, List<Text> noteTexts) {
        /** The notes in English, for the command line's output and its JSON. */
        public List<String> notes() {
            return noteTexts.stream().map(Text::toString).toList();
        }

        public int trainCount() {
            return trainPerClass.stream().mapToInt(Integer::intValue).sum();
        }

        public int testCount() {
            return testPerClass.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * An import refused: one line in the learner's words, with no server path, in the reader's
     * language ({@link #getMessage()} is English).
     */
    public static final class ImportRefused extends TextException {
        public ImportRefused(Text text) {
            super(text);
        }

        /** A line that is not in a bundle yet: it reads the same, English, in every language. */
        public ImportRefused(String message) {
            super(Text.of("dataset.refused.as-given", message));
        }
    }

    /** The import was cancelled through {@link Progress#cancelled()}; nothing was stored. */
    public static final class ImportCancelled extends TextException {
        public ImportCancelled() {
            super(Text.of("dataset.refused.cancelled"));
        }
    }

    static final int MAX_NAME = DatasetMetadata.MAX_TEXT;
    private static final int BUFFER = 1 << 16;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImageFolderImport() {}

    /**
     * Imports a zip into the new data set folder {@code target}. {@link ImportRefused} for anything
     * wrong with the zip or the options, {@link ImportCancelled} when cancelled, {@link IOException}
     * only for the server's own disk.
     */
    public static Result fromZip(Path zip, Path target, Options options, Limits limits, Progress progress)
            throws IOException {
        checkOptions(options);
        checkTarget(target);
        try (ImageSource source = new ImageSource.Zip(zip, limits)) {
            return run(source, target, options, limits, progress);
        }
    }

    /** Imports a folder (the CLI's form) into {@code target}; links inside it are refused, never followed. */
    public static Result fromFolder(Path dir, Path target, Options options, Limits limits, Progress progress)
            throws IOException {
        checkOptions(options);
        checkTarget(target);
        try (ImageSource source = new ImageSource.Folder(dir, limits)) {
            return run(source, target, options, limits, progress);
        }
    }

    private static void checkOptions(Options options) {
        String name = options.name();
        if (name == null || name.isBlank()) {
            throw new ImportRefused(Text.of("dataset.refused.no-name"));
        }
        if (name.strip().length() > MAX_NAME) {
            throw new ImportRefused(Text.of("dataset.refused.name-too-long", String.valueOf(name.strip().length()), MAX_NAME));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ImportRefused(Text.of("dataset.refused.name-control"));
        }
        if (!DatasetLoader.IMAGE_SIZES.contains(options.size())) {
            throw new ImportRefused(Text.of("dataset.refused.size", String.valueOf(options.size())));
        }
        if (!(options.testShare() > 0 && options.testShare() < 1)) {
            throw new ImportRefused(Text.of("dataset.refused.test-share", String.valueOf(options.testShare())));
        }
    }

    private static void checkTarget(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportRefused(Text.of("dataset.refused.exists"));
        }
    }

    private static Result run(ImageSource source, Path target, Options options, Limits limits, Progress progress)
            throws IOException {
        ImageFolderPlan plan = ImageFolderPlan.of(source, options, limits);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve(".importing-" + UUID.randomUUID().toString().substring(0, 12));
        Files.createDirectory(temp);  // fails rather than reuse anything that exists
        boolean moved = false;
        try {
            Result result = write(source, plan, temp, options, limits, progress);
            if (progress.cancelled()) {
                throw new ImportCancelled();
            }
            checkTarget(target);
            move(temp, target);
            moved = true;
            return result;
        } finally {
            if (!moved) {
                deleteOwn(temp);
            }
        }
    }

    /** Pass 2 and the files: everything goes into {@code temp}. */
    private static Result write(ImageSource source, ImageFolderPlan plan, Path temp, Options options, Limits limits,
            Progress progress) throws IOException {
        int size = options.size();
        int channels = options.colour() ? 3 : 1;
        Converted counts = new Converted();
        int total = plan.train().size() + plan.test().size();
        long[] budget = {limits.maxTotalBytes()};
        Path trainRaw = temp.resolve("train.raw");
        Path testRaw = temp.resolve("test.raw");
        byte[] trainLabels = convert(source, plan.train(), trainRaw, options, limits, progress, counts, 0, total, budget);
        byte[] testLabels = convert(source, plan.test(), testRaw, options, limits, progress, counts,
                plan.train().size(), total, budget);
        if (progress.cancelled()) {
            throw new ImportCancelled();
        }
        boolean colour = options.colour();
        String idx = colour ? "idx4" : "idx3";
        DatasetMetadata.Files4 files = new DatasetMetadata.Files4("train-images-" + idx + "-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-" + idx + "-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(files.trainImages(), images(temp.resolve(files.trainImages()), trainRaw, trainLabels.length, channels, size));
        sums.put(files.trainLabels(), IdxWriter.write(temp.resolve(files.trainLabels()), trainLabels));
        sums.put(files.testImages(), images(temp.resolve(files.testImages()), testRaw, testLabels.length, channels, size));
        sums.put(files.testLabels(), IdxWriter.write(temp.resolve(files.testLabels()), testLabels));
        Files.delete(trainRaw);
        Files.delete(testRaw);
        String name = options.name().strip();
        writeMetadata(temp, name, plan.classes(), files, sums);
        return new Result(name, plan.classes(), channels, size,
                perClass(trainLabels, plan.classes().size()), perClass(testLabels, plan.classes().size()),
                plan.splitGiven(), counts.notes(colour));
    }

    /** How many images needed a colour conversion, for the notes. */
    private static final class Converted {
        int grayAsColour;
        int colourAsGray;

        List<Text> notes(boolean colour) {
            List<Text> notes = new ArrayList<>();
            if (colour && grayAsColour > 0) {
                notes.add(Text.count("dataset.import.note.gray-as-colour", grayAsColour));
            }
            if (!colour && colourAsGray > 0) {
                notes.add(Text.count("dataset.import.note.colour-as-gray", colourAsGray));
            }
            return notes;
        }
    }

    /** Pass 2 for one split: decode, prepare and append each image; returns the labels in the same order. */
    private static byte[] convert(ImageSource source, List<Item> items, Path raw, Options options, Limits limits,
            Progress progress, Converted counts, int doneBefore, int total, long[] budget) throws IOException {
        byte[] labels = new byte[items.size()];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), BUFFER)) {
            for (int i = 0; i < items.size(); i++) {
                if (progress.cancelled()) {
                    throw new ImportCancelled();
                }
                Item item = items.get(i);
                BufferedImage image = decode(source, item, limits, budget);
                if (ImageImport.storedAsGray(image)) {
                    counts.grayAsColour++;
                } else {
                    counts.colourAsGray++;
                }
                byte[] prepared;
                try {
                    // A picture already the set's size is an image of a data set: kept exactly as it is.
                    boolean ready = image.getWidth() == options.size() && image.getHeight() == options.size();
                    prepared = ready ? ImageImport.asItIs(image, options.colour())
                            : ImageImport.prepare(image, options.size(), options.colour());
                } catch (OutOfMemoryError e) {
                    throw new ImportRefused(Text.of("dataset.refused.out-of-memory", ImageSource.shown(item.entry().path())));
                }
                out.write(prepared);
                labels[i] = (byte) item.label();
                progress.update(doneBefore + i + 1, total);
            }
        }
        return labels;
    }

    private static BufferedImage decode(ImageSource source, Item item, Limits limits, long[] budget) {
        String shown = ImageSource.shown(item.entry().path());
        byte[] bytes = readBounded(source, item, limits, budget);
        try {
            if (bytes.length == 0) {
                throw new RejectedImage(Text.of("dataset.image.empty-file"));
            }
            return ImageImport.decode(bytes, limits.maxSide());
        } catch (RejectedImage e) {
            throw new ImportRefused(Text.of("dataset.refused.not-an-image", shown, e.reason()));
        } catch (OutOfMemoryError e) {
            throw new ImportRefused(Text.of("dataset.refused.out-of-memory", shown));
        }
    }

    /** The entry's bytes, counting what is actually inflated: a header that lies is caught here. */
    private static byte[] readBounded(ImageSource source, Item item, Limits limits, long[] budget) {
        String shown = ImageSource.shown(item.entry().path());
        try (InputStream in = source.open(item.entry())) {
            byte[] bytes = in.readNBytes((int) Math.min(limits.maxFileBytes() + 1, Integer.MAX_VALUE - 16));
            budget[0] -= bytes.length;
            if (bytes.length > limits.maxFileBytes() || budget[0] < 0) {
                throw new ImportRefused(Text.of("dataset.refused.header-lies", shown));
            }
            if (item.entry().size() >= 0 && bytes.length != item.entry().size()) {
                throw new ImportRefused(Text.of("dataset.refused.size-mismatch", shown));
            }
            return bytes;
        } catch (ImportRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportRefused(Text.of("dataset.refused.entry-damaged", shown));
        }
    }

    private static String images(Path file, Path raw, int count, int channels, int size) throws IOException {
        int[] dims = channels == 1 ? new int[] {count, size, size} : new int[] {count, channels, size, size};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), BUFFER)) {
            return IdxWriter.write(file, dims, in);
        }
    }

    private static List<Integer> perClass(byte[] labels, int classes) {
        Integer[] counts = new Integer[classes];
        java.util.Arrays.fill(counts, 0);
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return List.of(counts);
    }

    private static void writeMetadata(Path dir, String name, List<String> classes, DatasetMetadata.Files4 files,
            Map<String, String> sums) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("classes", classes);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("trainImages", files.trainImages());
        names.put("trainLabels", files.trainLabels());
        names.put("testImages", files.testImages());
        names.put("testLabels", files.testLabels());
        json.put("files", names);
        json.put("sha256", sums);
        Files.writeString(dir.resolve(DatasetMetadata.FILE_NAME),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another import took the name between the check and the move: theirs stays, ours is deleted.
            throw new ImportRefused(Text.of("dataset.refused.exists"));
        }
    }

    /**
     * Deletes the temporary folder this import created, and only what is in it: links are removed,
     * never followed (there are none: only this class writes there).
     */
    static void deleteOwn(Path temp) {
        if (!Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS)
                || !temp.getFileName().toString().startsWith(".importing-")) {
            return;
        }
        try {
            Files.walkFileTree(temp, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover hidden folder is harmless and never read as a data set
        }
    }
}
