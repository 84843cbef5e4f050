package org.convlab.training.queue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.convlab.i18n.Text;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ValidatedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.convlab.training.engine.CheckpointFolder;
import org.convlab.training.engine.DjlRuntime;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunPlan;
import org.convlab.training.engine.RunProblems;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.RunState;
import org.convlab.model.InvalidModelException;
/**
 * What a worker does with a queued run that db-scheduler hands it: claim it (fairly), train it on
 * this process's training thread with a checkpoint every epoch, write its progress to the database
 * for whichever web server shows it, and record how it ended. A run cut off by a crash comes back
 * here through db-scheduler's dead-execution check and resumes from its checkpoint.
 */
public class RunJobExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunJobExecutor.class);
    static final String TASK = "train";
    /** How long a run that may not start yet waits before asking again. */
    static final Duration RETRY = Duration.ofSeconds(2);
    /** How long a trained run that could not be saved waits before ConvLab tries to save it again. */
    static final Duration SAVE_RETRY = Duration.ofMinutes(1);

    private final RunJobStore store;
    private final TrainingService training;
    private final QueueSettings settings;
    private final QueueMetrics metrics;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService slicer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convlab-slicer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile String device;

    public RunJobExecutor(RunJobStore store, TrainingService training, QueueSettings settings, QueueMetrics metrics) {
        this.store = store;
        this.training = training;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** How many runs this worker is training now. */
    public int trainingNow() {
        return running.size();
    }

    /** Whether this worker takes no new runs because the server is stopping. */
    public boolean isStopping() {
        return stopping;
    }

    static TaskInstanceId instance(String runId) {
        return TaskInstanceId.of(TASK, runId);
    }

    public static Path checkpointDir(Path runsDir, String runId) {
        return runsDir.resolve(".checkpoints").resolve(runId);
    }

    /** "gpu" or "cpu": decided once, on the first run, so starting the app does not load the engine. */
    private String device() {
        if (device == null) {
            device = "auto".equals(settings.device()) ? (DjlRuntime.gpuCount() > 0 ? "gpu" : "cpu") : settings.device();
        }
        return device;
    }

    /** The worker (re)starts: runs are trained again (a stopped worker can be started anew). */
    public void starting() {
        stopping = false;
    }

    /**
     * The server is stopping: training runs pause at their next batch, their place saved, and go back
     * to the queue; they go on exactly where they stopped when a worker takes them again.
     */
    public void stopping() {
        stopping = true;
        running.forEach(id -> training.liveRun(id).ifPresent(LiveRun::requestPause));
    }

    /**
     * Time slicing: once a run has trained for a slice in this turn and another learner's run is
     * waiting, it gives its worker back at the next batch. Alone, a run is never asked, and the
     * question costs one small query a second, off the training thread, only after the slice.
     */
    private void endTurnIfOthersWait(RunJob job, LiveRun live, Instant turnStart) {
        try {
            if (Duration.between(turnStart, Instant.now()).compareTo(settings.slice()) >= 0
                    && store.othersWaiting(job.getOwnerId(), Instant.now())) {
                live.requestPause();
            }
        } catch (RuntimeException e) {
            log.debug("Cannot tell whether others wait for run {}: {}", job.getId(), e.getMessage());
        }
    }

    /** What a learner reads on a run whose worker died mid-turn: where it resumed, what was lost. */
    private static Text interruptedNotice(CheckpointFolder checkpoints) {
        return checkpoints.latest().map(saved -> saved.position() != null
                ? Text.of("training.notice.resumed-in-epoch", (long) saved.position().epoch(),
                        (long) saved.position().batchesDone() + 1)
                : Text.of("training.notice.resumed-after-epoch", (long) saved.epoch()))
                .orElse(Text.of("training.notice.started-again"));
    }

    public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        String id = instance.getId();
        if (stopping) {
            return (done, ops) -> ops.reschedule(done, Instant.now());
        }
        Instant due = context.getExecution().getExecutionTime();
        try {
            if (store.runWaitingAhead(id, due)) {
                // Keeps its place: the next poll takes the run ahead of it first.
                return (done, ops) -> ops.reschedule(done, due);
            }
        } catch (RuntimeException e) {
            log.debug("Cannot look ahead of run {}: {}", id, e.getMessage());
        }
        RunJobStore.Claim claim;
        try {
            claim = store.claim(id, settings.workerName(), settings.maxRunningPerOwner(),
                    settings.maxRunningPerDevice(), device());
        } catch (RuntimeException e) {
            log.warn("Cannot claim run {}: {}", id, e.getMessage());
            return (done, ops) -> ops.reschedule(done, Instant.now().plus(RETRY));
        }
        return switch (claim) {
            case RunJobStore.Claim.Gone gone -> new CompletionHandler.OnCompleteRemove<>();
            case RunJobStore.Claim.Wait wait -> (done, ops) -> ops.reschedule(done, Instant.now().plus(RETRY));
            case RunJobStore.Claim.Run run -> train(run, context.getSchedulerClient());
        };
    }

    private CompletionHandler<Void> train(RunJobStore.Claim.Run claim, SchedulerClient scheduler) {
        RunJob job = claim.job();
        String id = job.getId();
        if (job.getTurns() == 1 && job.getResumes() == 0 && job.getStartedAt() != null) {
            metrics.started(job.getDevice(), Duration.between(job.getSubmittedAt(), job.getStartedAt()));
        }
        if (settings.policy() == QueuePolicy.FAIR) {
            // Round-robin: this learner's other waiting runs queue again behind everyone waiting now,
            // so each learner gets one turn per round however many runs they queued.
            for (RunJob other : store.sendOthersToBack(job, Instant.now())) {
                scheduler.reschedule(instance(other.getId()), other.getQueuedAt());
            }
        }
        ValidatedModel model;
        Hyperparameters hp;
        try {
            // Checked again with this server's limits: a run stored before a limit existed, or by
            // another way in, fails here once, clearly, instead of reaching native code.
            hp = RunJson.hyperparameters(job.getHyperparametersJson());
            model = RunPlan.check(ModelSpecJson.parse(job.getSpecJson()), hp, training.limits()).model();
        } catch (InvalidModelException e) {
            store.fail(id, Text.of("training.stored.cannot-train", e.oneLineText()));
            return new CompletionHandler.OnCompleteRemove<>();
        } catch (RuntimeException e) {
            log.warn("Stored run {} cannot be read", id, e);
            store.fail(id, Text.of("training.stored.unreadable"));
            return new CompletionHandler.OnCompleteRemove<>();
        }
        running.add(id);
        Instant turnStart = Instant.now();
        try {
            CheckpointFolder checkpoints = new CheckpointFolder(checkpointDir(training.runsDir(), id));
            LiveRun live = training.start(id, model, hp, checkpoints, job.getSubmittedAt(),
                    RunJson.snapshot(job.getProgressJson()));
            if (claim.interrupted()) {
                live.notice(interruptedNotice(checkpoints));
            }
            ScheduledFuture<?> slicing = settings.policy() == QueuePolicy.FAIR
                    ? slicer.scheduleWithFixedDelay(() -> endTurnIfOthersWait(job, live, turnStart), 1, 1, TimeUnit.SECONDS)
                    : null;
            Runnable stopCounting = metrics.countEpochs(live, device(), claim.resumedAt());
            try (ProgressWriter writer = new ProgressWriter(store, live)) {
                live.turn().join();
                writer.flush();
            } finally {
                stopCounting.run();
                if (slicing != null) {
                    slicing.cancel(false);
                }
                metrics.slice(device(), Duration.between(turnStart, Instant.now()));
            }
            if (live.state() == RunState.QUEUED) {
                if (stopping) {
                    live.notice(Text.of("training.notice.server-restarted"));
                }
                Optional<Instant> next = store.pause(id, live.snapshot(), Instant.now());
                if (next.isEmpty()) {
                    // Cancelled while it was pausing.
                    checkpoints.discard();
                    return new CompletionHandler.OnCompleteRemove<>();
                }
                return (done, ops) -> ops.reschedule(done, next.get());
            }
            if (live.state() == RunState.CANCELLED && stopping) {
                store.requeue(id);
                return (done, ops) -> ops.reschedule(done, Instant.now());
            }
            if (live.failure() instanceof RunStore.NotSavedException notSaved) {
                // The trained weights are in the last checkpoint: keep it and try the save again later.
                log.warn("Run {} trained but could not be saved; retrying in {}", id, SAVE_RETRY, notSaved);
                live.notice(Text.of("training.notice.not-saved", notSaved.reason()));
                Instant when = Instant.now().plus(SAVE_RETRY);
                store.retryLater(id, live, when);
                training.forget(id);
                return (done, ops) -> ops.reschedule(done, when);
            }
            RunRecord record = live.state() == RunState.DONE ? RunStore.readRecord(live.savedTo()) : null;
            store.finish(id, live, record);
            if (live.state() != RunState.DONE) {
                checkpoints.discard();
            }
            return new CompletionHandler.OnCompleteRemove<>();
        } catch (RuntimeException e) {
            log.warn("Run {} failed", id, e);
            store.fail(id, RunProblems.text(e));
            return new CompletionHandler.OnCompleteRemove<>();
        } finally {
            running.remove(id);
        }
    }
}
