package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.RunState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A waiting run's place and wait as the queue works them out from the stored runs, with fair turns
 * and first in, first out. No worker runs here: the runs are stored, never scheduled.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class QueuePlaceTest {

    /** A model no other test trains, so only the finished run below says how fast it trains here. */
    private static final ModelSpec MEASURED = new ModelSpec("place-dense", List.of(new Layer.Flatten(),
            new Layer.Dense(41, ActivationKind.RELU), new Layer.Dense(10, ActivationKind.SOFTMAX)));
    /** Long ago, so that these runs stand ahead of any other test's waiting runs. */
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Autowired RunQueue queue;
    @Autowired RunJobRepository runs;
    @Autowired RunJobStore store;
    @Autowired SchedulerClient scheduler;
    @Autowired TrainingService training;
    @Autowired RunTimes times;
    @Autowired AppUserRepository users;

    private long learner() {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", Role.LEARNER)).getId();
    }

    private RunJob stored(long owner, Hyperparameters hp, RunState status, Instant queuedAt) {
        RunJob job = new RunJob("place-" + UUID.randomUUID().toString().substring(0, 8), owner, "place-dense",
                ModelSpecJson.write(MEASURED), RunJson.write(hp), hp.epochs());
        job.setStatus(status);
        job.setQueuedAt(queuedAt);
        return job;
    }

    @Test
    void aWaitingRunWaitsOneSliceOfTheLongRunAheadWithFairTurnsAndAllOfItFirstInFirstOut() {
        long me = learner();
        long other = learner();
        // This model trained at 1,000 images/s here.
        RunJob done = stored(me, Hyperparameters.defaults(), RunState.DONE, LONG_AGO);
        done.setDevice("cpu · PyTorch");
        done.setFinishedAt(Instant.now());
        done.setHistoryJson(RunJson.write(List.of(new ProgressListener.EpochReport(1, 0.5, 0.8, 0.5, 0.8, 0.001, 60, 1_000))));
        store.create(done);
        Hyperparameters long50 = Hyperparameters.defaults().withEpochs(50).withDevice(DeviceChoice.CPU);
        RunJob ahead = store.create(stored(other, long50, RunState.QUEUED, LONG_AGO));
        RunJob mine = store.create(stored(me, long50.withEpochs(1).withLimit(1_000), RunState.QUEUED,
                LONG_AGO.plusSeconds(1)));
        try {
            // 50 epochs × 54,000 images at 1,000/s, and 50 × 6,000 validation and 10,000 test images at 3,000/s.
            double aheadSeconds = 2_700 + 310_000 / 3_000.0;
            assertThat(queue.estimatedSeconds(ahead).getAsDouble()).isCloseTo(aheadSeconds, within(1e-6));

            RunQueue.Place fair = queue.place(mine);
            assertThat(fair.ahead()).isEqualTo(1);
            assertThat(fair.training()).isZero();
            assertThat(queue.settings().policy()).isEqualTo(QueuePolicy.FAIR);
            assertThat(fair.estimatedWait()).isEqualTo(queue.settings().slice());

            try (RunQueue fifo = new RunQueue(runs, store, scheduler, training,
                    new QueueSettings(false, "fifo", 1, 0, "cpu", QueuePolicy.FIFO, Duration.ofSeconds(30)), times,
                    RunBudgets.UNLIMITED)) {
                RunQueue.Place place = fifo.place(mine);
                assertThat(place.ahead()).isEqualTo(1);
                assertThat(place.estimatedWait().toMillis() / 1000.0).isCloseTo(aheadSeconds, within(0.001));
            }
            // A run queued now stands behind both.
            assertThat(queue.placeForNew().ahead()).isGreaterThanOrEqualTo(2);
        } finally {
            store.requestCancel(ahead.getId());
            store.requestCancel(mine.getId());
        }
    }
}
