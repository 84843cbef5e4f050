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

    public static final class TrainingCancelledException extends RuntimeException {
        public TrainingCancelledException() {
            super("training was cancelled", null, false, false);
        }
    }
}
