package org.convlab.training.queue;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "workers" in /actuator/health: this process's worker (on, off, stopping), what it trains now, and
 * the queue's counts. DOWN only while this worker stops taking runs (the server is shutting down);
 * a process with its worker switched off is UP: another process trains (docs/decisions/007).
 */
@Component
class WorkersHealthIndicator implements HealthIndicator {

    private final QueueSettings settings;
    private final RunJobExecutor executor;
    private final QueueMetrics metrics;

    WorkersHealthIndicator(QueueSettings settings, RunJobExecutor executor, QueueMetrics metrics) {
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        QueueMetrics.Counts counts = metrics.counts();
        Health.Builder health = settings.workerEnabled() && executor.isStopping() ? Health.down() : Health.up();
        return health.withDetail("worker", settings.workerEnabled() ? settings.workerName() : "off in this process")
                .withDetail("trainingHere", executor.trainingNow())
                .withDetail("waiting", counts.waitingTotal())
                .withDetail("training", counts.trainingTotal())
                .build();
    }
}
