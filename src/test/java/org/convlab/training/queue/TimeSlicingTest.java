package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.data.Offset;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.TestModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Time slicing on a real worker, with one-second slices: a long run gives its worker to other
 * learners' short runs, which finish while it waits its next turn, and it still ends exactly as the
 * same run trained alone (which is never paused).
 */
@Tag("database")
@SpringBootTest(properties = "convlab.queue.slice-seconds=1")
class TimeSlicingTest {

    @Autowired RunQueue queue;
    @Autowired RunJobRepository runs;
    @Autowired AppUserRepository users;
    @Autowired MeterRegistry registry;
    @org.springframework.beans.factory.annotation.Value("${convlab.runs-dir}") java.nio.file.Path runsDir;

    private long learner() {
        String name = "s" + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", Role.LEARNER)).getId();
    }

    private RunJob await(String id, Predicate<RunJob> condition) throws InterruptedException {
        return RunQueueTest.await(runs, id, condition);
    }

    static Hyperparameters longRun() {
        // Some seconds of training: several one-second slices. One thread, so two runs compare exactly.
        return Hyperparameters.defaults().withEpochs(3).withBatchSize(32).withLimit(4000).withDevice(DeviceChoice.CPU)
                .withThreads(1);
    }

    @Test
    void shortRunsFinishWhileALongRunWaitsItsNextTurnAndTheLongRunEndsAsIfNeverPaused() throws InterruptedException {
        RunJob longRun = queue.submit(learner(), TestModels.tinyCnn().spec(), longRun());
        await(longRun.getId(), j -> j.getStatus() == RunState.RUNNING);
        RunJob shortB = queue.submit(learner(), TestModels.tinyCnn().spec(), RunQueueTest.tiny());
        RunJob shortC = queue.submit(learner(), TestModels.tinyCnn().spec(), RunQueueTest.tiny());

        RunJob b = await(shortB.getId(), j -> j.getStatus().finished());
        RunJob c = await(shortC.getId(), j -> j.getStatus().finished());
        RunJob longWhenShortsDone = runs.findById(longRun.getId()).orElseThrow();
        assertThat(b.getStatus()).as(b.getProblem()).isEqualTo(RunState.DONE);
        assertThat(c.getStatus()).as(c.getProblem()).isEqualTo(RunState.DONE);
        assertThat(longWhenShortsDone.getStatus().finished()).as("the long run is still going when the short ones are done").isFalse();
        assertThat(b.getTurns()).as("a short run fits in its slice").isEqualTo(1);

        RunJob sliced = await(longRun.getId(), j -> j.getStatus().finished());
        assertThat(sliced.getStatus()).as(sliced.getProblem()).isEqualTo(RunState.DONE);
        assertThat(sliced.getTurns()).as("the long run paused for the short ones").isGreaterThanOrEqualTo(2);

        // The same run alone: never paused, and the sliced run ended exactly where it ends.
        RunJob alone = await(queue.submit(learner(), TestModels.tinyCnn().spec(), longRun()).getId(),
                j -> j.getStatus().finished());
        assertThat(alone.getStatus()).as(alone.getProblem()).isEqualTo(RunState.DONE);
        assertThat(alone.getTurns()).as("alone on the worker, a run is never sliced").isEqualTo(1);
        List<EpochReport> expected = RunJson.history(alone.getHistoryJson());
        List<EpochReport> actual = RunJson.history(sliced.getHistoryJson());
        assertThat(actual).hasSize(3);
        for (int e = 0; e < 3; e++) {
            assertThat(actual.get(e).loss()).as("epoch " + (e + 1) + " loss").isCloseTo(expected.get(e).loss(), Offset.offset(1e-5));
            assertThat(actual.get(e).validationLoss()).as("epoch " + (e + 1) + " validation loss")
                    .isCloseTo(expected.get(e).validationLoss(), Offset.offset(1e-5));
        }
        assertThat(sliced.getTestAccuracy()).isEqualTo(alone.getTestAccuracy());

        // Each turn's length is a metric for whoever runs the server.
        Timer slices = registry.find("convlab.queue.slice").timer();
        assertThat(slices).isNotNull();
        assertThat(slices.count()).isGreaterThanOrEqualTo(sliced.getTurns() + 3L);
        assertThat(RunJobExecutor.checkpointDir(runsDir, sliced.getId())).doesNotExist();
    }
}
