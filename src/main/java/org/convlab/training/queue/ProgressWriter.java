package org.convlab.training.queue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.convlab.training.engine.RunState;

/**
 * Copies a run's progress into the database about once a second (and at once when an epoch ends
 * or the state changes), off the training thread, and stops the run when the database says its
 * learner cancelled it from another server.
 */
final class ProgressWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressWriter.class);
    private static final long INTERVAL_MS = 1000;

    private final RunJobStore store;
    private final LiveRun run;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convlab-progress");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final Runnable unsubscribe;
    private volatile int epochsWritten = -1;
    private volatile RunState stateWritten;

    ProgressWriter(RunJobStore store, LiveRun run) {
        this.store = store;
        this.run = run;
        this.unsubscribe = run.subscribe(changed -> {
            dirty.set(true);
            if (changed.state() != stateWritten || changed.epochs().size() != epochsWritten) {
                thread.execute(this::writeIfDirty);
            }
        });
        thread.scheduleWithFixedDelay(this::writeIfDirty, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void writeIfDirty() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            LiveRun.Snapshot snapshot = run.snapshot();
            boolean cancel = store.progress(run.id(), snapshot);
            epochsWritten = snapshot.epochs().size();
            stateWritten = snapshot.state();
            if (cancel && !run.finished()) {
                run.cancel();
            }
        } catch (RuntimeException e) {
            dirty.set(true);
            log.debug("Progress of {} not written yet: {}", run.id(), e.getMessage());
        }
    }

    /** Writes the last state now, on the caller's thread. */
    void flush() {
        dirty.set(true);
        try {
            thread.submit(this::writeIfDirty).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Final progress of {} not written: {}", run.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        thread.shutdownNow();
    }
}
