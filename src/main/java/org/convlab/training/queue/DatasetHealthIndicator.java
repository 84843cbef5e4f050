package org.convlab.training.queue;

import org.convlab.dataset.DatasetService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "dataset" in /actuator/health and readiness: training needs the data set loaded. Beside the queue
 * because the dataset package knows nothing of Spring. The service loads once and remembers a failure
 * until the folder's files change, so a probe every few seconds reads nothing again; the reason is
 * its one line (a file's name, never the server's path).
 */
@Component
class DatasetHealthIndicator implements HealthIndicator {

    private final DatasetService datasets;

    DatasetHealthIndicator(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public Health health() {
        return datasets.problem()
                .map(problem -> Health.down().withDetail("problem", problem).build())
                .orElseGet(() -> Health.up().build());
    }
}
