package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.file.Path;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every run page tried as the wrong account: another learner, and a teacher of another class,
 * see a refusal and none of the run; the owner's own teacher sees it.
 */
@Tag("database")
// Its own context (and so its own database): the run folders are shared with other tests, their owners are not.
@SpringBootTest(properties = {"convlab.runs-dir=" + TinyRuns.RUNS_DIR, "convlab.test.context=run-isolation"})
class RunPagesIsolationTest extends SpringBrowserlessTest {

    @Autowired RunQueue queue;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;

    @BeforeAll
    static void runs() {
        TinyRuns.create();
    }

    @BeforeEach
    void ownerAndClass() {
        AppUser owner = TestAccounts.as(users, "iso-owner", Role.LEARNER);
        queue.adopt(owner.getId(), Path.of(TinyRuns.RUNS_DIR, TinyRuns.GOOD));
        if (classes.findByJoinCode("ISO-OWN").isEmpty()) {
            AppUser teacher = users.save(new AppUser("iso-teacher", "Their teacher", "{noop}x", Role.TEACHER));
            SchoolClass room = new SchoolClass("Owner's class", "ISO-OWN", teacher);
            room.getMembers().add(owner);
            classes.save(room);
            AppUser stranger = users.save(new AppUser("iso-other-teacher", "Other teacher", "{noop}x", Role.TEACHER));
            classes.save(new SchoolClass("Another class", "ISO-OTH", stranger));
        }
        TestAccounts.signOut();
    }

    private String pageText(String route, Class<? extends com.vaadin.flow.component.Component> view) {
        navigate(route, view);
        return getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void anotherLearnerSeesNoneOfTheRun() {
        TestAccounts.as(users, "iso-intruder", Role.LEARNER);
        assertThat(pageText("runs/" + TinyRuns.GOOD, RunView.class)).contains("No such run, or it is not yours.")
                .doesNotContain("Confusion matrix");
        // Someone else's run reads exactly like a missing one.
        assertThat(pageText("runs/no-such-run-at-all", RunView.class)).contains("No such run, or it is not yours.");
        assertThat(pageText("train/live/" + TinyRuns.GOOD, TrainingDashboardView.class)).contains("Run not found");
        assertThat(navigate(RunsView.class).table).as("no runs listed").isNull();
        assertThat(pageText("try", TryItView.class)).contains("No trained model yet");
    }

    @Test
    void aTeacherOfAnotherClassIsRefusedAndTheOwnersTeacherIsNot() {
        TestAccounts.as(users, "iso-other-teacher", Role.TEACHER);
        assertThat(pageText("runs/" + TinyRuns.GOOD, RunView.class)).contains("No such run, or it is not yours.");
        assertThat(pageText("train/live/" + TinyRuns.GOOD, TrainingDashboardView.class)).contains("Run not found");

        TestAccounts.as(users, "iso-teacher", Role.TEACHER);
        assertThat(pageText("train/live/" + TinyRuns.GOOD, TrainingDashboardView.class)).contains("Training tiny-cnn")
                .doesNotContain("Run not found");
        assertThat(pageText("runs/" + TinyRuns.GOOD, RunView.class)).doesNotContain("No such run");
    }

    @Test
    void theOwnerSeesTheirRun() {
        TestAccounts.as(users, "iso-owner", Role.LEARNER);
        RunsView runs = navigate(RunsView.class);
        assertThat(test(runs.table).size()).isEqualTo(1);
        assertThat(test(runs.table).getRow(0).id()).isEqualTo(TinyRuns.GOOD);
        assertThat(List.of(pageText("runs/" + TinyRuns.GOOD, RunView.class))).noneMatch(t -> t.contains("No such run"));
    }
}
