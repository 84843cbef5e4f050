package org.convlab.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convlab.dataset.ImageFolderImport.ImportRefused;
import org.convlab.dataset.ImageFolderImport.Limits;
import org.convlab.dataset.ImageFolderImport.Options;
import org.convlab.dataset.ImageSource.Entry;
import org.convlab.i18n.Text;

/**
 * Pass 1 of an image folder import: from the listing alone (no image is read), which files are
 * images of which class and split, checked against the layout rules and the limits.
 *
 * <p>Layouts (after one common top folder, as zipping a folder gives, is looked through):
 * {@code <class>/<image>}, or {@code train/<class>/<image>} and {@code test/<class>/<image>}.
 * Hidden files and folders (a name starting with ".", {@code __MACOSX}, {@code Thumbs.db},
 * {@code desktop.ini}) are skipped: that is what Mac- and Windows-made zips hold.
 */
record ImageFolderPlan(List<String> classes, List<Item> train, List<Item> test, boolean splitGiven) {

    /** One image to import: its entry, its class's index in {@link #classes}. */
    record Item(Entry entry, int label) {}

    static final int MAX_CLASS_NAME = DatasetMetadata.MAX_TEXT;
    /** Labels are single bytes, and dataset.json allows at most this many classes. */
    static final int MAX_CLASSES = DatasetMetadata.MAX_CLASSES;

    static ImageFolderPlan of(ImageSource source, Options options, Limits limits) {
        List<Entry> files = new ArrayList<>();
        List<Entry> folders = new ArrayList<>();
        for (Entry e : source.entries()) {
            if (hidden(e.path())) {
                continue;
            }
            (e.folder() ? folders : files).add(e);
        }
        if (files.isEmpty()) {
            throw new ImportRefused(Text.of("dataset.refused.no-images"));
        }
        String top = commonTop(files);
        checkFiles(source, files, top, limits);
        boolean split = isSplit(files, top);
        Map<String, Map<String, List<Entry>>> bySplit = new TreeMap<>();
        for (Entry e : files) {
            String[] parts = inner(e.path(), top).split("/");
            int depth = split ? 3 : 2;
            String where = split ? parts[0].toLowerCase(Locale.ROOT) : "all";
            if (parts.length < depth) {
                throw new ImportRefused(Text.of(split ? "dataset.refused.not-in-class-folder-split"
                        : "dataset.refused.not-in-class-folder", ImageSource.shown(e.path())));
            }
            if (parts.length > depth) {
                throw new ImportRefused(Text.of(split ? "dataset.refused.nested-too-deep-split"
                        : "dataset.refused.nested-too-deep", ImageSource.shown(e.path())));
            }
            String className = parts[depth - 2];
            bySplit.computeIfAbsent(where, k -> new TreeMap<>()).computeIfAbsent(className, k -> new ArrayList<>()).add(e);
        }
        // Class folders with no images in them (listed as folders only) are a mistake worth a line.
        for (Entry f : folders) {
            String inner = inner(f.path(), top);
            if (inner == null || inner.isEmpty()) {
                continue;
            }
            String[] parts = inner.split("/");
            if (split && parts.length == 2 && (parts[0].equalsIgnoreCase("train") || parts[0].equalsIgnoreCase("test"))) {
                bySplit.computeIfAbsent(parts[0].toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                        .computeIfAbsent(parts[1], k -> new ArrayList<>());
            } else if (!split && parts.length == 1) {
                bySplit.computeIfAbsent("all", k -> new TreeMap<>()).computeIfAbsent(parts[0], k -> new ArrayList<>());
            }
        }
        List<String> classes = classes(bySplit, split);
        checkCounts(bySplit, classes, limits);
        return split ? given(bySplit, classes, options) : drawn(bySplit.get("all"), classes, options);
    }

    static boolean hidden(String path) {
        for (String part : path.split("/")) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (part.startsWith(".") || lower.equals("__macosx") || lower.equals("thumbs.db")
                    || lower.equals("desktop.ini")) {
                return true;
            }
        }
        return false;
    }

    /** "top/" when every file sits at least two folders deep inside one top folder that is not train/test. */
    private static String commonTop(List<Entry> files) {
        String first = null;
        for (Entry e : files) {
            String[] parts = e.path().split("/");
            if (parts.length < 3 || (first != null && !first.equals(parts[0]))) {
                return "";
            }
            first = parts[0];
        }
        String lower = first.toLowerCase(Locale.ROOT);
        return lower.equals("train") || lower.equals("test") ? "" : first + "/";
    }

    private static String inner(String path, String top) {
        if (top.isEmpty()) {
            return path;
        }
        return path.startsWith(top) ? path.substring(top.length()) : path.equals(top.substring(0, top.length() - 1))
                ? "" : null;
    }

    /** Only PNG and JPEG, readable, each and all within the limits declared (checked again while reading). */
    private static void checkFiles(ImageSource source, List<Entry> files, String top, Limits limits) {
        if (files.size() > limits.maxFiles()) {
            throw new ImportRefused(Text.of("dataset.refused.too-many-files", (long) files.size(), (long) limits.maxFiles()));
        }
        long total = 0;
        long packed = 0;
        for (Entry e : files) {
            String lower = e.path().toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
                throw new ImportRefused(Text.of("dataset.refused.not-png-or-jpeg", ImageSource.shown(e.path())));
            }
            if (!source.readable(e)) {
                throw new ImportRefused(Text.of("dataset.refused.encrypted", ImageSource.shown(e.path())));
            }
            if (e.size() > limits.maxFileBytes()) {
                throw new ImportRefused(Text.of("dataset.refused.file-too-large", ImageSource.shown(e.path()),
                        megabytes(e.size()), megabytes(limits.maxFileBytes())));
            }
            if (e.packed() >= 0 && e.size() > 64 * 1024 && e.size() > e.packed() * limits.maxExpansionRatio()) {
                throw new ImportRefused(Text.of("dataset.refused.file-bomb", ImageSource.shown(e.path()),
                        (long) limits.maxExpansionRatio()));
            }
            total += Math.max(0, e.size());
            packed += Math.max(0, e.packed());
        }
        if (total > limits.maxTotalBytes()) {
            throw new ImportRefused(Text.of("dataset.refused.total-too-large", megabytes(total),
                    megabytes(limits.maxTotalBytes())));
        }
        if (packed > 0 && total > 64 * 1024 && total > packed * limits.maxExpansionRatio()) {
            throw new ImportRefused(Text.of("dataset.refused.zip-bomb", (long) limits.maxExpansionRatio()));
        }
    }

    private static boolean isSplit(List<Entry> files, String top) {
        Set<String> firsts = new TreeSet<>();
        for (Entry e : files) {
            String first = inner(e.path(), top).split("/")[0];
            firsts.add(first.toLowerCase(Locale.ROOT));
        }
        boolean train = firsts.contains("train");
        boolean test = firsts.contains("test");
        if (!train && !test) {
            return false;
        }
        if (!(train && test)) {
            throw new ImportRefused(Text.of(train ? "dataset.refused.train-without-test" : "dataset.refused.test-without-train"));
        }
        if (firsts.size() > 2) {
            firsts.removeAll(Set.of("train", "test"));
            throw new ImportRefused(Text.of("dataset.refused.beside-split", ImageSource.shown(firsts.iterator().next())));
        }
        return true;
    }

    /** The class names, checked, in the order labels get: case-insensitive alphabetical. */
    private static List<String> classes(Map<String, Map<String, List<Entry>>> bySplit, boolean split) {
        for (Map<String, List<Entry>> classes : bySplit.values()) {
            Map<String, String> lower = new HashMap<>();
            for (String name : classes.keySet()) {
                String other = lower.put(name.toLowerCase(Locale.ROOT), name);
                if (other != null) {
                    throw new ImportRefused(Text.of("dataset.refused.capitals", ImageSource.shown(other),
                            ImageSource.shown(name)));
                }
                if (name.isBlank()) {
                    throw new ImportRefused(Text.of("dataset.refused.blank-class"));
                }
                if (name.length() > MAX_CLASS_NAME) {
                    throw new ImportRefused(Text.of("dataset.refused.class-name-too-long", ImageSource.shown(name),
                            String.valueOf(name.length()), MAX_CLASS_NAME));
                }
            }
        }
        if (split) {
            Set<String> train = bySplit.getOrDefault("train", Map.of()).keySet();
            Set<String> test = bySplit.getOrDefault("test", Map.of()).keySet();
            if (!train.equals(test)) {
                Set<String> onlyTrain = new TreeSet<>(train);
                onlyTrain.removeAll(test);
                Set<String> onlyTest = new TreeSet<>(test);
                onlyTest.removeAll(train);
                throw new ImportRefused(!onlyTrain.isEmpty()
                        ? Text.of("dataset.refused.only-in-train", ImageSource.shown(onlyTrain.iterator().next()))
                        : Text.of("dataset.refused.only-in-test", ImageSource.shown(onlyTest.iterator().next())));
            }
        }
        List<String> names = new ArrayList<>(bySplit.values().iterator().next().keySet());
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return names;
    }

    private static void checkCounts(Map<String, Map<String, List<Entry>>> bySplit, List<String> classes, Limits limits) {
        if (classes.size() < 2) {
            throw new ImportRefused(Text.of("dataset.refused.one-class", ImageSource.shown(classes.get(0))));
        }
        int max = Math.min(limits.maxClasses(), MAX_CLASSES);
        if (classes.size() > max) {
            throw new ImportRefused(Text.of("dataset.refused.too-many-classes", String.valueOf(classes.size()), max));
        }
        for (String c : classes) {
            int count = 0;
            for (Map.Entry<String, Map<String, List<Entry>>> split : bySplit.entrySet()) {
                int n = split.getValue().get(c).size();
                if (n == 0) {
                    throw new ImportRefused(split.getKey().equals("all")
                            ? Text.of("dataset.refused.empty-class", ImageSource.shown(c))
                            : Text.of("dataset.refused.empty-class-in", ImageSource.shown(c), split.getKey()));
                }
                count += n;
            }
            if (count < limits.minPerClass()) {
                throw new ImportRefused(Text.count("dataset.refused.too-few-images", count, ImageSource.shown(c),
                        limits.minPerClass()));
            }
        }
    }

    private static ImageFolderPlan given(Map<String, Map<String, List<Entry>>> bySplit, List<String> classes,
            Options options) {
        Random random = new Random(options.seed());
        return new ImageFolderPlan(classes, shuffled(items(bySplit.get("train"), classes), random),
                shuffled(items(bySplit.get("test"), classes), random), true);
    }

    private static List<Item> items(Map<String, List<Entry>> byClass, List<String> classes) {
        List<Item> items = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            for (Entry e : byClass.get(classes.get(label))) {
                items.add(new Item(e, label));
            }
        }
        return items;
    }

    /**
     * No split given: each class's images (in name order) are shuffled with the seed and its
     * testShare (rounded, at least one if the class has two or more) set aside for testing, so the
     * split is stratified and the same seed gives the same split.
     */
    private static ImageFolderPlan drawn(Map<String, List<Entry>> byClass, List<String> classes, Options options) {
        Random random = new Random(options.seed());
        List<Item> train = new ArrayList<>();
        List<Item> test = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            List<Entry> images = new ArrayList<>(byClass.get(classes.get(label)));
            java.util.Collections.shuffle(images, random);
            int n = images.size();
            int nTest = (int) Math.round(n * options.testShare());
            nTest = Math.max(n >= 2 ? 1 : 0, Math.min(nTest, n - 1));
            for (int i = 0; i < n; i++) {
                (i < nTest ? test : train).add(new Item(images.get(i), label));
            }
        }
        if (test.isEmpty()) {
            throw new ImportRefused(Text.of("dataset.refused.single-images"));
        }
        return new ImageFolderPlan(classes, shuffled(train, random), shuffled(test, random), false);
    }

    /** Interleaves the classes (the file order would otherwise be class after class). */
    private static List<Item> shuffled(List<Item> items, Random random) {
        java.util.Collections.shuffle(items, random);
        return List.copyOf(items);
    }

    /** "4.8 MB", "12 KB", "300 bytes", in the reader's language. */
    static Text megabytes(long bytes) {
        return bytes >= 1 << 20 ? Text.of("dataset.size.mb", BigDecimal.valueOf(bytes / 1048576.0).setScale(1, RoundingMode.HALF_UP))
                : bytes >= 1024 ? Text.of("dataset.size.kb", String.valueOf(bytes >> 10))
                : Text.of("dataset.size.bytes", String.valueOf(bytes));
    }
}
