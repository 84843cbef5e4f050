package org.convlab.training.engine;

import ai.djl.training.tracker.Tracker;

/** A learning rate the training loop can lower (reduce-on-plateau); DJL's optimizers read it each step. */
final class AdjustableRate implements Tracker {

    private volatile float value;

    AdjustableRate(double value) {
        this.value = (float) value;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }

    float value() {
        return value;
    }

    void set(double v) {
        value = (float) v;
    }
}
