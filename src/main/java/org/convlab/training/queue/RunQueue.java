package org.convlab.training.queue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.convlab.model.InvalidModelException;
import org.convlab.i18n.Text;
import org.convlab.training.engine.RunRefused;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunPlan;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.RunState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.nio.file.Path;
/**
 * The training queue as pages and the API see it: every run is a job stored in the database and
 * handed to a worker by db-scheduler (this process's own, or a {@code convlab.jar worker}
 * elsewhere). Who may see or change a run is decided by the classroom's access rules before these
 * methods are called; here runs are addressed by id and owner.
 */
public class RunQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

    private final RunJobRepository runs;
    private final RunJobStore store;
    private final SchedulerClient scheduler;
    private final TrainingService training;
    private final QueueSettings settings;
    private final RunTimes times;
    private final RunBudgets budgets;
    private final DatasetAccess datasets;
    /**
     * One lock per learner around counting their waiting runs and queueing new ones, so two quick
     * clicks cannot both squeeze under the limit (in this process; two web servers on one database
     * could each let one run past it).
     */
    private final Map<Long, Object> ownerLocks = new ConcurrentHashMap<>();
    private final Map<String, LiveRun> mirrors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convlab-run-mirror");
        t.setDaemon(true);
        return t;
    });

    public RunQueue(RunJobRepository runs, RunJobStore store, SchedulerClient scheduler, TrainingService training,
            QueueSettings settings, RunTimes times, RunBudgets budgets) {
        this(runs, store, scheduler, training, settings, times, budgets, DatasetAccess.BUILT_IN_ONLY);
    }

    public RunQueue(RunJobRepository runs, RunJobStore store, SchedulerClient scheduler, TrainingService training,
            QueueSettings settings, RunTimes times, RunBudgets budgets, DatasetAccess datasets) {
        this.datasets = datasets;
        this.runs = runs;
        this.store = store;
        this.scheduler = scheduler;
        this.training = training;
        this.settings = settings;
        this.times = times;
        this.budgets = budgets;
        poller.scheduleWithFixedDelay(this::refreshMirrors, 1, 1, TimeUnit.SECONDS);
    }

    public ModelLimits limits() {
        return training.limits();
    }

    /** The budget {@code ownerId}'s runs are held to (the Train page sizes its defaults to it). */
    public RunBudget budgetFor(long ownerId) {
        return budgets.budgetFor(ownerId);
    }

    /**
     * Queues a run for {@code ownerId}. An impossible model or setting is refused here, before
     * anything is stored, with the validator's message ({@link InvalidModelException}); so is a run
     * the learner's budget does not allow ({@link OverBudgetException}, saying what to change).
     */
    public RunJob submit(long ownerId, ModelSpec spec, Hyperparameters hp) {
        return submitChecked(ownerId, spec, hp, null, null);
    }

    /**
     * Queues a run a lesson trains for {@code ownerId} (lesson 9's live network): the same checks,
     * budget and turns as any run, but marked as the lesson's ({@link RunJob#LESSON_KIND}, with the
     * lesson's slug), so it stays out of the learner's own runs and grids (docs/decisions/020).
     */
    public RunJob submitForLesson(long ownerId, String lesson, ModelSpec spec, Hyperparameters hp) {
        return submitChecked(ownerId, spec, hp, RunJob.LESSON_KIND, lesson);
    }

    /** The one way a single run is queued: checked, within the budget, then stored. */
    private RunJob submitChecked(long ownerId, ModelSpec spec, Hyperparameters given, String kind, String lesson) {
        Hyperparameters hp = given;
        RunPlan plan = RunPlan.check(spec, hp, training.limits());
        hp = checkData(ownerId, plan.model(), hp, null);
        RunBudget budget = budgets.budgetFor(ownerId);
        if (!budget.allows(hp)) {
            throw OverBudgetException.tooLarge(hp, budget);
        }
        synchronized (lockOf(ownerId)) {
            long waiting = waiting(ownerId, budget);
            if (!budget.allowsWaiting(waiting, 1)) {
                throw OverBudgetException.tooManyWaiting(waiting);
            }
            return enqueue(ownerId, plan.model(), hp, null, kind, lesson);
        }
    }

    /**
     * The data set must be one the owner may use, loadable, and the shape the model takes; each
     * problem is one line, as the model's own problems are. Returns the settings with "all images"
     * made the data set's count when it has fewer than Fashion-MNIST's 60,000, so budgets and time
     * estimates (which read a missing limit as 60,000) count what will really train.
     */
    private Hyperparameters checkData(long ownerId, ValidatedModel model, Hyperparameters hp, String variant) {
        if (!datasets.mayUse(ownerId, hp.dataset())) {
            throw new RunRefused(ofVariant(variant, Text.of("training.queue.no-dataset", String.valueOf(hp.dataset()))));
        }
        org.convlab.dataset.Dataset data;
        try {
            data = training.datasets().dataset(hp.dataset());
        } catch (org.convlab.dataset.DatasetException e) {
            Throwable cause = e;
            Object why = cause instanceof org.convlab.i18n.TextException words ? words.text() : e.getMessage();
            throw new RunRefused(ofVariant(variant, Text.of("training.queue.dataset-unusable", why)));
        }
        List<Text> misfits = RunPlan.misfitTexts(model, data);
        if (!misfits.isEmpty()) {
            throw new RunRefused(misfits.stream().map(m -> ofVariant(variant, m)).toList());
        }
        int images = data.train().size();
        boolean beyond = hp.limit() == null || hp.limit() > images;
        return images < TrainingTimes.TRAIN_IMAGES && beyond ? hp.withLimit(images) : hp;
    }

    /** A problem of a grid's variant names the variant: {@code variant "relu": …}; a single run's is as it is. */
    private static Text ofVariant(String variant, Text problem) {
        return variant == null ? problem : Text.of("training.queue.variant-problem", variant, problem);
    }

    private Object lockOf(long ownerId) {
        return ownerLocks.computeIfAbsent(ownerId, id -> new Object());
    }

    /**
     * The owner's runs still waiting to start (not counted when the budget has no such limit). A run
     * paused between turns has started: it is not counted, or one long run would fill the limit.
     */
    private long waiting(long ownerId, RunBudget budget) {
        return budget.maxWaitingRuns() == 0 ? 0 : runs.countByOwnerIdAndStatusAndTurns(ownerId, RunState.QUEUED, 0);
    }

    private RunJob enqueue(long ownerId, ValidatedModel model, Hyperparameters hp, String gridId, String gridKind,
            String gridLabel) {
        String name = model.spec().name() == null ? "model" : model.spec().name();
        RunJob job = new RunJob(training.newRunId(model.spec()), ownerId, name, ModelSpecJson.write(model.spec()),
                RunJson.write(hp), hp.epochs());
        job.setGrid(gridId, gridKind, gridLabel);
        job = store.create(job);
        scheduler.schedule(new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>(RunJobExecutor.TASK, job.getId()), job.getQueuedAt());
        return job;
    }

    /**
     * Queues every variant of a grid, in order. Every variant is checked first: if one cannot be
     * trained, or the learner's budget does not allow it (each variant is one of their runs, and all
     * of them wait at once), nothing is queued and the problem is reported.
     */
    public List<RunJob> submitGrid(long ownerId, ExperimentGrid grid) {
        List<ValidatedModel> models = new ArrayList<>();
        List<Hyperparameters> settings = new ArrayList<>();
        for (ExperimentGrid.Variant variant : grid.variants()) {
            ValidatedModel model;
            try {
                model = RunPlan.check(variant.spec(), variant.hyperparameters(), training.limits()).model();
            } catch (IllegalArgumentException | InvalidModelException e) {
                throw new RunRefused(ofVariant(variant.label(), e instanceof RunRefused words ? words.text()
                        : e instanceof InvalidModelException invalid ? invalid.oneLineText()
                        : Text.of("training.refused.as-is", e.getMessage())));
            }
            // Names the variant in each of its lines itself.
            settings.add(checkData(ownerId, model, variant.hyperparameters(), variant.label()));
            models.add(model);
        }
        // A grid's runs are the learner's runs: each must fit the budget, and all of them wait at once.
        RunBudget budget = budgets.budgetFor(ownerId);
        boolean alike = settings.stream().map(RunBudget::imageEpochs).distinct().count() == 1;
        for (int i = 0; i < settings.size(); i++) {
            if (!budget.allows(settings.get(i))) {
                throw OverBudgetException.tooLarge(alike ? Text.of("training.budget.each-grid-run")
                        : Text.of("training.budget.named-run", grid.variants().get(i).label()), settings.get(i), budget);
            }
        }
        synchronized (lockOf(ownerId)) {
            long waiting = waiting(ownerId, budget);
            if (!budget.allowsWaiting(waiting, models.size())) {
                throw OverBudgetException.gridTooLarge(models.size(), waiting, budget);
            }
            String gridId = "grid-" + training.newRunId(new ModelSpec(grid.kind().name().toLowerCase(), List.of()));
            List<RunJob> jobs = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                ExperimentGrid.Variant variant = grid.variants().get(i);
                jobs.add(enqueue(ownerId, models.get(i), settings.get(i), gridId, grid.kind().name(), variant.label()));
            }
            return jobs;
        }
    }

    /**
     * Registers a finished run folder (one the {@code train} command wrote, say) as a run of
     * {@code ownerId}, so it shows on the run pages. Returns the existing run if already known.
     */
    public RunJob adopt(long ownerId, Path dir) {
        String id = dir.getFileName().toString();
        return runs.findById(id).orElseGet(() -> store.create(RunJob.finished(id, ownerId, RunStore.readRecord(dir), dir)));
    }

    /** Adopts every run folder in the runs directory that no account owns yet; returns how many. */
    public int adoptFolders(long ownerId) {
        int adopted = 0;
        for (TrainingService.SavedRun saved : training.savedRuns()) {
            if (runs.findById(saved.id()).isEmpty()) {
                store.create(RunJob.finished(saved.id(), ownerId, saved.record(), saved.dir()));
                adopted++;
            }
        }
        return adopted;
    }

    /** Every run of {@code fromOwner} becomes {@code toOwner}'s, grids and all; returns how many. */
    @Transactional
    public int handOver(long fromOwner, long toOwner) {
        return runs.transferOwner(fromOwner, toOwner);
    }

    /** An experiment grid: its runs in the grid's order, with their labels. */
    public record GridRun(String id, ExperimentGrid.Kind kind, List<LiveRun> runs, List<String> labels, Instant submitted) {
        public String label(LiveRun run) {
            return labels.get(runs.indexOf(run));
        }
    }

    /** The grids {@code ownerId} queued, newest first. */
    public List<GridRun> gridsOf(long ownerId) {
        Map<String, List<RunJob>> byGrid = new LinkedHashMap<>();
        for (RunJob job : runs.findByOwnerIdAndGridIdNotNullOrderBySubmittedAtDesc(ownerId)) {
            byGrid.computeIfAbsent(job.getGridId(), k -> new ArrayList<>()).add(job);
        }
        List<GridRun> grids = new ArrayList<>();
        byGrid.forEach((id, jobs) -> grids.add(gridOf(id, jobs)));
        return grids;
    }

    public GridRun grid(String gridId) {
        return gridOf(gridId, runs.findByGridIdOrderBySubmittedAtAsc(gridId));
    }

    private GridRun gridOf(String id, List<RunJob> jobs) {
        List<RunJob> ordered = jobs.stream().sorted(Comparator.comparing(RunJob::getSubmittedAt)
                .thenComparing(RunJob::getQueuedAt)).toList();
        List<LiveRun> live = ordered.stream().map(j -> watch(j.getId()).orElseThrow()).toList();
        return new GridRun(id, ExperimentGrid.Kind.valueOf(ordered.getFirst().getGridKind()), live,
                ordered.stream().map(RunJob::getGridLabel).toList(), ordered.getFirst().getSubmittedAt());
    }

    public Optional<RunJob> find(String id) {
        return id == null ? Optional.empty() : runs.findById(id);
    }

    /** The learner's own runs, newest first; the runs lessons trained for them are not among them. */
    public List<RunJob> runsOf(long ownerId) {
        return runs.findByOwnerIdOrderBySubmittedAtDesc(ownerId).stream().filter(r -> !r.isLessonRun()).toList();
    }

    /** Stops a run: dropped at once if still waiting, stopped within a second or two if training. */
    public Optional<RunJob> cancel(String id) {
        Optional<RunJob> job = store.requestCancel(id);
        job.ifPresent(j -> {
            if (j.getStatus() == RunState.CANCELLED) {
                try {
                    scheduler.cancel(RunJobExecutor.instance(id));
                } catch (RuntimeException e) {
                    // Already picked by a worker: it sees the cancelled run and drops it.
                    log.debug("Run {} was not waiting in the scheduler: {}", id, e.getMessage());
                }
                if (j.getTurns() > 0) {
                    // Paused between turns: its mid-run checkpoint is no longer needed.
                    new org.convlab.training.engine.CheckpointFolder(
                            RunJobExecutor.checkpointDir(training.runsDir(), id)).discard();
                }
            }
            training.liveRun(id).ifPresent(LiveRun::cancel);
        });
        refresh(id);
        return job;
    }

    /** Moves a waiting run to the front of the queue (a teacher's decision). */
    public boolean moveToFront(String id) {
        Optional<Instant> front = store.moveToFront(id);
        front.ifPresent(time -> scheduler.reschedule(RunJobExecutor.instance(id), time));
        return front.isPresent();
    }

    /**
     * Where a waiting run stands: the runs ahead of it, a rough wait (null while this server's
     * speed is still being measured) and how many runs are training now.
     */
    public record Place(int ahead, Duration estimatedWait, int training) {}

    /** Where this waiting run stands now (a run that had a turn and waits again included). */
    public Place place(RunJob job) {
        return placeBehind(job);
    }

    /** Where a run queued now would stand: behind every run waiting now. */
    public Place placeForNew() {
        return placeBehind(null);
    }

    private Place placeBehind(RunJob job) {
        List<RunJob> queued = runs.findByStatusInOrderByQueuedAtAsc(List.of(RunState.QUEUED));
        List<RunJob> active = runs.findByStatusInOrderByQueuedAtAsc(RunJobStore.ACTIVE);
        RunEstimates estimates = times.estimates();
        List<java.util.OptionalDouble> before = new ArrayList<>();
        for (RunJob other : active) {
            before.add(estimates.remaining(other));
        }
        int ahead = 0;
        for (RunJob other : queued) {
            if (job != null && other.getId().equals(job.getId())) {
                break;
            }
            ahead++;
            before.add(estimates.remaining(other));
        }
        Duration wait = wait(before, settings.policy(), settings.slice(), active.size());
        if (wait == null) {
            times.measure(times.deviceFor(org.convlab.training.engine.DeviceChoice.AUTO));
        }
        return new Place(ahead, wait, active.size());
    }

    /**
     * How long a run waits behind these runs (the training ones and those queued ahead of it, each
     * with its time left): first in, first out, each keeps its worker to the end; with fair turns,
     * each trains at most one slice before the waiting run's turn comes. The workers share the
     * work (as many as train now, at least one). Null when one of them cannot be estimated yet.
     */
    static Duration wait(List<java.util.OptionalDouble> remaining, QueuePolicy policy, Duration slice, int workers) {
        double seconds = 0;
        double turn = slice.toMillis() / 1000.0;
        for (java.util.OptionalDouble left : remaining) {
            if (left.isEmpty()) {
                return null;
            }
            seconds += policy == QueuePolicy.FAIR ? Math.min(left.getAsDouble(), turn) : left.getAsDouble();
        }
        return Duration.ofMillis(Math.round(1000 * seconds / Math.max(1, workers)));
    }

    /** How long this run trains here in all (from the speeds measured here); empty while unknown. */
    public java.util.OptionalDouble estimatedSeconds(RunJob job) {
        return times.estimates().seconds(job);
    }

    /** How runs are shared between learners here (fair turns or first in, first out). */
    public QueueSettings settings() {
        return settings;
    }

    /** This server's training times (measured speeds). */
    public RunTimes times() {
        return times;
    }

    /** All waiting and training runs, in the order they will be served. */
    public List<RunJob> queue() {
        List<RunJob> all = new ArrayList<>(runs.findByStatusInOrderByQueuedAtAsc(RunJobStore.ACTIVE));
        all.addAll(runs.findByStatusInOrderByQueuedAtAsc(List.of(RunState.QUEUED)));
        return all;
    }

    /**
     * The live view of a run: the run itself when this process trains it, otherwise a mirror that
     * follows its stored progress every second.
     */
    public Optional<LiveRun> watch(String id) {
        Optional<LiveRun> local = training.liveRun(id);
        if (local.isPresent()) {
            return local;
        }
        LiveRun mirror = mirrors.get(id);
        if (mirror != null) {
            return Optional.of(mirror);
        }
        return runs.findById(id).map(job -> {
            LiveRun created = mirrorOf(job);
            LiveRun existing = mirrors.putIfAbsent(id, created);
            return existing != null ? existing : created;
        });
    }

    private static LiveRun mirrorOf(RunJob job) {
        ValidatedModel model = ModelValidator.validate(ModelSpecJson.parse(job.getSpecJson()), ModelLimits.UNBOUNDED);
        LiveRun mirror = new LiveRun(job.getId(), model, RunJson.hyperparameters(job.getHyperparametersJson()),
                job.getSubmittedAt());
        mirror.apply(snapshotOf(job));
        return mirror;
    }

    /** The page-facing state of a stored run (its saved progress, with the stored status on top). */
    static LiveRun.Snapshot snapshotOf(RunJob job) {
        LiveRun.Snapshot saved = RunJson.snapshot(job.getProgressJson());
        RunState state = switch (job.getStatus()) {
            case QUEUED -> RunState.QUEUED;
            case RUNNING -> RunState.RUNNING;
            case EVALUATING -> RunState.EVALUATING;
            case DONE -> RunState.DONE;
            case FAILED -> RunState.FAILED;
            case CANCELLED -> RunState.CANCELLED;
        };
        if (saved == null) {
            return new LiveRun.Snapshot(state, null, null, List.of(), RunJson.history(job.getHistoryJson()),
                    job.getStoredProblem(), job.getDir(), job.getTestAccuracy(), null);
        }
        return new LiveRun.Snapshot(state, saved.start(), saved.latest(), saved.points(), saved.epochs(),
                job.getStoredProblem() != null ? job.getStoredProblem() : saved.problem(),
                job.getDir() != null ? job.getDir() : saved.savedTo(),
                job.getTestAccuracy() != null ? job.getTestAccuracy() : saved.testAccuracy(), saved.notice());
    }

    private void refresh(String id) {
        LiveRun mirror = mirrors.get(id);
        if (mirror != null) {
            runs.findById(id).ifPresent(job -> mirror.apply(snapshotOf(job)));
        }
        training.liveRun(id).filter(run -> !run.finished() && !run.inTurn())
                .ifPresent(run -> runs.findById(id).ifPresent(job -> run.follow(snapshotOf(job))));
    }

    private void refreshMirrors() {
        // A run this process paused may have its next turn elsewhere, or be cancelled while it waits:
        // its live view follows the database until a turn begins here again.
        for (LiveRun local : training.liveRuns()) {
            if (!local.finished() && !local.inTurn() && local.hasSubscribers()) {
                try {
                    runs.findById(local.id()).ifPresent(job -> local.follow(snapshotOf(job)));
                } catch (RuntimeException e) {
                    log.debug("Cannot refresh run {}: {}", local.id(), e.getMessage());
                }
            }
        }
        for (Map.Entry<String, LiveRun> entry : mirrors.entrySet()) {
            try {
                LiveRun mirror = entry.getValue();
                if (mirror.finished() && !mirror.hasSubscribers()) {
                    mirrors.remove(entry.getKey());
                    continue;
                }
                if (mirror.hasSubscribers() || !mirror.finished()) {
                    runs.findById(entry.getKey()).ifPresentOrElse(job -> {
                        mirror.apply(snapshotOf(job));
                    }, () -> mirrors.remove(entry.getKey()));
                }
            } catch (RuntimeException e) {
                log.debug("Cannot refresh run {}: {}", entry.getKey(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
