package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Opens DJL gradient collectors one at a time per JVM. The PyTorch engine keeps a single global
 * "collecting" flag, so a second collector opened on another thread fails outright ("A
 * PtGradientCollector is already collecting"). A server has one training thread and never meets
 * this, but two trainers in one JVM can (a command-line run beside introspection, or test
 * contexts that each run a worker): with this lock they take turns batch by batch instead.
 */
public final class ExclusiveGradients implements GradientCollector {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private final GradientCollector collector;

    private ExclusiveGradients(GradientCollector collector) {
        this.collector = collector;
    }

    /** Waits for the JVM's collector to be free, then opens one; closing it frees it again. */
    public static GradientCollector open(Supplier<GradientCollector> opener) {
        LOCK.lock();
        try {
            return new ExclusiveGradients(opener.get());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    @Override
    public void backward(NDArray target) {
        collector.backward(target);
    }

    @Override
    public void zeroGradients() {
        collector.zeroGradients();
    }

    @Override
    public void close() {
        try {
            collector.close();
        } finally {
            LOCK.unlock();
        }
    }
}
