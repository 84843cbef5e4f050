package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.lesson.progress.ProgressService;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The home page tells a returning learner where they left off; guests and newcomers see the path only. */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired AppUserRepository users;
    @Autowired ProgressService progress;
    @Autowired RunQueue queue;

    @Test
    void aGuestSeesThePathOnly() {
        TestAccounts.signOut();
        HomeView view = navigate(HomeView.class);
        assertThat(view.welcomeBack.isVisible()).isFalse();
    }

    @Test
    void aLearnerWithNothingYetSeesThePathOnly() {
        TestAccounts.as(users, "home.new", Role.LEARNER);
        HomeView view = navigate(HomeView.class);
        assertThat(view.welcomeBack.isVisible()).isFalse();
    }

    @Test
    void aReturningLearnerSeesTheNextLessonAndTheLatestRun() {
        AppUser me = TestAccounts.as(users, "home.back", Role.LEARNER);
        progress.record("matrices", 3, 3);
        queue.submit(me.getId(), Presets.get("dense"), Hyperparameters.defaults().withEpochs(2));

        HomeView view = navigate(HomeView.class);
        assertThat(view.welcomeBack.isVisible()).isTrue();
        assertThat(view.welcomeBack.getElement().getTextRecursively())
                .contains("Continue with lesson 2: Convolution", "Your run \"dense\" is waiting in the queue");
        assertThat(view.welcomeBack.getChildren().flatMap(Component::getChildren).filter(Anchor.class::isInstance)
                .map(link -> ((Anchor) link).getHref()).toList())
                .contains("learn/convolution").anyMatch(href -> href.startsWith("train/live/"));
    }
}
