package org.convlab.training.queue;

/**
 * How this process takes part in the training queue.
 *
 * @param workerEnabled whether this process trains queued runs (the web app does by default)
 * @param workerName how this worker is named in the queue (db-scheduler's picked_by)
 * @param maxRunningPerOwner runs one learner may have training at once (0: no limit)
 * @param maxRunningPerDevice runs training at once on one kind of device across all workers (0: one per worker)
 * @param device this worker's device kind, "cpu" or "gpu", or "auto" to use a GPU when there is one
 */
public record QueueSettings(boolean workerEnabled, String workerName, int maxRunningPerOwner, int maxRunningPerDevice,
        String device) {}
