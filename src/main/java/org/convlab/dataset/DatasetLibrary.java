package org.convlab.dataset;

import org.convlab.i18n.Text;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every data set this server can train on, by key: the default one (Fashion-MNIST, or whatever
 * {@code convlab.data-dir} names), the colour demo set shipped in the repository, and the data sets
 * learners and teachers imported or drew, each a folder under one root named by its key. Who may
 * use which key is the catalogue's business ({@code dataset.library}); this only finds and loads.
 *
 * <p>Each data set is loaded once and kept (a {@link DatasetService} per folder, with its failure
 * memory); imported ones are dropped least recently used beyond {@link #KEEP_LOADED}, so thirty
 * learners' own sets cannot fill the heap.
 */
public final class DatasetLibrary {

    /** The key of the server's default data set, which every run before data sets could be chosen used. */
    public static final String DEFAULT_KEY = "fashion-mnist";
    /** The colour demo set shipped in data/colour-shapes. */
    public static final String DEMO_KEY = "colour-shapes";
    /** Lower-case letters, digits and dashes: safe as a folder name on every system. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int KEEP_LOADED = 4;

    private final DatasetService defaultSet;
    private final DatasetService demoSet;
    private final Path importedRoot;
    private final Map<String, DatasetService> imported = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DatasetService> eldest) {
            return size() > KEEP_LOADED;
        }
    };

    /**
     * @param importedRoot the folder holding imported and drawn data sets, one folder per key; null
     *     when this process has none (a library of the built-in sets only)
     */
    public DatasetLibrary(DatasetService defaultSet, Path demoFolder, Path importedRoot) {
        this.defaultSet = defaultSet;
        this.demoSet = demoFolder == null ? null : new DatasetService(demoFolder);
        this.importedRoot = importedRoot;
    }

    /** A library of the default data set alone (tests, and code that predates choosing a data set). */
    public static DatasetLibrary of(DatasetService defaultSet) {
        return new DatasetLibrary(defaultSet, null, null);
    }

    /** The default set, the demo set in data/colour-shapes and imported sets under {@code datasets/}. */
    public static DatasetLibrary fromEnvironment() {
        return new DatasetLibrary(new DatasetService(DatasetService.defaultFolder()), Path.of("data", DEMO_KEY),
                Path.of(setting("convlab.datasets-dir", "CONVLAB_DATASETS_DIR", "datasets")));
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public DatasetService defaultSet() {
        return defaultSet;
    }

    /** The folder imported and drawn data sets live in, one folder per key; null when there is none. */
    public Path importedRoot() {
        return importedRoot;
    }

    /** True for the keys of the sets that ship with ConvLab (never imported, never deleted). */
    public static boolean builtIn(String key) {
        return key == null || DEFAULT_KEY.equals(key) || DEMO_KEY.equals(key);
    }

    /** The data set with this key (null: the default); throws {@link DatasetException} with one line if it cannot be used. */
    public Dataset dataset(String key) {
        return service(key).dataset();
    }

    /** The service behind a key, loading nothing yet. */
    public synchronized DatasetService service(String key) {
        if (key == null || DEFAULT_KEY.equals(key)) {
            return defaultSet;
        }
        if (DEMO_KEY.equals(key) && demoSet != null) {
            return demoSet;
        }
        if (!KEY.matcher(key).matches() || importedRoot == null) {
            throw new DatasetException(Text.of("dataset.file.no-such-set", shown(key)));
        }
        return imported.computeIfAbsent(key, k -> new DatasetService(importedRoot.resolve(k)));
    }

    /** Forgets a loaded set (after it was deleted or replaced), so its memory is freed. */
    public synchronized void forget(String key) {
        imported.remove(key);
    }

    /**
     * The readable start of a key for a data set called {@code name}: "Cats & Dogs!" → "cats-dogs"
     * (accents dropped, at most 40 characters, never empty). The app adds a random ending so two
     * sets of one name differ; the command line uses it as it is and refuses a key that exists.
     */
    public static String keyFor(String name) {
        String plain = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "data" : plain;
    }

    /**
     * A key (or other text) from a request as a message may quote it: cut to 40 characters, control
     * characters as "?", so a forged value can neither fill a page nor break its line.
     */
    public static String shown(String key) {
        String cut = key.length() > 40 ? key.substring(0, 40) + "…" : key;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
