package org.convlab.dataset;

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
            throw new ImportRefused("there are no images in it; put each class's PNG or JPEG images in a folder "
                    + "named after the class");
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
                throw new ImportRefused("\"" + ImageSource.shown(e.path()) + "\" is not in a class folder: put each "
                        + "class's images in a folder named after the class" + (split ? ", inside train/ and test/" : ""));
            }
            if (parts.length > depth) {
                throw new ImportRefused("\"" + ImageSource.shown(e.path()) + "\" is nested too deep: images go "
                        + (split ? "in train/<class>/ and test/<class>/" : "directly in one folder per class"));
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
            throw new ImportRefused(String.format(Locale.ROOT, "it holds %,d files; ConvLab imports at most %,d images",
                    files.size(), limits.maxFiles()));
        }
        long total = 0;
        long packed = 0;
        for (Entry e : files) {
            String lower = e.path().toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
                throw new ImportRefused("\"" + ImageSource.shown(e.path()) + "\" is not a PNG or JPEG image; "
                        + "a data set holds only images (remove it and try again)");
            }
            if (!source.readable(e)) {
                throw new ImportRefused("\"" + ImageSource.shown(e.path()) + "\" is encrypted or packed in a way "
                        + "ConvLab does not read; zip the folder again without a password");
            }
            if (e.size() > limits.maxFileBytes()) {
                throw new ImportRefused(String.format(Locale.ROOT, "\"%s\" is %s; images of at most %s are imported",
                        ImageSource.shown(e.path()), megabytes(e.size()), megabytes(limits.maxFileBytes())));
            }
            if (e.packed() >= 0 && e.size() > 64 * 1024 && e.size() > e.packed() * limits.maxExpansionRatio()) {
                throw new ImportRefused("\"" + ImageSource.shown(e.path()) + "\" unpacks to over "
                        + (long) limits.maxExpansionRatio() + " times its packed size, which no image does: "
                        + "the zip is refused as a zip bomb");
            }
            total += Math.max(0, e.size());
            packed += Math.max(0, e.packed());
        }
        if (total > limits.maxTotalBytes()) {
            throw new ImportRefused("the images unpack to " + megabytes(total) + "; ConvLab imports at most "
                    + megabytes(limits.maxTotalBytes()));
        }
        if (packed > 0 && total > 64 * 1024 && total > packed * limits.maxExpansionRatio()) {
            throw new ImportRefused("the zip unpacks to over " + (long) limits.maxExpansionRatio()
                    + " times its packed size, which no set of images does: the zip is refused as a zip bomb");
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
            throw new ImportRefused("it has a " + (train ? "train/" : "test/") + " folder but no "
                    + (train ? "test/" : "train/") + " folder: give both, or just one folder per class");
        }
        if (firsts.size() > 2) {
            firsts.removeAll(Set.of("train", "test"));
            throw new ImportRefused("next to train/ and test/ it holds \"" + ImageSource.shown(firsts.iterator().next())
                    + "\": put every class folder inside train/ and test/");
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
                    throw new ImportRefused("the class folders \"" + ImageSource.shown(other) + "\" and \""
                            + ImageSource.shown(name) + "\" differ only in capitals; merge them or rename one");
                }
                if (name.isBlank()) {
                    throw new ImportRefused("a class folder's name is blank; name each folder after its class");
                }
                if (name.length() > MAX_CLASS_NAME) {
                    throw new ImportRefused("the class folder \"" + ImageSource.shown(name) + "\" has a name of "
                            + name.length() + " characters; at most " + MAX_CLASS_NAME);
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
                String which = !onlyTrain.isEmpty() ? "train/ has \"" + ImageSource.shown(onlyTrain.iterator().next())
                        + "\", test/ does not" : "test/ has \"" + ImageSource.shown(onlyTest.iterator().next())
                        + "\", train/ does not";
                throw new ImportRefused("train/ and test/ have different classes (" + which
                        + "): both need the same class folders");
            }
        }
        List<String> names = new ArrayList<>(bySplit.values().iterator().next().keySet());
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return names;
    }

    private static void checkCounts(Map<String, Map<String, List<Entry>>> bySplit, List<String> classes, Limits limits) {
        if (classes.size() < 2) {
            throw new ImportRefused("it has only one class (\"" + ImageSource.shown(classes.get(0)) + "\"); "
                    + "a classifier needs at least two class folders");
        }
        int max = Math.min(limits.maxClasses(), MAX_CLASSES);
        if (classes.size() > max) {
            throw new ImportRefused("it has " + classes.size() + " classes; ConvLab imports at most " + max);
        }
        for (String c : classes) {
            int count = 0;
            for (Map.Entry<String, Map<String, List<Entry>>> split : bySplit.entrySet()) {
                int n = split.getValue().get(c).size();
                if (n == 0) {
                    throw new ImportRefused("the class \"" + ImageSource.shown(c) + "\" has no images"
                            + (split.getKey().equals("all") ? "" : " in " + split.getKey() + "/")
                            + "; add some or remove the folder");
                }
                count += n;
            }
            if (count < limits.minPerClass()) {
                throw new ImportRefused("the class \"" + ImageSource.shown(c) + "\" has " + count + " image"
                        + (count == 1 ? "" : "s") + "; each class needs at least " + limits.minPerClass());
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
            throw new ImportRefused("every class has a single image, so none can be set aside for testing; "
                    + "add images or give train/ and test/ folders");
        }
        return new ImageFolderPlan(classes, shuffled(train, random), shuffled(test, random), false);
    }

    /** Interleaves the classes (the file order would otherwise be class after class). */
    private static List<Item> shuffled(List<Item> items, Random random) {
        java.util.Collections.shuffle(items, random);
        return List.copyOf(items);
    }

    static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : bytes >= 1024 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }
}
