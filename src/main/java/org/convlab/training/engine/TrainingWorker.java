package org.convlab.training.engine;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The one thread that runs DJL work in this process. DJL allows a single open GradientCollector per
 * JVM, so a run trains here, one at a time (which run, and when, is the queue's business:
 * training.queue); introspection (which also opens a collector for Grad-CAM) waits for the next safe
 * point: between two batches of the running job, or at once when the thread is idle. Nothing fails
 * because the engine is busy; it waits.
 */
public final class TrainingWorker implements AutoCloseable {

    /** A job on the thread: its state, its result, and a way to stop it. */
    public static final class Job<T> {
        private final TrainingControl control;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile RunState state = RunState.QUEUED;

        Job(TrainingControl control) {
            this.control = control;
        }

        public RunState state() { return state; }
        public CompletableFuture<T> result() { return result; }

        /** Stops the job: dropped if still queued, stopped within a batch if running. */
        public void cancel() {
            control.cancel();
        }

        /** Asks the job to pause at its next batch boundary, its position saved (see TrainingControl). */
        public void requestPause() {
            control.requestPause();
        }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convlab-training");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Runnable> safePointWork = new ConcurrentLinkedQueue<>();
    private final List<Job<?>> jobs = new CopyOnWriteArrayList<>();

    /** Queues a training job; {@code work} must call {@code control.checkpoint()} between batches. */
    public <T> Job<T> submit(Function<TrainingControl, T> work) {
        TrainingControl control = new TrainingControl(safePointWork);
        Job<T> job = new Job<>(control);
        jobs.add(job);
        thread.execute(() -> {
            if (control.isCancelled()) {
                job.state = RunState.CANCELLED;
                job.result.cancel(false);
                jobs.remove(job);
                return;
            }
            job.state = RunState.RUNNING;
            try {
                job.result.complete(work.apply(control));
                job.state = RunState.DONE;
            } catch (TrainingControl.TrainingCancelledException e) {
                job.state = RunState.CANCELLED;
                job.result.completeExceptionally(e);
            } catch (TrainingControl.TrainingPausedException e) {
                // Back to waiting: the queue gives it its next turn.
                job.state = RunState.QUEUED;
                job.result.completeExceptionally(e);
            } catch (Throwable e) {
                job.state = RunState.FAILED;
                job.result.completeExceptionally(e);
            } finally {
                jobs.remove(job);
                runSafePointWork();
            }
        });
        return job;
    }

    /** Runs {@code task} on the worker at the next safe point (now, if the worker is idle). */
    public <T> CompletableFuture<T> introspect(Callable<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        safePointWork.add(() -> {
            try {
                future.complete(task.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        // When idle, this drains the queue at once; when busy, the running job drains it first.
        thread.execute(this::runSafePointWork);
        return future;
    }

    private void runSafePointWork() {
        Runnable work;
        while ((work = safePointWork.poll()) != null) {
            work.run();
        }
    }

    @Override
    public void close() {
        jobs.forEach(Job::cancel);
        thread.shutdown();
    }
}
