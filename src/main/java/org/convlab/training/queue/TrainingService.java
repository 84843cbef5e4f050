package org.convlab.training.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetService;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.convlab.training.engine.EpochCheckpoints;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.LoadedModels;
import org.convlab.training.engine.RunPlan;
import org.convlab.training.engine.RunProblems;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.TrainingRun;
import org.convlab.training.engine.TrainingWorker;
import org.convlab.training.engine.RunState;
import java.util.concurrent.CompletableFuture;
import org.convlab.model.InvalidModelException;
/**
 * This process's training: runs handed to it (by the queue's worker, RunJobExecutor) train one at a
 * time on the single training thread (DJL allows one gradient collector per process), can be
 * watched live, and are saved as run folders under one directory. Who owns a run, and the order
 * runs are served in, is the queue's business (RunQueue).
 */
public final class TrainingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TrainingWorker worker = new TrainingWorker();
    private final Path runsDir;
    private final ModelLimits limits;
    private final DatasetLibrary datasets;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final LoadedModels loaded = new LoadedModels(3);

    public TrainingService(Path runsDir, ModelLimits limits, DatasetLibrary datasets) {
        this.runsDir = runsDir;
        this.limits = limits;
        this.datasets = datasets;
    }

    /** Training on the default data set only. */
    public TrainingService(Path runsDir, ModelLimits limits, DatasetService datasets) {
        this(runsDir, limits, DatasetLibrary.of(datasets));
    }

    /** The data sets runs train on. */
    public DatasetLibrary datasets() {
        return datasets;
    }

    public ModelLimits limits() {
        return limits;
    }

    public Path runsDir() {
        return runsDir;
    }

    /**
     * Queues a run. An impossible model or setting is refused here, before anything is queued,
     * with the validator's message ({@link InvalidModelException}).
     */
    public LiveRun submit(ModelSpec spec, Hyperparameters hp) {
        ValidatedModel model = RunPlan.check(spec, hp, limits).model();
        return start(newRunId(model.spec()), model, hp, EpochCheckpoints.NONE, Instant.now());
    }

    /** A fresh run id: the model's name, the time and a counter, safe as a folder name. */
    public String newRunId(ModelSpec spec) {
        return RunStore.folderName(spec.name()) + "-" + STAMP.format(Instant.now()) + "-"
                + sequence.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /**
     * Queues an already validated run on this process's worker under a given id, checkpointing
     * every epoch (and resuming from the last checkpoint if there is one). The run is saved to
     * {@code runsDir/id}.
     */
    public LiveRun start(String id, ValidatedModel model, Hyperparameters hp, EpochCheckpoints checkpoints,
            Instant submitted) {
        return start(id, model, hp, checkpoints, submitted, null);
    }

    /**
     * Starts a turn of a run. A run this process paused before goes on in the same live view (pages
     * watching it keep following); otherwise a new one starts from {@code stored}, the progress the
     * database holds (its curves so far), when there is one.
     */
    public LiveRun start(String id, ValidatedModel model, Hyperparameters hp, EpochCheckpoints checkpoints,
            Instant submitted, LiveRun.Snapshot stored) {
        LiveRun run = live.compute(id, (key, existing) -> {
            if (existing != null && !existing.finished()) {
                return existing;
            }
            LiveRun created = new LiveRun(id, model, hp, submitted);
            if (stored != null) {
                created.resumeFrom(stored);
            }
            return created;
        });
        run.beginTurn();
        TrainingWorker.Job<TrainingRun.Outcome> job = worker.submit(control -> {
            Dataset dataset = datasets.dataset(hp.dataset());
            ImageSet train = FashionMnistArrays.of(dataset.train(), dataset.classNames());
            ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
            return TrainingRun.execute(model, hp, train, test, runsDir.resolve(id), limits, run, control, checkpoints);
        });
        run.onCancel(job::cancel);
        run.onPause(job::requestPause);
        job.result().whenComplete((outcome, error) -> {
            if (error == null) {
                run.done(outcome);
            } else if (job.state() == RunState.CANCELLED) {
                run.cancelled();
            } else if (job.state() == RunState.QUEUED) {
                run.paused();
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.warn("Run {} failed", id, cause);
                run.failed(RunProblems.text(cause), cause);
            }
        });
        return run;
    }

    /** Runs submitted since the app started, newest first. */
    public List<LiveRun> liveRuns() {
        return live.values().stream().sorted(Comparator.comparing(LiveRun::submitted).reversed()).toList();
    }

    /** Drops a finished run from this process's live runs; its stored state speaks for it from then on. */
    public void forget(String id) {
        live.computeIfPresent(id, (key, run) -> run.finished() ? null : run);
    }

    public Optional<LiveRun> liveRun(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /** The saved runs (folders with a run.json), newest first; unreadable folders are skipped. */
    public List<SavedRun> savedRuns() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<SavedRun> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            // Hidden folders are a save or an upload under way (RunStore, RunImport), never a run yet.
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .toList()) {
                try {
                    runs.add(new SavedRun(dir.getFileName().toString(), dir, RunStore.readRecord(dir)));
                } catch (RuntimeException e) {
                    log.debug("Skipping {}: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list runs in {}: {}", runsDir, e.getMessage());
        }
        runs.sort(Comparator.comparing((SavedRun r) -> r.record().createdAt()).reversed());
        return runs;
    }

    /** A finished run's folder and record; {@code uploaded} when it came back as a zip (RunUploads), not trained here. */
    public record SavedRun(String id, Path dir, RunRecord record, boolean uploaded) {
        public SavedRun(String id, Path dir, RunRecord record) {
            this(id, dir, record, false);
        }
    }

    /** Work that must not overlap training (introspection): runs at the worker's next safe point. */
    public TrainingWorker worker() {
        return worker;
    }

    /**
     * Classifies one 28×28 image (values 0–1) with a saved run's model. Runs on the training
     * worker between batches, so it never disturbs a run in progress.
     */
    public CompletableFuture<TrainedModel.Prediction> predict(Path runDir, float[] image) {
        return worker.introspect(() -> loaded.get(runDir).predict(image));
    }

    @Override
    public void close() {
        worker.close();
        loaded.close();
    }
}
