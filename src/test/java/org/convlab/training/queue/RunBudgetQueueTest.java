package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.BudgetSettings;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;
import org.convlab.training.engine.ExperimentGrid;
import org.convlab.training.engine.Hyperparameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs beyond the learner's budget are refused before anything is queued, by {@link RunQueue#submit}
 * and {@link RunQueue#submitGrid} alike, saying what to change. The worker is off, so queued runs
 * stay waiting and the counts are exact.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class RunBudgetQueueTest {

    @Autowired RunQueue queue;
    @Autowired RunJobStore store;
    @Autowired RunJobRepository runs;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired BudgetSettings settings;
    @Autowired DataSource dataSource;

    AppUser teacher;
    AppUser learner;

    private AppUser account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", role));
    }

    @BeforeEach
    void aLearnerInAClassOf250000ImageEpochsAndThreeWaitingRuns() {
        teacher = account("bt", Role.TEACHER);
        learner = account("bl", Role.LEARNER);
        SchoolClass room = new SchoolClass("Budgets", "BQ-" + UUID.randomUUID().toString().substring(0, 8), teacher);
        room.getMembers().add(learner);
        room.setBudget(250_000L, 3);
        classes.save(room);
    }

    @AfterEach
    void serverDefaultsBack() {
        new JdbcTemplate(dataSource).update("update run_budget_default set max_image_epochs = null, max_waiting_runs = null");
    }

    private static ModelSpec dense() {
        return Presets.get("dense");
    }

    private static Hyperparameters small() {
        return Hyperparameters.defaults().withEpochs(1).withLimit(1000);
    }

    /** Everything the queue holds: its runs and db-scheduler's tasks. */
    private List<Long> queueNow() {
        return List.of(runs.count(), new JdbcTemplate(dataSource).queryForObject("select count(*) from scheduled_tasks",
                Long.class));
    }

    @Test
    void theQueueSaysWhichBudgetApplies() {
        assertThat(queue.budgetFor(learner.getId())).isEqualTo(new RunBudget(250_000, 3));
        assertThat(queue.budgetFor(teacher.getId())).isEqualTo(RunBudget.UNLIMITED);
    }

    @Test
    void aRunOverTheImagesTimesEpochsIsRefusedSayingWhatToChange() {
        List<Long> before = queueNow();
        assertThatThrownBy(() -> queue.submit(learner.getId(), dense(), Hyperparameters.defaults().withEpochs(5)))
                .isInstanceOf(OverBudgetException.class).isInstanceOf(InvalidModelException.class)
                .hasMessage("This run would train on 60,000 images × 5 epochs = 300,000; your runs may use at most "
                        + "250,000 each. Choose at most 50,000 images, or at most 4 epochs.");
        assertThatThrownBy(() -> queue.submit(learner.getId(), dense(),
                Hyperparameters.defaults().withEpochs(100).withLimit(30_000)))
                .hasMessage("This run would train on 30,000 images × 100 epochs = 3,000,000; your runs may use at "
                        + "most 250,000 each. Choose at most 2,500 images, or at most 8 epochs.");
        assertThatThrownBy(() -> queue.submit(learner.getId(), dense(),
                Hyperparameters.defaults().withEpochs(5).withLimit(1_000_000)))
                .as("a limit above the data set counts as the data set")
                .hasMessageStartingWith("This run would train on 60,000 images × 5 epochs = 300,000;");
        assertThat(queueNow()).as("nothing queued").isEqualTo(before);

        RunJob fits = queue.submit(learner.getId(), dense(), Hyperparameters.defaults().withEpochs(5).withLimit(50_000));
        assertThat(runs.findById(fits.getId())).isPresent();
    }

    @Test
    void aRunBeyondTheWaitingRunsIsRefusedUntilOneIsCancelled() {
        RunJob first = queue.submit(learner.getId(), dense(), small());
        queue.submit(learner.getId(), dense(), small());
        queue.submit(learner.getId(), dense(), small());
        List<Long> before = queueNow();
        assertThatThrownBy(() -> queue.submit(learner.getId(), dense(), small()))
                .isInstanceOf(OverBudgetException.class)
                .hasMessage("You already have 3 runs waiting, the most you may have. Wait for one to start, or cancel one.");
        assertThat(queueNow()).as("nothing queued").isEqualTo(before);

        queue.cancel(first.getId());
        assertThat(queue.submit(learner.getId(), dense(), small()).getOwnerId()).isEqualTo(learner.getId());
    }

    /** A run paused between turns (time slicing) has started: it does not count as waiting. */
    @Test
    void aRunPausedBetweenTurnsIsNotCountedAsWaiting() {
        RunJob first = queue.submit(learner.getId(), dense(), small());
        queue.submit(learner.getId(), dense(), small());
        queue.submit(learner.getId(), dense(), small());
        assertThat(store.claim(first.getId(), "test-worker", 1, 0, "cpu")).isInstanceOf(RunJobStore.Claim.Run.class);
        store.pause(first.getId(), new LiveRun.Snapshot(org.convlab.training.engine.RunState.QUEUED, null, null,
                List.of(), List.of(), null, null, null, null), java.time.Instant.now());
        assertThat(runs.findById(first.getId()).orElseThrow().isPaused()).isTrue();

        RunJob fourth = queue.submit(learner.getId(), dense(), small());
        assertThat(runs.findById(fourth.getId())).as("two waiting and one paused: room for a third").isPresent();
        assertThatThrownBy(() -> queue.submit(learner.getId(), dense(), small()))
                .hasMessageStartingWith("You already have 3 runs waiting");
    }

    @Test
    void aGridCountsAsTheLearnersRunsAndIsRefusedWhole() {
        ModelSpec cnn = Presets.get("baseline-cnn");
        List<Long> before = queueNow();
        assertThatThrownBy(() -> queue.submitGrid(learner.getId(),
                ExperimentGrid.of(ExperimentGrid.Kind.REGULARIZATION, cnn, small())))
                .isInstanceOf(OverBudgetException.class)
                .hasMessage("This grid would queue 5 runs, but you may have at most 3 runs waiting. Train the "
                        + "variants one at a time, or ask your teacher for a larger limit.");
        assertThatThrownBy(() -> queue.submitGrid(learner.getId(),
                ExperimentGrid.of(ExperimentGrid.Kind.POOLING, cnn, Hyperparameters.defaults().withEpochs(5))))
                .isInstanceOf(OverBudgetException.class)
                .hasMessage("Each run of this grid would train on 60,000 images × 5 epochs = 300,000; your runs may "
                        + "use at most 250,000 each. Choose at most 50,000 images, or at most 4 epochs.");
        assertThat(queueNow()).as("nothing queued").isEqualTo(before);

        queue.submit(learner.getId(), dense(), small());
        queue.submit(learner.getId(), dense(), small());
        List<Long> withTwo = queueNow();
        assertThatThrownBy(() -> queue.submitGrid(learner.getId(),
                ExperimentGrid.of(ExperimentGrid.Kind.POOLING, cnn, small())))
                .isInstanceOf(OverBudgetException.class)
                .hasMessage("This grid would queue 2 runs beside the 2 you have waiting; you may have at most 3 runs "
                        + "waiting. Wait for one of yours to start, or cancel one.");
        assertThat(queueNow()).as("nothing queued").isEqualTo(withTwo);
    }

    @Test
    void aGridWithinTheBudgetIsQueued() {
        List<RunJob> grid = queue.submitGrid(learner.getId(),
                ExperimentGrid.of(ExperimentGrid.Kind.POOLING, Presets.get("baseline-cnn"), small()));
        assertThat(grid).hasSize(2);
        assertThat(runs.countByOwnerIdAndStatus(learner.getId(), org.convlab.training.engine.RunState.QUEUED))
                .isEqualTo(2);
    }

    @Test
    void teachersRunsHaveNoLimit() {
        for (int i = 0; i < 5; i++) {
            queue.submit(teacher.getId(), dense(), Hyperparameters.defaults().withEpochs(10));
        }
        assertThat(runs.countByOwnerIdAndStatus(teacher.getId(), org.convlab.training.engine.RunState.QUEUED))
                .isEqualTo(5);
    }

    @Test
    void aLearnerInNoClassIsHeldToTheServersDefaults() {
        AppUser loner = account("bn", Role.LEARNER);
        AppUser admin = account("ba", Role.ADMIN);
        settings.setServerDefaults(admin, "60000", "1");
        queue.submit(loner.getId(), dense(), small());
        List<Long> before = queueNow();
        assertThatThrownBy(() -> queue.submit(loner.getId(), dense(), small()))
                .hasMessage("You already have 1 run waiting, the most you may have. Wait for one to start, or cancel one.");
        assertThatThrownBy(() -> queue.submit(loner.getId(), dense(), Hyperparameters.defaults().withEpochs(2)))
                .hasMessage("This run would train on 60,000 images × 2 epochs = 120,000; your runs may use at most "
                        + "60,000 each. Choose at most 30,000 images, or at most 1 epoch.");
        assertThat(queueNow()).isEqualTo(before);
    }
}
