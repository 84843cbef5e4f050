package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.OptimizerKind;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.queue.LiveRun;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.queue.RunJson;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Lesson 9's live network, on the lesson's page (learn/learning): the settings become the run the
 * queue trains, and the advice tells the two troubles apart.
 */
@Tag("database")
@SpringBootTest
class LiveTrainingTest extends SpringBrowserlessTest {

    private LiveTraining open() {
        navigate("learn/learning", Component.class);
        return $(LiveTraining.class).single();
    }

    @Autowired RunQueue queue;
    @Autowired RunJobRepository runs;
    @Autowired AppUserRepository users;

    /** A run left training would slow every later test: whatever this class queued is cancelled. */
    @AfterEach
    void cancelWhatIsLeft() {
        users.findByUsername("ada").ifPresent(me -> runs.findByOwnerIdOrderBySubmittedAtDesc(me.getId()).stream()
                .filter(job -> !job.getStatus().finished()).forEach(job -> queue.cancel(job.getId())));
    }

    @Test
    @SignedIn(username = "ada")
    void theChosenSettingsBecomeTheLessonsRunInTheQueue() {
        long me = TestAccounts.as(users, "ada", Role.LEARNER).getId();
        LiveTraining live = open();
        test(live.learningRate).selectItem("1");
        test(live.images).selectItem("100");
        test(live.dropout).click();
        test(live.l2).click();
        test(live.batchNorm).click();
        test(live.augmentation).click();
        int mine = queue.runsOf(me).size();

        test(live.train).click();

        RunJob job = runs.findByOwnerIdOrderBySubmittedAtDesc(me).getFirst();
        assertThat(job.getId()).isEqualTo(live.run().id());
        assertThat(job.isLessonRun()).isTrue();
        assertThat(job.getGridLabel()).isEqualTo("learning");
        assertThat(queue.runsOf(me)).as("not among the learner's own runs").hasSize(mine);
        Hyperparameters hp = RunJson.hyperparameters(job.getHyperparametersJson());
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(hp.learningRate()).isEqualTo(1.0);
        assertThat(hp.limit()).isEqualTo(100 + LessonNetwork.VALIDATION_IMAGES);
        assertThat(hp.validationSplit() * hp.limit()).isCloseTo(500, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(hp.epochs()).isEqualTo(LessonNetwork.EPOCHS);
        assertThat(hp.seed()).isEqualTo(LessonNetwork.SEED);
        assertThat(hp.augmentation().enabled()).isTrue();
        ModelSpec spec = ModelSpecJson.parse(job.getSpecJson());
        assertThat(spec.layers()).filteredOn(Layer.Dropout.class::isInstance).hasSize(2);
        assertThat(spec.layers()).filteredOn(Layer.BatchNorm.class::isInstance).hasSize(1);
        assertThat(spec.layers()).filteredOn(Layer.Dense.class::isInstance)
                .allSatisfy(l -> assertThat(((Layer.Dense) l).l2()).isEqualTo(LessonNetwork.L2_PENALTY));
        // While it waits or trains: the status says so, Cancel works, a second run cannot start.
        assertThat(live.status.getText()).isNotBlank();
        if (!live.run().finished()) {
            assertThat(live.train.isEnabled()).isFalse();
            test(live.cancel).click();
        }
        assertThat(runs.findByOwnerIdOrderBySubmittedAtDesc(me)).hasSize(mine + 1);
    }

    @Test
    @SignedIn(username = "ada")
    void theDefaultsAreAHealthyRunWithoutCures() {
        LiveTraining live = open();
        LessonNetwork network = live.settings();
        assertThat(network).isEqualTo(LessonNetwork.defaults());
        assertThat(network.spec().layers()).noneMatch(l -> l instanceof Layer.Dropout || l instanceof Layer.BatchNorm);
        assertThat(network.hyperparameters().augmentation().enabled()).isFalse();
        assertThat(network.hyperparameters().limit()).isEqualTo(2_000 + 500);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Try it: train a real network");
        assertThat(live.getElement().getTextRecursively()).contains("10 epochs", "500 more images");
        assertThat(live.learningRate.getLabel()).isEqualTo("Learning rate");
        assertThat(live.images.getLabel()).isEqualTo("Training images");
    }

    private static EpochReport epoch(int n, double loss, double accuracy, double validationLoss, double validationAccuracy) {
        return new EpochReport(n, loss, accuracy, validationLoss, validationAccuracy, 0.001, 1, 100);
    }

    private static List<String> adviceShown(LiveTraining live) {
        return live.advice.getChildren().map(c -> c.getElement().getAttribute("data-advice")).toList();
    }

    @Test
    @SignedIn(username = "ada")
    void theAdviceTellsDivergenceFromOverfittingAndTheGapIsInNumbers() {
        LiveTraining live = open();

        // Learning rate 1: the loss shoots to 425, then the network only guesses.
        List<LiveRun.Point> exploding = new ArrayList<>();
        double[] losses = {2.3, 40, 425, 300};
        for (int i = 0; i < losses.length; i++) {
            exploding.add(new LiveRun.Point((i + 1) / 4.0, losses[i], 0.1));
        }
        live.draw(List.of(epoch(1, 425, 0.08, 2.40, 0.10)), exploding);
        assertThat(adviceShown(live)).containsExactly("diverging");
        assertThat(live.advice.getElement().getTextRecursively()).contains("lower the learning rate");

        // 100 training images: training races ahead of validation.
        List<EpochReport> memorising = List.of(epoch(1, 2.16, 0.24, 1.86, 0.50), epoch(2, 1.72, 0.54, 1.55, 0.54),
                epoch(3, 1.13, 0.67, 1.13, 0.65), epoch(4, 0.60, 0.83, 0.83, 0.69), epoch(5, 0.47, 0.90, 0.79, 0.74));
        live.draw(memorising, List.of(new LiveRun.Point(5, 0.47, 0.90)));
        assertThat(adviceShown(live)).containsExactly("overfitting");
        assertThat(live.advice.getElement().getTextRecursively()).contains("more training images", "dropout");
        assertThat(live.numbers.getElement().getAttribute("data-gap")).isEqualTo("16.0");
        assertThat(live.numbers.getText()).contains("training accuracy 90.0%", "validation accuracy 74.0%",
                "a gap of 16.0 points");
        assertThat(live.loss.config().seriesNames()).containsExactly("training", "validation");

        // The same with dropout: the curves stay together, nothing to warn about.
        List<EpochReport> dropout = List.of(epoch(1, 2.41, 0.14, 2.10, 0.43), epoch(2, 2.15, 0.32, 2.01, 0.41),
                epoch(3, 1.91, 0.36, 1.75, 0.50), epoch(4, 1.56, 0.47, 1.34, 0.59), epoch(5, 1.39, 0.51, 1.14, 0.68));
        live.draw(dropout, List.of(new LiveRun.Point(5, 1.39, 0.51)));
        assertThat(adviceShown(live)).isEmpty();
        assertThat(live.numbers.getElement().getAttribute("data-gap")).isEqualTo("-17.0");
        assertThat(live.numbers.getText()).contains("a gap of −17.0 points");
    }

    @Test
    void aGuestIsAskedToSignInAndCannotTrain() {
        TestAccounts.signOut();
        LiveTraining live = open();
        assertThat(live.train.isEnabled()).isFalse();
        assertThat(live.status.getElement().getTextRecursively()).contains("Sign in to train");
        live.start();
        assertThat(live.run()).isNull();
    }

    /** Values the page never offers (a tampered request) are refused before anything is queued. */
    @Test
    void settingsTheLessonDoesNotOfferAreRefused() {
        assertThatThrownBy(() -> new LessonNetwork(0.5, 2_000, false, false, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rates");
        assertThatThrownBy(() -> new LessonNetwork(0.001, 60_000, false, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonNetwork(Double.NaN, 100, false, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
