package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.classroom.AccountService;
import org.convlab.classroom.ClassBudgets;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.training.queue.RunBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Run budgets on the classes page (a class's own) and the admin page (the server's defaults). */
@Tag("database")
@SpringBootTest
class BudgetPagesTest extends SpringBrowserlessTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired AccountService accounts;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired ClassBudgets budgets;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;

    @AfterEach
    void serverDefaultsBack() {
        new JdbcTemplate(dataSource).update("update run_budget_default set max_image_epochs = null, max_waiting_runs = null");
    }

    private record Room(ClassesView view, SchoolClass room, AppUser learner) {}

    private Room teacherOnTheirClass() {
        int n = N.incrementAndGet();
        AppUser teacher = TestAccounts.ensure(users, encoder, "budget.page.teacher" + n, Role.TEACHER);
        SchoolClass room = accounts.createClass(teacher, "Budget room " + n);
        AppUser learner = accounts.registerLearner("budget.page.ann" + n, "Ann", "ann-password", room.getJoinCode());
        TestAccounts.signIn(teacher);
        ClassesView view = navigate(ClassesView.class);
        test(view.classes).select(0);
        return new Room(view, room, learner);
    }

    @Test
    void aTeacherSetsTheirClassesBudgetAndEmptyMeansTheServersDefault() {
        Room r = teacherOnTheirClass();
        BudgetForm form = r.view().budget;
        assertThat(form.imageEpochs.getLabel()).isEqualTo("Most images × epochs per run");
        assertThat(form.waitingRuns.getLabel()).isEqualTo("Most waiting runs per learner");
        assertThat(form.imageEpochs.getValue()).isEmpty();
        assertThat(form.imageEpochs.getPlaceholder()).isEqualTo("server default: no limit");

        test(form.imageEpochs).setValue("200,000");
        test(form.waitingRuns).setValue("2");
        test(form.save).click();
        assertThat(form.result.getText()).isEqualTo("Saved. Learners of " + r.room().getName()
                + " may now use at most 200,000 images × epochs a run and at most 2 waiting runs.");
        assertThat(form.result.getElement().getAttribute("role")).isEqualTo("status");
        SchoolClass stored = classes.findById(r.room().getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isEqualTo(200_000L);
        assertThat(stored.getMaxWaitingRuns()).isEqualTo(2);
        assertThat(budgets.budgetFor(r.learner().getId())).isEqualTo(new RunBudget(200_000, 2));
        assertThat(form.imageEpochs.getValue()).isEqualTo("200,000");

        test(form.imageEpochs).setValue("");
        test(form.waitingRuns).setValue("");
        test(form.save).click();
        stored = classes.findById(r.room().getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isNull();
        assertThat(stored.getMaxWaitingRuns()).isNull();
        assertThat(form.result.getText()).endsWith("may now use any number of images × epochs a run and any "
                + "number of waiting runs.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5|2|imageEpochs|Most images × epochs per run cannot be negative: type 0 for no limit, or leave it empty.",
            "200000|-1|waitingRuns|Most waiting runs per learner cannot be negative: type 0 for no limit, or leave it empty.",
            "lots|2|imageEpochs|Most images × epochs per run must be a whole number like 250,000, not \"lots\" (0 means no limit).",
            "200000|two|waitingRuns|Most waiting runs per learner must be a whole number like 3, not \"two\" (0 means no limit).",
            "1e6|2|imageEpochs|Most images × epochs per run must be a whole number like 250,000, not \"1e6\" (0 means no limit).",
            "99999999999999999999|2|imageEpochs|Most images × epochs per run can be at most 10,000,000 (0 means no limit).",
            "200000|100000|waitingRuns|Most waiting runs per learner can be at most 100 (0 means no limit).",
            "200000|2.5|waitingRuns|Most waiting runs per learner must be a whole number like 3, not \"2.5\" (0 means no limit)."})
    void aBadValueMarksItsFieldSaysWhyAndChangesNothing(String images, String waiting, String field, String message) {
        Room r = teacherOnTheirClass();
        BudgetForm form = r.view().budget;
        test(form.imageEpochs).setValue(images);
        test(form.waitingRuns).setValue(waiting);
        test(form.save).click();
        var wrong = field.equals("imageEpochs") ? form.imageEpochs : form.waitingRuns;
        var right = field.equals("imageEpochs") ? form.waitingRuns : form.imageEpochs;
        assertThat(wrong.isInvalid()).isTrue();
        assertThat(wrong.getErrorMessage()).isEqualTo(message);
        assertThat(right.isInvalid()).isFalse();
        assertThat(form.result.getText()).isEqualTo("Nothing was changed: " + message);
        assertThat(form.result.getElement().getAttribute("role")).isEqualTo("alert");
        SchoolClass stored = classes.findById(r.room().getId()).orElseThrow();
        assertThat(stored.getMaxImageEpochs()).isNull();
        assertThat(stored.getMaxWaitingRuns()).isNull();
    }

    @Test
    void theAdminSetsTheServersDefaultsAndTheClassesPageShowsThem() {
        int n = N.incrementAndGet();
        AppUser admin = TestAccounts.ensure(users, encoder, "budget.page.admin" + n, Role.ADMIN);
        TestAccounts.signIn(admin);
        AdminView view = navigate(AdminView.class);
        BudgetForm form = view.budget;
        assertThat(form.imageEpochs.getPlaceholder()).as("the tests' start value").isEqualTo("start value: no limit");

        for (String bad : new String[] {"-1", "many", "123456789012"}) {
            test(form.imageEpochs).setValue(bad);
            test(form.save).click();
            assertThat(form.imageEpochs.isInvalid()).as(bad).isTrue();
            assertThat(form.result.getText()).as(bad).startsWith("Nothing was changed: Most images × epochs per run");
        }
        assertThat(budgets.serverDefaults()).isEqualTo(RunBudget.UNLIMITED);

        test(form.imageEpochs).setValue("180000");
        test(form.waitingRuns).setValue("4");
        test(form.save).click();
        assertThat(form.imageEpochs.isInvalid()).isFalse();
        assertThat(form.result.getText()).isEqualTo("Saved. Learners whose class sets nothing else may now use at "
                + "most 180,000 images × epochs a run and at most 4 waiting runs.");
        assertThat(budgets.serverDefaults()).isEqualTo(new RunBudget(180_000, 4));
        var log = test(view.audit);
        assertThat(log.getCellText(0, 2)).isEqualTo(AuditAction.DEFAULT_BUDGET_CHANGED.words());
        assertThat(log.getCellText(0, 3)).isEqualTo("the server to 180,000 images × epochs per run, 4 waiting runs");

        Room r = teacherOnTheirClass();
        assertThat(r.view().budget.imageEpochs.getPlaceholder()).isEqualTo("server default: 180,000");
        assertThat(r.view().budget.waitingRuns.getPlaceholder()).isEqualTo("server default: 4");
    }
}
