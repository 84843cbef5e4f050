package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A worker that took a run from db-scheduler's batch lets an earlier run nobody has picked go first
 * (a run a teacher moved to the front after the batch was fetched). No worker runs here.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class QueueOrderTest {

    @Autowired RunJobStore store;
    @Autowired SchedulerClient scheduler;

    @Test
    void aRunDueEarlierAndNotYetPickedGoesFirst() {
        // Long ago, so that runs other tests left waiting in this database are all behind these two.
        Instant early = Instant.parse("2000-01-01T00:00:00Z");
        String front = "order-front-" + System.nanoTime();
        String later = "order-later-" + System.nanoTime();
        scheduler.schedule(new TaskInstance<Void>(RunJobExecutor.TASK, front), early);
        scheduler.schedule(new TaskInstance<Void>(RunJobExecutor.TASK, later), early.plusSeconds(5));
        try {
            assertThat(store.runWaitingAhead(later, early.plusSeconds(5))).as("the front run is ahead").isTrue();
            assertThat(store.runWaitingAhead(front, early)).as("nothing is ahead of the front").isFalse();
        } finally {
            scheduler.cancel(RunJobExecutor.instance(front));
        }
        assertThat(store.runWaitingAhead(later, early.plusSeconds(5))).as("once it is gone").isFalse();
        scheduler.cancel(RunJobExecutor.instance(later));
    }
}
