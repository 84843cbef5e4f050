package org.convlab.training.engine;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate DJL's optimizers read each step: {@code base × schedule(step)}. The base starts
 * as the run's rate and only reduce-on-plateau lowers it (it is what checkpoints save); the
 * schedule's multiplier is a pure function of the global step, which the training loop sets before
 * every optimizer step ({@link #atStep}). The optimizer's own update count is ignored: it is counted
 * per parameter and restarts at 0 in a new process, so a resumed run would restart its schedule.
 */
final class AdjustableRate implements Tracker {

    private final Tracker schedule;
    private volatile float base;
    private volatile float multiplier = 1f;

    /** A constant rate (no schedule): what tests and replays use. */
    AdjustableRate(double value) {
        this(value, null);
    }

    /** @param schedule the multiplier by global step, or null for a constant rate */
    AdjustableRate(double base, Tracker schedule) {
        this.base = (float) base;
        this.schedule = schedule;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value();
    }

    /** The rate the optimizer uses now. */
    float value() {
        float m = multiplier;
        return m == 1f ? base : base * m;
    }

    /** The rate before the schedule: the run's rate as reduce-on-plateau has left it. */
    float base() {
        return base;
    }

    /** Sets the base (reduce-on-plateau, a checkpoint's restore). */
    void set(double v) {
        base = (float) v;
    }

    /** Moves the schedule to global step {@code step} (0-based), before the optimizer steps. */
    void atStep(long step) {
        if (schedule != null) {
            multiplier = schedule.getNewValue((int) Math.min(step, Integer.MAX_VALUE));
        }
    }
}
