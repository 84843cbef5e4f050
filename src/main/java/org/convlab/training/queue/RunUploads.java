package org.convlab.training.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.model.ModelSpec;
import org.convlab.training.engine.RunImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs coming back: a zip a run's Download gave (here or on another ConvLab) becomes a finished run
 * of whoever uploads it, with its spec, settings, history and metrics, ready to open, explain, try
 * and compare. The zip itself is checked by {@link RunImport}; here it gets its owner and its row,
 * and each learner may keep at most {@link #MAX_UPLOADS_PER_LEARNER} uploads, so nobody fills the disk.
 */
public class RunUploads {

    public static final int MAX_UPLOADS_PER_LEARNER = 20;

    private static final Logger log = LoggerFactory.getLogger(RunUploads.class);

    private final RunJobRepository runs;
    private final RunJobStore store;
    private final TrainingService training;
    private final RunImport.Limits caps;
    private final DatasetAccess access;
    /** One upload at a time per learner, so two quick uploads cannot both squeeze under the cap. */
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    public RunUploads(RunJobRepository runs, RunJobStore store, TrainingService training) {
        this(runs, store, training, RunImport.Limits.DEFAULT, DatasetAccess.BUILT_IN_ONLY);
    }

    /** @param access who may use which data set: a run trained on a set the uploader cannot use is refused */
    public RunUploads(RunJobRepository runs, RunJobStore store, TrainingService training, DatasetAccess access) {
        this(runs, store, training, RunImport.Limits.DEFAULT, access);
    }

    RunUploads(RunJobRepository runs, RunJobStore store, TrainingService training, RunImport.Limits caps) {
        this(runs, store, training, caps, DatasetAccess.BUILT_IN_ONLY);
    }

    RunUploads(RunJobRepository runs, RunJobStore store, TrainingService training, RunImport.Limits caps,
            DatasetAccess access) {
        this.access = access;
        this.runs = runs;
        this.store = store;
        this.training = training;
        this.caps = caps;
    }

    public RunImport.Limits caps() {
        return caps;
    }

    /**
     * The data set an uploaded run trained on, as the uploader may use it here: its shape and classes
     * (from the loaded set) are what the run must fit. Someone else's set and a missing one are
     * refused alike.
     */
    private RunImport.Dataset datasetFor(long ownerId, String key) {
        boolean standard = key == null || DatasetLibrary.DEFAULT_KEY.equals(key);
        if (!access.mayUse(ownerId, key)) {
            throw RunImport.notHere("\"" + key + "\"");
        }
        try {
            Dataset data = training.datasets().dataset(key);
            return new RunImport.Dataset(data.train().channels(), data.train().rows(), data.train().cols(),
                    data.classNames(), data.name());
        } catch (DatasetException e) {
            if (standard) {
                return RunImport.Dataset.FASHION_MNIST;   // its shape and classes are known without its files
            }
            log.warn("The data set {} of an uploaded run could not be loaded: {}", key, e.getMessage());
            throw RunImport.notHere("\"" + key + "\" cannot be loaded just now");
        }
    }

    /**
     * Stores the run in {@code zip} as {@code ownerId}'s. Throws {@link RunImport.RefusedException}
     * (one line for the learner) when it is not a ConvLab run that fits this server, or the learner
     * keeps too many uploads already; nothing is stored then.
     */
    public RunJob upload(long ownerId, InputStream zip) {
        synchronized (locks.computeIfAbsent(ownerId, k -> new Object())) {
            if (runs.countByOwnerIdAndGridKind(ownerId, RunJob.UPLOAD_KIND) >= MAX_UPLOADS_PER_LEARNER) {
                throw new RunImport.RefusedException(org.convlab.i18n.Text.of("training.import.too-many-uploads",
                        String.valueOf(MAX_UPLOADS_PER_LEARNER)));
            }
            String id = training.newRunId(new ModelSpec("uploaded", List.of()));
            RunImport.Imported imported;
            try {
                imported = RunImport.read(zip, training.runsDir(), id, key -> datasetFor(ownerId, key),
                        training.limits(), caps);
            } catch (IOException e) {
                log.warn("Could not store an uploaded run in {}", training.runsDir(), e);
                throw new UncheckedIOException("the run could not be stored on the server (is the disk full?)", e);
            }
            try {
                return store.create(RunJob.uploaded(id, ownerId, imported.record(), imported.dir()));
            } catch (RuntimeException e) {
                RunImport.discard(imported);
                throw e;
            }
        }
    }
}
