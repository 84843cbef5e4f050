package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TestModels;
import org.convlab.training.engine.RunState;
import org.convlab.model.ModelSpecJson;
import java.nio.file.Path;
import java.util.function.Predicate;
@Tag("database")
@SpringBootTest
class RunQueueTest {

    @Autowired RunQueue queue;
    @Autowired RunJobRepository runs;
    @Autowired AppUserRepository users;
    @Autowired RunJobStore store;
    @Autowired com.github.kagkarlsson.scheduler.SchedulerClient scheduler;
    @Value("${convlab.runs-dir}") Path runsDir;

    private long learner() {
        String name = "l" + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", Role.LEARNER)).getId();
    }

    static Hyperparameters tiny() {
        return Hyperparameters.defaults().withEpochs(1).withBatchSize(32).withLimit(600).withDevice(DeviceChoice.CPU);
    }

    private RunJob await(String id, Predicate<RunJob> condition) throws InterruptedException {
        return await(runs, id, condition);
    }

    /** The stored run once {@code condition} holds (or as it is after three minutes). */
    static RunJob await(RunJobRepository runs, String id, Predicate<RunJob> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        RunJob job = runs.findById(id).orElseThrow();
        while (!condition.test(job) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = runs.findById(id).orElseThrow();
        }
        return job;
    }

    @Test
    void aQueuedRunIsTrainedByTheWorkerAndEverythingAboutItIsStored() throws InterruptedException {
        long owner = learner();
        RunJob job = queue.submit(owner, TestModels.tinyCnn().spec(), tiny().withEpochs(2));
        assertThat(job.getStatus()).isEqualTo(RunState.QUEUED);

        RunJob done = await(job.getId(), j -> j.getStatus().finished());
        assertThat(done.getStatus()).as(done.getProblem()).isEqualTo(RunState.DONE);
        assertThat(done.getOwnerId()).isEqualTo(owner);
        assertThat(done.getEpochsDone()).isEqualTo(2);
        assertThat(RunJson.history(done.getHistoryJson())).hasSize(2);
        assertThat(done.getTestAccuracy()).isBetween(0.3, 1.0);
        assertThat(RunJson.metrics(done.getMetricsJson()).confusionMatrix()).hasNumberOfRows(10);
        assertThat(done.getParams()).isEqualTo(TestModels.tinyCnn().totalParams());
        assertThat(done.getDevice()).startsWith("cpu");
        assertThat(done.getTrainSeconds()).isPositive();
        assertThat(done.getStartedAt()).isAfterOrEqualTo(done.getSubmittedAt());
        assertThat(done.getFinishedAt()).isAfterOrEqualTo(done.getStartedAt());
        assertThat(Path.of(done.getDir()).resolve("run.json")).exists();
        assertThat(RunJobExecutor.checkpointDir(runsDir, job.getId()))
                .as("checkpoint removed once the run is saved").doesNotExist();
        LiveRun watched = queue.watch(job.getId()).orElseThrow();
        assertThat(watched.state()).isEqualTo(RunState.DONE);
        assertThat(watched.epochs()).hasSize(2);
    }

    @Test
    void oneRunPerLearnerAtATimeAndALearnersSecondRunWaitsBehindOthers() throws InterruptedException {
        long a = learner();
        long b = learner();
        RunJob a1 = queue.submit(a, TestModels.tinyCnn().spec(), tiny());
        RunJob a2 = queue.submit(a, TestModels.tinyCnn().spec(), tiny());
        RunJob b1 = queue.submit(b, TestModels.tinyCnn().spec(), tiny());
        List<RunJob> finished = List.of(await(a1.getId(), j -> j.getStatus().finished()),
                await(a2.getId(), j -> j.getStatus().finished()), await(b1.getId(), j -> j.getStatus().finished()));
        assertThat(finished).allSatisfy(j -> assertThat(j.getStatus()).isEqualTo(RunState.DONE));
        List<String> order = finished.stream().sorted(Comparator.comparing(RunJob::getStartedAt)).map(RunJob::getId).toList();
        assertThat(order).containsExactly(a1.getId(), b1.getId(), a2.getId());
    }

    @Test
    void aWaitingRunCanBeCancelledOrMovedToTheFront() throws InterruptedException {
        long a = learner();
        long b = learner();
        long c = learner();
        RunJob first = queue.submit(a, TestModels.tinyCnn().spec(), tiny().withEpochs(3));
        RunJob second = queue.submit(b, TestModels.tinyCnn().spec(), tiny());
        RunJob third = queue.submit(c, TestModels.tinyCnn().spec(), tiny());
        RunJob dropped = queue.submit(c, TestModels.tinyCnn().spec(), tiny());

        assertThat(queue.cancel(dropped.getId())).get().extracting(RunJob::getStatus).isEqualTo(RunState.CANCELLED);
        assertThat(queue.moveToFront(third.getId())).isTrue();
        RunJob thirdNow = runs.findById(third.getId()).orElseThrow();
        if (thirdNow.getStatus() == RunState.QUEUED) {
            assertThat(queue.place(thirdNow).ahead()).isZero();
            RunJob secondNow = runs.findById(second.getId()).orElseThrow();
            assertThat(queue.place(secondNow).ahead()).isPositive();
            assertThat(queue.place(secondNow).estimatedWait()).isPositive();
        }

        RunJob t = await(third.getId(), j -> j.getStatus().finished());
        RunJob s = await(second.getId(), j -> j.getStatus().finished());
        await(first.getId(), j -> j.getStatus().finished());
        assertThat(t.getStartedAt()).isBefore(s.getStartedAt());
        RunJob d = runs.findById(dropped.getId()).orElseThrow();
        assertThat(d.getStatus()).isEqualTo(RunState.CANCELLED);
        assertThat(d.getStartedAt()).as("a cancelled waiting run never starts").isNull();
    }

    @Test
    void aRunningRunStopsWhenCancelled() throws InterruptedException {
        long a = learner();
        RunJob job = queue.submit(a, TestModels.tinyCnn().spec(), tiny().withEpochs(50).withLimit(null));
        await(job.getId(), j -> j.getStatus() == RunState.RUNNING && j.getProgressJson() != null);
        queue.cancel(job.getId());
        RunJob stopped = await(job.getId(), j -> j.getStatus().finished());
        assertThat(stopped.getStatus()).isEqualTo(RunState.CANCELLED);
        assertThat(stopped.getFinishedAt()).isNotNull();
    }

    @Test
    void anImpossibleModelIsRefusedAndNothingIsStored() {
        long a = learner();
        long before = runs.count();
        assertThatThrownBy(() -> queue.submit(a, new ModelSpec("bad", List.of()), tiny()))
                .isInstanceOf(InvalidModelException.class);
        assertThat(runs.count()).isEqualTo(before);
    }

    /** A run stored by some other way in, bypassing submit's checks (an older version, a direct insert). */
    private RunJob storedDirectly(long owner, Hyperparameters hp) {
        String id = "stored-" + UUID.randomUUID().toString().substring(0, 8);
        RunJob job = store.create(new RunJob(id, owner, "stored", ModelSpecJson.write(TestModels.tinyCnn().spec()),
                RunJson.write(hp), hp.epochs()));
        scheduler.schedule(new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>(RunJobExecutor.TASK, id),
                java.time.Instant.now());
        return job;
    }

    @Test
    void aStoredRunBeyondTheServersLimitsFailsOnceClearlyWithoutReachingTheEngine() throws InterruptedException {
        RunJob job = storedDirectly(learner(), tiny().withThreads(100_000));
        RunJob failed = await(job.getId(), j -> j.getStatus().finished());
        assertThat(failed.getStatus()).isEqualTo(RunState.FAILED);
        assertThat(failed.getProblem()).startsWith("This run cannot be trained on this server: threads is 100000");
        assertThat(failed.getProblemText().in(java.util.Locale.GERMAN))
                .startsWith("Dieser Lauf kann auf diesem Server nicht trainiert werden: ");
        assertThat(failed.getEpochsDone()).isZero();
        assertThat(failed.getStartedAt()).as("claimed once").isNotNull();
    }

    @Test
    void aRunThatKeepsKillingItsServerIsFailedInsteadOfResumedForever() {
        long owner = learner();
        String id = "crashy-" + UUID.randomUUID().toString().substring(0, 8);
        RunJob job = new RunJob(id, owner, "crashy", ModelSpecJson.write(TestModels.tinyCnn().spec()),
                RunJson.write(tiny()), 1);
        job.setStatus(RunState.RUNNING);  // as a server that died while training leaves it
        store.create(job);
        for (int restart = 1; restart < RunJobStore.MAX_STALLED_RESUMES; restart++) {
            assertThat(store.claim(id, "w", 0, 0, "cpu")).as("resume " + restart).isInstanceOf(RunJobStore.Claim.Run.class);
            RunJob again = runs.findById(id).orElseThrow();
            again.setStatus(RunState.RUNNING);  // ...and died again before an epoch finished
            runs.save(again);
        }
        assertThat(store.claim(id, "w", 0, 0, "cpu")).isInstanceOf(RunJobStore.Claim.Gone.class);
        RunJob failed = runs.findById(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(RunState.FAILED);
        assertThat(failed.getProblem()).contains("stopped its server 3 times in a row").contains("not started again");
        // Stored as words: a German learner reads it in German.
        assertThat(failed.getProblemText().in(java.util.Locale.GERMAN))
                .startsWith("Dieser Lauf hat seinen Server 3-mal hintereinander angehalten");
    }

    @Test
    void aFinishedEpochBetweenInterruptionsKeepsTheRunResumable() {
        String id = "steady-" + UUID.randomUUID().toString().substring(0, 8);
        RunJob job = new RunJob(id, learner(), "steady", ModelSpecJson.write(TestModels.tinyCnn().spec()),
                RunJson.write(tiny().withEpochs(10)), 10);
        job.setStatus(RunState.RUNNING);
        store.create(job);
        for (int restart = 1; restart <= RunJobStore.MAX_STALLED_RESUMES + 2; restart++) {
            assertThat(store.claim(id, "w", 0, 0, "cpu")).isInstanceOf(RunJobStore.Claim.Run.class);
            LiveRun live = new LiveRun(id, TestModels.tinyCnn(), tiny().withEpochs(10), java.time.Instant.now());
            for (int epoch = 1; epoch <= restart; epoch++) {
                live.onEpoch(new ProgressListener.EpochReport(epoch, 1, 0.5, 1, 0.5, 0.001, 1, 100));
            }
            store.progress(id, live.snapshot());
        }
        assertThat(runs.findById(id).orElseThrow().getStatus()).isEqualTo(RunState.RUNNING);
    }

    @Autowired @org.springframework.beans.factory.annotation.Qualifier("trainingWorker")
    org.springframework.context.SmartLifecycle worker;

    /** Spring stops and restarts a worker (a paused test context, say): it must train again after. */
    @Test
    void aWorkerStoppedAndStartedAgainTrainsAgain() throws InterruptedException {
        worker.stop();
        worker.start();
        RunJob job = queue.submit(learner(), TestModels.tinyCnn().spec(), tiny());
        RunJob done = await(job.getId(), j -> j.getStatus().finished());
        assertThat(done.getStatus()).as(done.getProblem()).isEqualTo(RunState.DONE);
    }

    /** Lesson 9's live network: queued like any run (budget, turns, cancel), but not among the learner's runs. */
    @Test
    void aLessonsRunTakesItsTurnInTheQueueButStaysOutOfTheLearnersRuns() {
        long owner = learner();
        RunJob own = queue.submit(owner, TestModels.tinyCnn().spec(), tiny());
        RunJob lesson = queue.submitForLesson(owner, "learning", TestModels.tinyCnn().spec(), tiny());
        assertThat(lesson.isLessonRun()).isTrue();
        assertThat(lesson.getGridLabel()).isEqualTo("learning");
        assertThat(own.isLessonRun()).isFalse();
        assertThat(queue.runsOf(owner)).extracting(RunJob::getId).containsExactly(own.getId());
        assertThat(queue.gridsOf(owner)).isEmpty();
        assertThat(queue.find(lesson.getId())).isPresent();
        assertThat(queue.cancel(lesson.getId())).isPresent();
        queue.cancel(own.getId());
        assertThatThrownBy(() -> queue.submitForLesson(owner, "learning", new ModelSpec("bad", List.of()), tiny()))
                .isInstanceOf(InvalidModelException.class);
    }
}
