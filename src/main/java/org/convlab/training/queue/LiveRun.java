package org.convlab.training.queue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.convlab.i18n.Text;
import org.convlab.model.ValidatedModel;

import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainingRun;
import org.convlab.training.engine.RunState;
import java.util.concurrent.CompletableFuture;
/**
 * A run the app has queued or is training, as every page watching it sees it: its state, the
 * latest batch, the finished epochs and, at the end, where it was saved. Pages subscribe with
 * {@link #subscribe}; updates arrive on the training thread, so a page hands them to its UI.
 */
public final class LiveRun implements ProgressListener {


    /** A loss/accuracy reading during training, for the live curves (epoch as a fraction: 1.5 = half-way through epoch 2). */
    public record Point(double epoch, double loss, double accuracy) {}

    private final String id;
    private final ValidatedModel model;
    private final Hyperparameters hyperparameters;
    private final Instant submitted;
    private final List<Consumer<LiveRun>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Point> batchPoints = new ArrayList<>();
    private final List<EpochReport> epochs = new ArrayList<>();
    private volatile RunState state = RunState.QUEUED;
    private volatile Throwable failure;
    private volatile TrainingStart start;
    private volatile BatchProgress latest;
    private volatile String problem;
    private volatile Path savedTo;
    private volatile Double testAccuracy;
    private volatile Runnable cancel = () -> {};
    private volatile Runnable pause = () -> {};
    /** Completes when this process's current turn of the run ends: done, failed, cancelled or paused. */
    private volatile CompletableFuture<LiveRun> turn = CompletableFuture.completedFuture(this);
    private volatile String notice;
    private final CompletableFuture<LiveRun> completion = new CompletableFuture<>();

    LiveRun(String id, ValidatedModel model, Hyperparameters hyperparameters) {
        this(id, model, hyperparameters, Instant.now());
    }

    LiveRun(String id, ValidatedModel model, Hyperparameters hyperparameters, Instant submitted) {
        this.id = id;
        this.model = model;
        this.hyperparameters = hyperparameters;
        this.submitted = submitted;
    }

    /**
     * Everything a page shows about the run, as stored in the database so that a page served by one
     * process can follow a run trained by another. {@code problem} and {@code notice} are stored
     * {@link StoredText}s.
     */
    public record Snapshot(RunState state, TrainingStart start, BatchProgress latest, List<Point> points,
            List<EpochReport> epochs, String problem, String savedTo, Double testAccuracy, String notice) {}

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, start, latest, List.copyOf(batchPoints), List.copyOf(epochs), problem,
                savedTo == null ? null : savedTo.toString(), testAccuracy, notice);
    }

    /** Brings a mirror of a run trained elsewhere up to date. */
    void apply(Snapshot s) {
        synchronized (this) {
            if (s.points() != null) {
                batchPoints.clear();
                batchPoints.addAll(s.points());
            }
            if (s.epochs() != null) {
                epochs.clear();
                epochs.addAll(s.epochs());
            }
        }
        start = s.start();
        latest = s.latest();
        problem = s.problem();
        savedTo = s.savedTo() == null ? null : Path.of(s.savedTo());
        testAccuracy = s.testAccuracy();
        notice = s.notice();
        state = s.state();
        if (finished()) {
            completion.complete(this);
        }
        publish();
    }

    /** Completes when the run is done, failed or cancelled. */
    public CompletableFuture<LiveRun> completion() {
        return completion;
    }

    /** Completes when the current turn on this process's worker ends (the run finished or paused). */
    public CompletableFuture<LiveRun> turn() {
        return turn;
    }

    /** Whether this process is training the run right now (a turn has begun and not ended). */
    public boolean inTurn() {
        return !turn.isDone();
    }

    synchronized void beginTurn() {
        turn = new CompletableFuture<>();
    }

    /**
     * A new live view of a run that trained before (on another worker, or before a restart) takes
     * its stored curves and numbers; the epochs are replayed by the trainer.
     */
    void resumeFrom(Snapshot stored) {
        synchronized (this) {
            if (stored.points() != null) {
                batchPoints.addAll(stored.points());
            }
        }
        latest = stored.latest();
        start = stored.start();
        notice = stored.notice();
    }

    /**
     * Follows the stored state while this process is not training the run (it paused here and its
     * next turn may be on another worker, or it was cancelled while waiting).
     */
    void follow(Snapshot stored) {
        if (!inTurn()) {
            apply(stored);
        }
    }

    /** Something the learner should know, e.g. that the run resumed after a restart; null if nothing. */
    public Text notice() { return StoredText.read(notice); }

    void notice(Text text) {
        notice = StoredText.write(text);
        publish();
    }

    public String id() { return id; }
    public ValidatedModel model() { return model; }
    public String name() { return model.spec().name() == null ? "model" : model.spec().name(); }
    public Hyperparameters hyperparameters() { return hyperparameters; }
    public Instant submitted() { return submitted; }
    public RunState state() { return state; }
    public TrainingStart start() { return start; }
    public BatchProgress latest() { return latest; }
    /** Why the run failed, in English (for logs); null unless it failed. */
    public String problem() { return problem == null ? null : StoredText.read(problem).toString(); }
    /** Why the run failed, in each reader's language; null unless it failed. */
    public Text problemText() { return StoredText.read(problem); }
    /** Why a run this process trained failed; null otherwise (and always for a mirror). */
    public Throwable failure() { return failure; }
    public Path savedTo() { return savedTo; }
    public Double testAccuracy() { return testAccuracy; }

    public boolean finished() {
        return state == RunState.DONE || state == RunState.FAILED || state == RunState.CANCELLED;
    }

    public synchronized List<Point> batchPoints() {
        return List.copyOf(batchPoints);
    }

    public synchronized List<EpochReport> epochs() {
        return List.copyOf(epochs);
    }

    /** Stops the run: dropped if still queued, stopped within a second if training. */
    public void cancel() {
        cancel.run();
    }

    /** Calls {@code subscriber} after every change; run the returned action to stop. */
    public Runnable subscribe(Consumer<LiveRun> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    void onCancel(Runnable action) {
        this.cancel = action;
    }

    void onPause(Runnable action) {
        this.pause = action;
    }

    /** Asks the run to give its worker back at the next batch boundary, its place in the epoch saved. */
    public void requestPause() {
        pause.run();
    }

    @Override
    public void onStart(TrainingStart start) {
        this.start = start;
        this.state = RunState.RUNNING;
        publish();
    }

    @Override
    public void onBatch(BatchProgress progress) {
        latest = progress;
        synchronized (this) {
            // About 50 points per epoch are plenty for a curve and keep updates small.
            int every = Math.max(1, progress.batches() / 50);
            if (progress.batch() % every == 0 || progress.batch() == progress.batches()) {
                batchPoints.add(new Point(progress.epoch() - 1 + (double) progress.batch() / progress.batches(),
                        progress.loss(), progress.accuracy()));
            }
        }
        publish();
    }

    @Override
    public void onEpoch(EpochReport report) {
        synchronized (this) {
            // A resumed run replays its finished epochs: each is kept once.
            epochs.removeIf(e -> e.epoch() >= report.epoch());
            epochs.add(report);
        }
        publish();
    }

    @Override
    public void onEvaluating() {
        state = RunState.EVALUATING;
        publish();
    }

    void done(TrainingRun.Outcome outcome) {
        savedTo = outcome.dir();
        testAccuracy = outcome.evaluation().testAccuracy();
        state = RunState.DONE;
        publish();
        completion.complete(this);
        turn.complete(this);
    }

    void cancelled() {
        state = RunState.CANCELLED;
        publish();
        completion.complete(this);
        turn.complete(this);
    }

    /** The run gave its worker back for other learners' turns; it waits for its next one. */
    void paused() {
        state = RunState.QUEUED;
        publish();
        turn.complete(this);
    }

    void failed(Text message) {
        failed(message, null);
    }

    /** Failed with {@code cause}, kept in this process only (the queue decides from it whether to retry). */
    void failed(Text message, Throwable cause) {
        problem = StoredText.write(message);
        failure = cause;
        state = RunState.FAILED;
        publish();
        completion.complete(this);
        turn.complete(this);
    }

    private void publish() {
        for (Consumer<LiveRun> subscriber : subscribers) {
            try {
                subscriber.accept(this);
            } catch (RuntimeException e) {
                // A page that went away must not stop the run.
                subscribers.remove(subscriber);
            }
        }
    }
}
