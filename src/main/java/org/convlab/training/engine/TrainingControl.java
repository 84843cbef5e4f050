package org.convlab.training.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancellation and safe points for one training run. DJL has no cancel call, so the loop calls
 * {@link #checkpoint()} between batches: it runs any work queued for a safe point (introspection,
 * which needs the one GradientCollector DJL allows per JVM) and then stops the run if cancelled.
 * Batches take well under a second, so a cancel takes effect within one.
 */
public class TrainingControl {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean pauseRequested;
    private final Queue<Runnable> safePointWork;

    public TrainingControl() {
        this(new ConcurrentLinkedQueue<>());
    }

    public TrainingControl(Queue<Runnable> safePointWork) {
        this.safePointWork = safePointWork;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Asks the run to give its worker back: at the next batch boundary it saves where it is (a
     * checkpoint mid-epoch) and ends with {@link TrainingPausedException}; resumed later, it goes on
     * exactly from there. A run that has not trained a batch yet in this turn trains one first, so
     * every turn makes progress.
     */
    public void requestPause() {
        pauseRequested = true;
    }

    /** Whether a pause was asked for: read by the training loop once per batch (a volatile read). */
    public boolean pauseRequested() {
        return pauseRequested;
    }

    /** Called by the training loop between batches, with no GradientCollector open. */
    public void checkpoint() {
        Runnable work;
        while ((work = safePointWork.poll()) != null) {
            work.run();
        }
        if (cancelled.get()) {
            throw new TrainingCancelledException();
        }
    }

    /** The run paused at a batch boundary with its position saved; it resumes from there. */
    public static final class TrainingPausedException extends RuntimeException {
        public TrainingPausedException() {
            super("training paused for another run's turn", null, false, false);
        }
    }

    public static final class TrainingCancelledException extends RuntimeException {
        public TrainingCancelledException() {
            super("training was cancelled", null, false, false);
        }
    }
}
