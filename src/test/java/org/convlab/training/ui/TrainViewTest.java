package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
import org.convlab.account.SignedIn;
import org.convlab.training.queue.LiveRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import org.convlab.training.engine.RunState;
import org.convlab.account.AppUserRepository;
import org.convlab.base.ui.PixelImage;
import java.util.function.Predicate;
import org.convlab.account.Role;
import org.convlab.training.queue.RunQueue;
import org.convlab.account.TestAccounts;

@SignedIn
@Tag("database")
@SpringBootTest
class TrainViewTest extends SpringBrowserlessTest {

    @Autowired
    RunQueue queue;
    @Autowired
    AppUserRepository users;
    private long me;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        me = TestAccounts.as(users, "alan", Role.LEARNER).getId();
    }

    /**
     * A test that fails half-way must not leave a run training: the next test's run would wait
     * behind it (one run per learner), and its training would slow every later test class.
     */
    @org.junit.jupiter.api.AfterEach
    void cancelWhatIsLeft() {
        queue.runsOf(me).stream().filter(job -> !job.getStatus().finished()).forEach(job -> queue.cancel(job.getId()));
    }

    /**
     * The run just queued, as its dashboard follows it: a mirror of the stored run when the page
     * opened before this process's worker took it, which lags the training by up to a second.
     * Waiting on the page's own object is waiting for what the learner sees.
     */
    private static LiveRun followed(TrainingDashboardView dashboard) {
        return dashboard.run();
    }

    private static void await(LiveRun run, Predicate<LiveRun> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.test(run) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void startingARunOpensItsDashboardWhichShowsTheOutcome() throws InterruptedException {
        TrainView view = navigate(TrainView.class);
        test(view.model).selectItem("dense");
        test(view.form.epochs).setValue(1);
        test(view.form.images).selectItem("first 5,000 (quick)");
        int before = queue.runsOf(me).size();

        test(view.start).click();

        assertThat(queue.runsOf(me)).hasSize(before + 1);
        TrainingDashboardView dashboard = (TrainingDashboardView) getCurrentView();
        LiveRun run = followed(dashboard);
        assertThat(dashboard.title.getText()).isEqualTo("Training dense");
        await(run, LiveRun::finished);
        dashboard.show();
        assertThat(run.state()).as(run.problem()).isEqualTo(RunState.DONE);
        assertThat(dashboard.state.getText()).isEqualTo("done");
        assertThat(dashboard.device.getText()).startsWith("on cpu");
        assertThat(dashboard.progress.getValue()).isEqualTo(1.0);
        assertThat(dashboard.outcome.getElement().getTextRecursively()).contains("Test accuracy:", "Look inside this run");
        assertThat(dashboard.lossChart.config().seriesNames()).containsExactly("training", "validation");
        assertThat(dashboard.lossChart.config().seriesSize(0)).isPositive();
        assertThat(dashboard.cancel.isEnabled()).isFalse();
    }

    @Test
    void impossibleSettingsAreExplainedAndNothingIsQueued() {
        TrainView view = navigate(TrainView.class);
        int before = queue.runsOf(me).size();
        test(view.form.epochs).setValue(0);
        test(view.start).click();
        assertThat(queue.runsOf(me)).hasSize(before);
        assertThat(view.problems.isVisible()).isTrue();
        assertThat(view.problems.getElement().getTextRecursively()).contains("Training did not start", "epochs");
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    void cancelStopsARunningRun() throws InterruptedException {
        TrainView view = navigate(TrainView.class);
        test(view.model).selectItem("dense");
        test(view.form.epochs).setValue(50);
        test(view.start).click();
        TrainingDashboardView dashboard = (TrainingDashboardView) getCurrentView();
        LiveRun run = followed(dashboard);
        await(run, r -> r.latest() != null || r.finished());
        dashboard.show();
        assertThat(dashboard.cancel.isEnabled()).isTrue();
        assertThat(dashboard.progressText.getText()).contains("Epoch 1 of 50", "left", "images/s");

        test(dashboard.cancel).click();
        await(run, LiveRun::finished);
        dashboard.show();
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(dashboard.outcome.getElement().getTextRecursively()).contains("cancelled");
    }

    @Test
    void anUnknownRunSaysSo() {
        navigate("train/live/no-such-run", TrainingDashboardView.class);
        assertThat(((TrainingDashboardView) getCurrentView()).getElement().getTextRecursively())
                .contains("Run not found", "no-such-run");
    }

    @Test
    void augmentationPreviewFollowsTheSettings() {
        TrainView view = navigate(TrainView.class);
        var images = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("as training may see it")).all();
        assertThat(images).hasSize(AugmentationPreview.SAMPLES.length);
        // Without augmentation the "changed" image equals the original.
        var originals = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("original")).all();
        assertThat(images.getFirst().getSrc()).isEqualTo(originals.getFirst().getSrc());
        test(view.form.rotation).setValue(30.0);
        var rotated = find(PixelImage.class).withCondition(
                i -> i.getAlt().orElse("").endsWith("as training may see it")).all();
        assertThat(rotated.getFirst().getSrc()).isNotEqualTo(originals.getFirst().getSrc());
    }
}
