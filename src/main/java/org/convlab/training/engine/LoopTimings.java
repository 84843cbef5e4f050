package org.convlab.training.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one epoch's training time went, in seconds, measured around each step of the loop on the
 * training thread (a few clock reads a batch, well under a microsecond against milliseconds of
 * work). On the CPU every call returns when its work is done, so each phase is its own cost; on a
 * GPU work is queued, and the wait lands on whichever phase reads a result first.
 *
 * @param assemble Java: picking the batch's images, augmenting them, copying them into one array
 * @param arrays copying the batch into PyTorch and freeing it afterwards
 * @param forward the network's forward pass
 * @param loss the loss (and any weight penalty)
 * @param backward the backward pass: gradients
 * @param metrics reading the batch's loss and counting its correct answers (for the live curves)
 * @param step the optimizer's update of the weights, at the scheduled rate
 * @param events telling the listeners (dashboard, progress bar) about the batch
 * @param total the epoch's training time; {@code total − the phases} is the loop's own bookkeeping
 */
public record LoopTimings(int epoch, int batches, double assemble, double arrays, double forward, double loss,
        double backward, double metrics, double step, double events, double total) {

    /** The phases by name, in loop order, then "other" (the rest of total). */
    public Map<String, Double> phases() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("assemble", assemble);
        m.put("arrays", arrays);
        m.put("forward", forward);
        m.put("loss", loss);
        m.put("backward", backward);
        m.put("metrics", metrics);
        m.put("step", step);
        m.put("events", events);
        m.put("other", Math.max(0, total - assemble - arrays - forward - loss - backward - metrics - step - events));
        return m;
    }

    /** Accumulates nanoseconds per phase over an epoch. */
    static final class Clock {
        static final int ASSEMBLE = 0, ARRAYS = 1, FORWARD = 2, LOSS = 3, BACKWARD = 4, METRICS = 5, STEP = 6, EVENTS = 7;
        private final long[] nanos = new long[8];
        private long last;

        void start() {
            last = System.nanoTime();
        }

        /** The time since the previous mark goes to {@code phase}. */
        void mark(int phase) {
            long now = System.nanoTime();
            nanos[phase] += now - last;
            last = now;
        }

        LoopTimings done(int epoch, int batches, double totalSeconds) {
            return new LoopTimings(epoch, batches, s(ASSEMBLE), s(ARRAYS), s(FORWARD), s(LOSS), s(BACKWARD), s(METRICS),
                    s(STEP), s(EVENTS), totalSeconds);
        }

        private double s(int phase) {
            return nanos[phase] / 1e9;
        }
    }
}
