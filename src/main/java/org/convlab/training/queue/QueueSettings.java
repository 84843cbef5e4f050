package org.convlab.training.queue;

/**
 * How this process takes part in the training queue.
 *
 * @param workerEnabled whether this process trains queued runs (the web app does by default)
 * @param workerName how this worker is named in the queue (db-scheduler's picked_by)
 * @param maxRunningPerOwner runs one learner may have training at once (0: no limit)
 * @param maxRunningPerDevice runs training at once on one kind of device across all workers (0: one per worker)
 * @param device this worker's device kind, "cpu" or "gpu", or "auto" to use a GPU when there is one
 * @param policy how the workers are shared: fair turns with time slices, or first in, first out
 * @param slice how long a run trains before it gives its worker back when others are waiting
 */
public record QueueSettings(boolean workerEnabled, String workerName, int maxRunningPerOwner, int maxRunningPerDevice,
        String device, QueuePolicy policy, java.time.Duration slice) {

    public QueueSettings {
        if (slice == null || slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("convlab.queue.slice-seconds must be more than 0");
        }
    }

    /** Settings with the fair policy and the usual 30-second slice. */
    public QueueSettings(boolean workerEnabled, String workerName, int maxRunningPerOwner, int maxRunningPerDevice,
            String device) {
        this(workerEnabled, workerName, maxRunningPerOwner, maxRunningPerDevice, device, QueuePolicy.FAIR,
                java.time.Duration.ofSeconds(30));
    }
}
