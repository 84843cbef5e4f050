package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.account.AccountException;
import org.convlab.account.AppMode;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.AuditEvent;
import org.convlab.account.AuditLog;
import org.convlab.account.NotYours;
import org.convlab.account.Role;
import org.convlab.training.queue.RunBudget;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Which run budget applies to whom (docs/decisions/014), and teachers and the admin setting them.
 * The tests' configuration starts the server's defaults at "no limit"; a test that sets them puts
 * them back.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class ClassBudgetsTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired ClassBudgets budgets;
    @Autowired BudgetSettings settings;
    @Autowired BudgetDefaultsRepository defaults;
    @Autowired RunQueue queue;
    @Autowired AuditLog audit;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;

    ClassroomFixtures fx;
    AppUser admin;
    AppUser teacher;
    AppUser ann;
    int n;

    @BeforeEach
    void accounts() {
        fx = new ClassroomFixtures(users, classes, runs);
        n = N.incrementAndGet();
        admin = fx.user("budget.admin" + n, "Admin", Role.ADMIN);
        teacher = fx.user("budget.teacher" + n, "Ms Lovelace", Role.TEACHER);
        ann = fx.user("budget.ann" + n, "Ann", Role.LEARNER);
    }

    @AfterEach
    void serverDefaultsBackToTheStartValues() {
        defaults.save(new BudgetDefaults(null, null));
    }

    private SchoolClass room(Long images, Integer waiting, AppUser... learners) {
        SchoolClass room = fx.schoolClass("Budget room " + n + "-" + N.incrementAndGet(), teacher, learners);
        room.setBudget(images, waiting);
        return classes.save(room);
    }

    private Long newestEventId() {
        return audit.newest(admin).stream().findFirst().map(AuditEvent::getId).orElse(null);
    }

    @Test
    void aLearnerInNoClassGetsTheServersDefaults() {
        assertThat(budgets.budgetFor(ann.getId())).as("the tests start with no limit").isEqualTo(RunBudget.UNLIMITED);
        settings.setServerDefaults(admin, "100,000", "2");
        assertThat(budgets.budgetFor(ann.getId())).isEqualTo(new RunBudget(100_000, 2));
        assertThat(queue.budgetFor(ann.getId())).as("the queue asks the classroom").isEqualTo(new RunBudget(100_000, 2));
    }

    @Test
    void aClassesOwnLimitBeatsTheServersDefaultAndAnEmptyOneFollowsIt() {
        settings.setServerDefaults(admin, "100000", "2");
        room(250_000L, null, ann);
        assertThat(budgets.budgetFor(ann.getId())).isEqualTo(new RunBudget(250_000, 2));
        AppUser bo = fx.user("budget.bo" + n, "Bo", Role.LEARNER);
        room(null, 5, bo);
        assertThat(budgets.budgetFor(bo.getId())).isEqualTo(new RunBudget(100_000, 5));
        AppUser cy = fx.user("budget.cy" + n, "Cy", Role.LEARNER);
        room(0L, 0, cy);
        assertThat(budgets.budgetFor(cy.getId())).as("0 is no limit").isEqualTo(RunBudget.UNLIMITED);
    }

    @Test
    void aLearnerInSeveralClassesGetsTheMostGenerousLimitOfEach() {
        settings.setServerDefaults(admin, "100000", "2");
        room(300_000L, 1, ann);
        room(200_000L, 4, ann);
        assertThat(budgets.budgetFor(ann.getId())).isEqualTo(new RunBudget(300_000, 4));
        room(null, null, ann);
        assertThat(budgets.budgetFor(ann.getId())).as("a class on the defaults takes nothing away")
                .isEqualTo(new RunBudget(300_000, 4));
        room(0L, null, ann);
        assertThat(budgets.budgetFor(ann.getId())).as("no limit is the most generous")
                .isEqualTo(new RunBudget(0, 4));
    }

    @Test
    void teachersAndAdminsTrainWithoutLimits() {
        settings.setServerDefaults(admin, "100000", "2");
        assertThat(budgets.budgetFor(teacher.getId())).isEqualTo(RunBudget.UNLIMITED);
        assertThat(budgets.budgetFor(admin.getId())).isEqualTo(RunBudget.UNLIMITED);
    }

    @Test
    void thePersonalLearnerTrainsWithoutLimits() {
        settings.setServerDefaults(admin, "100000", "2");
        ClassBudgets personal = new ClassBudgets(users, classes, defaults, AppMode.PERSONAL, 250_000, 3);
        assertThat(personal.budgetFor(ann.getId())).isEqualTo(RunBudget.UNLIMITED);
    }

    @Test
    void theServersDefaultsStartAtTheConfiguredValuesUntilTheAdminSetsThem() {
        ClassBudgets configured = new ClassBudgets(users, classes, defaults, AppMode.CLASSROOM, 250_000, 3);
        assertThat(configured.serverDefaults()).isEqualTo(new RunBudget(250_000, 3));
        assertThat(configured.budgetFor(ann.getId())).isEqualTo(new RunBudget(250_000, 3));
        defaults.save(new BudgetDefaults(null, 5));
        assertThat(configured.serverDefaults()).as("a value left empty stays the start value")
                .isEqualTo(new RunBudget(250_000, 5));
    }

    @Test
    void aTeacherSetsTheirClassesBudgetAndItIsAudited() {
        SchoolClass room = room(null, null, ann);
        settings.setClassBudget(teacher, room.getId(), "200,000", "2");
        SchoolClass stored = classes.findById(room.getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isEqualTo(200_000L);
        assertThat(stored.getMaxWaitingRuns()).isEqualTo(2);
        assertThat(budgets.budgetFor(ann.getId())).isEqualTo(new RunBudget(200_000, 2));
        AuditEvent newest = audit.newest(admin).getFirst();
        assertThat(newest.getActor()).isEqualTo(teacher.getUsername());
        assertThat(newest.getAction()).isEqualTo(AuditAction.CLASS_BUDGET_CHANGED);
        assertThat(newest.getTarget()).isEqualTo("\"" + room.getName() + "\" (" + room.getJoinCode()
                + ") to 200,000 images × epochs per run, 2 waiting runs");

        settings.setClassBudget(teacher, room.getId(), "", " ");
        stored = classes.findById(room.getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isNull();
        assertThat(stored.getMaxWaitingRuns()).isNull();
        assertThat(audit.newest(admin).getFirst().getTarget()).endsWith(
                "to server default images × epochs per run, server default waiting runs");
    }

    @Test
    void badValuesAndOtherPeoplesClassesAreRefusedAndChangeNothing() {
        SchoolClass room = room(200_000L, 2, ann);
        AppUser other = fx.user("budget.other" + n, "Mr Babbage", Role.TEACHER);
        Long newestEvent = newestEventId();
        assertThatThrownBy(() -> settings.setClassBudget(teacher, room.getId(), "-5", "2"))
                .isInstanceOf(AccountException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> settings.setClassBudget(teacher, room.getId(), "200000", "lots"))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("Most waiting runs per learner must be");
        assertThatThrownBy(() -> settings.setClassBudget(teacher, room.getId(), "99999999999", "2"))
                .isInstanceOf(AccountException.class).hasMessageContaining("at most 10,000,000");
        assertThatThrownBy(() -> settings.setClassBudget(other, room.getId(), "1", "1"))
                .isInstanceOf(AccountException.class).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> settings.setClassBudget(ann, room.getId(), "0", "0"))
                .isInstanceOf(AccountException.class).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> settings.setClassBudget(teacher, -1, "1", "1"))
                .isInstanceOf(AccountException.class).hasMessage(NotYours.CLASS);
        assertThatThrownBy(() -> settings.setClassBudget(null, room.getId(), "1", "1"))
                .isInstanceOf(AccountException.class).hasMessage("Sign in first.");
        assertThatThrownBy(() -> settings.setServerDefaults(teacher, "0", "0"))
                .isInstanceOf(AccountException.class).hasMessage(BudgetSettings.ONLY_ADMIN);
        assertThatThrownBy(() -> settings.setServerDefaults(admin, "1e9", "0"))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("Most images × epochs per run must be");

        SchoolClass stored = classes.findById(room.getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isEqualTo(200_000L);
        assertThat(stored.getMaxWaitingRuns()).isEqualTo(2);
        assertThat(budgets.serverDefaults()).isEqualTo(RunBudget.UNLIMITED);
        assertThat(newestEventId()).as("nothing audited").isEqualTo(newestEvent);
    }

    @Test
    void theAdminsDefaultsAreAudited() {
        settings.setServerDefaults(admin, "150,000", "");
        assertThat(settings.defaults().maxImageEpochs()).isEqualTo(150_000L);
        assertThat(settings.defaults().maxWaitingRuns()).isNull();
        AuditEvent newest = audit.newest(admin).getFirst();
        assertThat(newest.getAction()).isEqualTo(AuditAction.DEFAULT_BUDGET_CHANGED);
        assertThat(newest.getTarget()).isEqualTo("the server to 150,000 images × epochs per run, start value waiting runs");
    }
}
