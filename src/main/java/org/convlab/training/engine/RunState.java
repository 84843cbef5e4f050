package org.convlab.training.engine;

/**
 * Where a run is in its life, the one state type for all of it: the stored run (its database row),
 * the live run a page watches, and the job on the training thread.
 */
public enum RunState {
    QUEUED, RUNNING, EVALUATING, DONE, FAILED, CANCELLED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
