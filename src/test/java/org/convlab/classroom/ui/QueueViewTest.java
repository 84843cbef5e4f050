package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.account.TestAccounts;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The server's own worker is off here, so queued runs stay queued while the page is checked. */
@Tag("database")
// Its own context (and so its own database): the wait estimate below assumes no finished runs to learn from.
@SpringBootTest(properties = {"convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs/queue-view"})
class QueueViewTest extends SpringBrowserlessTest {

    @Autowired RunQueue queue;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;

    @Test
    void aTeacherSeesOnlyTheirLearnersRunsAndCanMoveOneToTheFront() {
        AppUser teacher = users.save(new AppUser("t-queue", "Ms Queue", "{noop}x", Role.TEACHER));
        AppUser mine1 = users.save(new AppUser("q-ann", "Ann", "{noop}x", Role.LEARNER));
        AppUser mine2 = users.save(new AppUser("q-bob", "Bob", "{noop}x", Role.LEARNER));
        AppUser other = users.save(new AppUser("q-eve", "Eve", "{noop}x", Role.LEARNER));
        SchoolClass room = new SchoolClass("Room 1", "QUEUE1", teacher);
        room.getMembers().addAll(List.of(mine1, mine2));
        classes.save(room);
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1);
        RunJob first = queue.submit(mine1.getId(), Presets.get("dense"), hp);
        queue.submit(other.getId(), Presets.get("dense"), hp);
        RunJob last = queue.submit(mine2.getId(), Presets.get("dense"), hp);

        TestAccounts.as(users, "t-queue", Role.TEACHER);
        QueueView view = navigate(QueueView.class);
        List<RunJob> shown = test(view.table).size() == 2
                ? List.of(test(view.table).getRow(0), test(view.table).getRow(1)) : List.of();
        assertThat(shown).extracting(RunJob::getId).containsExactly(first.getId(), last.getId());
        assertThat(test(view.table).getCellText(0, 0)).isEqualTo("Ann");
        assertThat(view.summary.getText()).isEqualTo("0 training, 2 waiting.");

        view.moveToFront(last);
        assertThat(test(view.table).getRow(0).getId()).isEqualTo(last.getId());
        assertThat(queue.place(queue.find(last.getId()).orElseThrow()).ahead()).isZero();
    }

    @Test
    void aLearnerSeesTheirPlaceInTheQueueAndAnEstimatedWait() throws Exception {
        AppUser ann = users.save(new AppUser("q-first", "First", "{noop}x", Role.LEARNER));
        AppUser bob = users.save(new AppUser("q-second", "Second", "{noop}x", Role.LEARNER));
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2);
        // No run has finished on this server: its speed is measured once (a few seconds of training).
        queue.times().measure("cpu").get(3, TimeUnit.MINUTES);
        queue.submit(ann.getId(), Presets.get("dense"), hp);
        RunJob mine = queue.submit(bob.getId(), Presets.get("dense"), hp);

        TestAccounts.as(users, "q-second", Role.LEARNER);
        var dashboard = navigate("train/live/" + mine.getId(), com.vaadin.flow.component.Component.class);
        String text = dashboard.getElement().getTextRecursively();
        assertThat(text).containsPattern("Waiting: [1-9][0-9]* runs? ahead of yours \\(0 training now\\) · "
                + "starts in about \\d");
        // With fair turns (the default), each run ahead trains one 30-second slice before this one's
        // turn, however long it is (first in, first out, it would be the run ahead's 2 epochs and more).
        RunQueue.Place place = queue.place(mine);
        assertThat(place.estimatedWait()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30L * place.ahead()));
    }
}
