package org.convlab.training.queue;

/** How the queue shares the workers between learners. */
public enum QueuePolicy {
    /**
     * Round-robin over learners with time slices: when others are waiting, a run gives its worker
     * back after a slice of training, saved mid-epoch, and waits for its next turn.
     */
    FAIR,
    /** First in, first out: a run keeps its worker until it ends (the benchmark's baseline). */
    FIFO
}
