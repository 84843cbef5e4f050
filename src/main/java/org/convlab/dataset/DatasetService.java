package org.convlab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data set the app and the commands work with: loaded once, on first use, from a configurable
 * folder. A folder that cannot be loaded does not stop anything else: callers ask {@link #problem()}
 * and show its one-line message (the file's name, never the server's path; the log gets the path).
 *
 * <p>A failure is remembered with a fingerprint of the folder (each entry's name, size and time of
 * change): while the folder stays as it was, every visit gets the same answer without reading the
 * files again, so a broken or hostile file costs one read, not one per page view; once the files
 * change, the next call tries again, so fixing them needs no restart.
 */
public final class DatasetService {

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);

    /** System property or (as CONVLAB_DATA_DIR) environment variable naming the data folder. */
    public static final String FOLDER_PROPERTY = "convlab.data-dir";
    public static final String DEFAULT_FOLDER = "data/fashion-mnist";
    /** A data folder holds five files; more than this many entries are not looked at for the fingerprint. */
    private static final int FINGERPRINT_ENTRIES = 200;

    private final Path folder;
    private final IdxLimits limits;
    private Dataset dataset;
    private DatasetException failure;
    private List<String> failedFingerprint;
    private final Map<Split, DatasetStatistics> statistics = new EnumMap<>(Split.class);

    public DatasetService(Path folder) {
        this(folder, null);
    }

    /** {@code limits} null: {@link IdxLimits#configured()} at each load. */
    public DatasetService(Path folder, IdxLimits limits) {
        this.folder = folder;
        this.limits = limits;
    }

    /** The folder named by the system property, else the environment, else data/fashion-mnist. */
    public static Path defaultFolder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CONVLAB_DATA_DIR");
        }
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_FOLDER : configured);
    }

    public Path folder() {
        return folder;
    }

    /** The loaded data set; throws {@link DatasetException} with a readable message if it cannot be. */
    public synchronized Dataset dataset() {
        if (dataset != null) {
            return dataset;
        }
        List<String> fingerprint = fingerprint();
        if (failure != null && fingerprint.equals(failedFingerprint)) {
            throw failure;
        }
        try {
            dataset = DatasetLoader.load(folder, limits != null ? limits : IdxLimits.configured());
            failure = null;
            failedFingerprint = null;
            return dataset;
        } catch (DatasetException e) {
            failure = e;
            failedFingerprint = fingerprint;
            log.warn("Data set not available: {}", e.detail());
            throw e;
        }
    }

    /** Why the data set cannot be used, if it cannot. */
    public Optional<String> problem() {
        try {
            dataset();
            return Optional.empty();
        } catch (DatasetException e) {
            return Optional.of(e.getMessage());
        }
    }

    public synchronized DatasetStatistics statistics(Split split) {
        Dataset loaded = dataset();
        return statistics.computeIfAbsent(split,
                s -> DatasetStatistics.compute(s, loaded.split(s), loaded.classNames()));
    }

    /** What changes when someone fixes, adds, removes or replaces a file in the folder. */
    private List<String> fingerprint() {
        List<String> entries = new ArrayList<>();
        entries.add(describe(folder));
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (entries.size() > FINGERPRINT_ENTRIES) {
                    break;
                }
                entries.add(child.getFileName() + " " + describe(child));
            }
        } catch (IOException | RuntimeException e) {
            entries.add("unlistable " + e.getClass().getSimpleName());
        }
        entries.sort(null);
        return entries;
    }

    private static String describe(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime() + " "
                    + attributes.fileKey() + " " + attributes.isDirectory();
        } catch (IOException e) {
            return "absent";
        }
    }
}
