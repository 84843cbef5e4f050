package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.dataset.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** What /actuator/health says of the data set and the workers. */
class HealthIndicatorsTest {

    @TempDir Path folder;

    @Test
    void theDataSetInTheRepositoryIsUp() {
        Health health = new DatasetHealthIndicator(new DatasetService(Path.of(DatasetService.DEFAULT_FOLDER))).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anEmptyDataFolderIsDownWithOneLineThatHidesTheServersPath() {
        Health health = new DatasetHealthIndicator(new DatasetService(folder)).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        String problem = String.valueOf(health.getDetails().get("problem"));
        assertThat(problem).isNotBlank().doesNotContain("\n").doesNotContain(folder.toString());
    }

    @Test
    void aDataFolderWithAGarbledFileIsDown() throws IOException {
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.writeString(folder.resolve(name), "not gzip at all");
        }
        Health health = new DatasetHealthIndicator(new DatasetService(folder)).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("problem"))).doesNotContain(folder.toString());
    }

    private static QueueMetrics emptyQueue() {
        return new QueueMetrics((RunJobRepository) Proxy.newProxyInstance(HealthIndicatorsTest.class.getClassLoader(),
                new Class<?>[] {RunJobRepository.class}, (proxy, method, args) -> List.of()));
    }

    @Test
    void aRunningWorkerIsUpAndNamed() {
        QueueSettings settings = new QueueSettings(true, "host-42", 1, 0, "cpu");
        Health health = new WorkersHealthIndicator(settings, new RunJobExecutor(null, null, settings, null),
                emptyQueue()).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("worker", "host-42").containsEntry("waiting", 0L);
    }

    @Test
    void aStoppingWorkerIsDownButAProcessWithoutOneIsUp() {
        QueueSettings on = new QueueSettings(true, "host-42", 1, 0, "cpu");
        RunJobExecutor stopping = new RunJobExecutor(null, null, on, null);
        stopping.stopping();
        assertThat(new WorkersHealthIndicator(on, stopping, emptyQueue()).health().getStatus()).isEqualTo(Status.DOWN);
        QueueSettings off = new QueueSettings(false, "host-42", 1, 0, "cpu");
        assertThat(new WorkersHealthIndicator(off, new RunJobExecutor(null, null, off, null), emptyQueue())
                .health().getStatus()).isEqualTo(Status.UP);
    }
}
