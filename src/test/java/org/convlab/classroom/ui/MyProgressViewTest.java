package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.lesson.progress.ProgressService;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class MyProgressViewTest extends SpringBrowserlessTest {

    @Autowired AppUserRepository users;
    @Autowired ProgressService progress;
    @Autowired RunQueue queue;

    @Test
    void aNewLearnerIsToldWhereToStart() {
        TestAccounts.as(users, "me.new", Role.LEARNER);
        MyProgressView view = navigate(MyProgressView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(view.lessonCount.getText()).isEqualTo("0 of 9 lessons done");
        assertThat(text).contains("Start with the first lesson", "No runs yet", "No assignments yet");
    }

    @Test
    void lessonsAndRunsShowWhereTheLearnerStands() {
        AppUser me = TestAccounts.as(users, "me.busy", Role.LEARNER);
        progress.record("convolution", 5, 5);
        progress.record("relu", 2, 4);
        queue.submit(me.getId(), Presets.get("dense"), Hyperparameters.defaults().withEpochs(2));

        MyProgressView view = navigate(MyProgressView.class);
        assertThat(view.lessonCount.getText()).isEqualTo("1 of 9 lessons done");
        assertThat(view.lessonBar.getValue()).isEqualTo(1.0 / 9, org.assertj.core.data.Offset.offset(1e-9));
        String lessons = view.lessons.getElement().getTextRecursively();
        assertThat(lessons).contains("Convolution · done ✓ · quiz 5/5 · 1 attempt",
                "ReLU and other activations · not done yet · quiz 2/4 · 1 attempt", "Pooling · not started");
        assertThat(view.runs.getElement().getTextRecursively()).contains("dense", "waiting in the queue");
    }
}
