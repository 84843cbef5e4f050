package org.convlab.dataset;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data set the app and the commands work with: loaded once, on first use, from a configurable
 * folder. A folder that cannot be loaded does not stop anything else: callers ask {@link #problem()}
 * and show its one-line message; the next call tries again, so fixing the files needs no restart.
 */
public final class DatasetService {

    /** System property or (as CONVLAB_DATA_DIR) environment variable naming the data folder. */
    public static final String FOLDER_PROPERTY = "convlab.data-dir";
    public static final String DEFAULT_FOLDER = "data/fashion-mnist";

    private final Path folder;
    private Dataset dataset;
    private final Map<Split, DatasetStatistics> statistics = new EnumMap<>(Split.class);

    public DatasetService(Path folder) {
        this.folder = folder;
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
        if (dataset == null) {
            dataset = DatasetLoader.load(folder);
        }
        return dataset;
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
}
