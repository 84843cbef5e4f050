package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import org.convlab.i18n.Text;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.TestModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The order of turns under time slicing, played turn by turn the way a worker plays it (claim, send
 * the learner's other runs to the back, then pause or finish), with db-scheduler's own due times
 * choosing the next run. No worker runs here, so every turn is the test's.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class FairTurnsTest {

    @Autowired RunQueue queue;
    @Autowired RunJobStore store;
    @Autowired RunJobRepository runs;
    @Autowired SchedulerClient scheduler;
    @Autowired AppUserRepository users;

    /** A test clock: every turn and pause is a slice later, and never before the runs were submitted. */
    private Instant now = Instant.EPOCH;

    private void aSliceLater() {
        Instant real = Instant.now();
        now = (now.isAfter(real) ? now : real).plusSeconds(30);
    }

    private long learner(String name) {
        String unique = name + UUID.randomUUID().toString().substring(0, 6);
        return users.save(new AppUser(unique, unique, "{noop}x", Role.LEARNER)).getId();
    }

    private String submit(long owner) {
        return queue.submit(owner, TestModels.tinyCnn().spec(), RunQueueTest.tiny()).getId();
    }

    /** The run db-scheduler hands out next among {@code ours}: the earliest due. */
    private String nextDue(Set<String> ours) {
        List<ScheduledExecution<Void>> due = new ArrayList<>();
        scheduler.fetchScheduledExecutionsForTask(RunJobExecutor.TASK, Void.class, due::add);
        return due.stream().filter(e -> ours.contains(e.getTaskInstance().getId()))
                .min(Comparator.comparing(ScheduledExecution::getExecutionTime))
                .map(e -> e.getTaskInstance().getId()).orElseThrow();
    }

    /** One turn: the worker claims the run and, as under the fair policy, sends the owner's others to the back. */
    private RunJob turn(String id) {
        aSliceLater();
        RunJobStore.Claim claim = store.claim(id, "test-worker", 1, 0, "cpu");
        assertThat(claim).as("claim of " + id).isInstanceOf(RunJobStore.Claim.Run.class);
        RunJob job = ((RunJobStore.Claim.Run) claim).job();
        for (RunJob other : store.sendOthersToBack(job, now)) {
            scheduler.reschedule(RunJobExecutor.instance(other.getId()), other.getQueuedAt());
        }
        return job;
    }

    private void pause(String id) {
        aSliceLater();
        Instant next = store.pause(id, new LiveRun.Snapshot(RunState.QUEUED, null, null, List.of(), List.of(), null,
                null, null, null), now).orElseThrow();
        scheduler.reschedule(RunJobExecutor.instance(id), next);
    }

    private void finish(String id) {
        store.fail(id, Text.of("training.stored.as-written", "finished by the test"));
        scheduler.cancel(RunJobExecutor.instance(id));
    }

    /** Plays turns until every run had {@code turnsEach} turns; returns whose each turn was. */
    private List<String> play(Map<String, String> ownerOf, int turnsEach) {
        Map<String, Integer> had = new HashMap<>();
        List<String> order = new ArrayList<>();
        Set<String> left = new java.util.HashSet<>(ownerOf.keySet());
        while (!left.isEmpty()) {
            String id = nextDue(left);
            RunJob job = turn(id);
            assertThat(job.getTurns()).isEqualTo(had.getOrDefault(id, 0) + 1);
            order.add(ownerOf.get(id));
            if (had.merge(id, 1, Integer::sum) == turnsEach) {
                finish(id);
                left.remove(id);
            } else {
                pause(id);
            }
        }
        return order;
    }

    @Test
    void eachLearnerGetsOneTurnPerRoundHoweverManyRunsTheyQueued() {
        long a = learner("a");
        long b = learner("b");
        long c = learner("c");
        Map<String, String> ownerOf = new HashMap<>();
        // A queues three runs first, then B one, then C two: first in, first out would serve A three times.
        for (int i = 0; i < 3; i++) {
            ownerOf.put(submit(a), "A");
        }
        ownerOf.put(submit(b), "B");
        ownerOf.put(submit(c), "C");
        ownerOf.put(submit(c), "C");

        List<String> order = play(ownerOf, 2);

        // Worked out by hand: one turn per learner per round until B, then C, run out of runs.
        assertThat(order).containsExactly("A", "B", "C", "A", "B", "C", "A", "C", "A", "C", "A", "A");
    }

    @Test
    void aGridCountsAsItsLearnersRunsAndTakesOneTurnPerRound() {
        long a = learner("a");
        long b = learner("b");
        Map<String, String> ownerOf = new HashMap<>();
        ExperimentGrid grid = ExperimentGrid.of(ExperimentGrid.Kind.BATCH_SIZE, TestModels.tinyCnn().spec(),
                RunQueueTest.tiny());
        for (RunJob variant : queue.submitGrid(a, grid)) {
            ownerOf.put(variant.getId(), "A");
        }
        ownerOf.put(submit(b), "B");
        assertThat(ownerOf).hasSizeGreaterThan(3);

        List<String> order = play(ownerOf, 1);

        // B's single run comes second, not after the whole grid.
        assertThat(order.subList(0, 2)).containsExactly("A", "B");
        assertThat(order.subList(2, order.size())).containsOnly("A");
    }

    @Test
    void aTeachersToTheFrontGivesAPausedRunTheNextTurn() {
        long a = learner("a");
        long b = learner("b");
        long c = learner("c");
        String runA = submit(a);
        String runB = submit(b);
        String runC = submit(c);
        Set<String> ours = Set.of(runA, runB, runC);
        turn(nextDue(ours));
        pause(runA);
        // The queue is now B, C, A: the teacher moves A's paused run ahead of them.
        assertThat(runs.findById(runA).orElseThrow().isPaused()).isTrue();
        assertThat(queue.moveToFront(runA)).isTrue();
        assertThat(nextDue(ours)).isEqualTo(runA);
        assertThat(queue.place(runs.findById(runA).orElseThrow()).ahead()).as("ahead of every waiting run").isZero();
        for (String id : ours) {
            finish(id);
        }
    }

    @Test
    void aRunCancelledWhileItPausesEndsCancelledInsteadOfWaitingAgain() {
        String id = submit(learner("a"));
        turn(nextDue(Set.of(id)));
        queue.cancel(id);
        assertThat(store.pause(id, new LiveRun.Snapshot(RunState.QUEUED, null, null, List.of(), List.of(), null,
                null, null, null), now)).isEmpty();
        assertThat(runs.findById(id).orElseThrow().getStatus()).isEqualTo(RunState.CANCELLED);
        scheduler.cancel(RunJobExecutor.instance(id));
    }
}
