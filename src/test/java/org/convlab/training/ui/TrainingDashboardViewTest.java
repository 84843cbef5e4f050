package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.convlab.i18n.Text;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.LearningRateSchedule;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.TestModels;
import org.convlab.training.queue.LiveRun;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobStore;
import org.convlab.training.queue.RunJson;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.StoredText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The live page of a run that failed: its problem at once, no moving bar, and a way to train again. */
@SignedIn
@Tag("database")
@SpringBootTest
class TrainingDashboardViewTest extends SpringBrowserlessTest {

    @Autowired RunQueue queue;
    @Autowired RunJobStore store;
    @Autowired AppUserRepository users;
    private long me;

    @BeforeEach
    void signIn() {
        me = TestAccounts.as(users, "hedy", Role.LEARNER).getId();
    }

    /** A stored run is never scheduled here, but one left waiting must not count against later tests. */
    @AfterEach
    void cancelWhatIsLeft() {
        queue.runsOf(me).stream().filter(job -> !job.getStatus().finished()).forEach(job -> queue.cancel(job.getId()));
    }

    /** A run as the queue stores it, without a task: no worker takes it, so only the test moves it on. */
    private RunJob stored(RunState status, String problem) {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withLimit(1_000).withDevice(DeviceChoice.CPU);
        RunJob job = new RunJob("dash-" + UUID.randomUUID().toString().substring(0, 8), me, "failing",
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs());
        job.setStatus(status);
        job.setProblem(problem);
        return store.create(job);
    }

    private TrainingDashboardView open(RunJob job) {
        navigate("train/live/" + job.getId(), TrainingDashboardView.class);
        return (TrainingDashboardView) getCurrentView();
    }

    private static void assertFailureShown(TrainingDashboardView dashboard, String id, String problem) {
        assertThat(dashboard.state.getText()).isEqualTo("failed");
        assertThat(dashboard.progress.isVisible()).as("no bar for a run that stopped").isFalse();
        assertThat(dashboard.progress.isIndeterminate()).as("no moving bar").isFalse();
        assertThat(dashboard.progressText.getText()).doesNotContain("Starting", "Waiting");
        assertThat(dashboard.outcome.getElement().getTextRecursively()).contains("The run stopped: " + problem);
        Anchor again = dashboard.outcome.getChildren().flatMap(c -> c.getChildren())
                .filter(Anchor.class::isInstance).map(Anchor.class::cast).findFirst().orElseThrow();
        assertThat(again.getText()).isEqualTo("Train again →");
        assertThat(again.getHref()).isEqualTo("train?again=" + id);
    }

    @Test
    void aRunThatFailedShowsItsProblemInTheLearnersWordsAndTrainAgain() {
        String problem = "This run cannot be trained on this server: threads is 100000, at most 2";
        RunJob job = stored(RunState.FAILED, problem + "\n\tat org.convlab.Secret.method(Secret.java:1)");

        TrainingDashboardView dashboard = open(job);

        assertFailureShown(dashboard, job.getId(), problem);
        assertThat(dashboard.getElement().getTextRecursively()).doesNotContain("Secret.java", "\tat ");
        assertThat(dashboard.cancel.isEnabled()).isFalse();
    }

    @Test
    void aRunWithNoRecordedProblemStillSaysItStopped() {
        RunJob job = stored(RunState.FAILED, null);
        TrainingDashboardView dashboard = open(job);
        assertThat(dashboard.outcome.getElement().getTextRecursively())
                .contains("The run stopped: it could not finish, and no reason was recorded.", "Train again")
                .doesNotContain("null");
    }

    @Test
    void aRunThatFailsAsItStartsStopsTheMovingBarAtOnce() throws InterruptedException {
        RunJob job = stored(RunState.QUEUED, null);
        TrainingDashboardView dashboard = open(job);
        assertThat(dashboard.progress.isIndeterminate()).as("waiting: the bar moves").isTrue();

        String problem = "This run's stored settings cannot be read, so it cannot be trained; submit it again.";
        store.fail(job.getId(), Text.of("training.stored.unreadable"));
        LiveRun followed = dashboard.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!followed.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        dashboard.show();

        assertFailureShown(dashboard, job.getId(), problem);
    }

    @Test
    void aScheduledRunShowsItsScheduleBesideTheLossBeforeItStarts() {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(3).withLimit(1_000).withDevice(DeviceChoice.CPU)
                .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 1));
        RunJob job = store.create(new RunJob("sched-" + UUID.randomUUID().toString().substring(0, 8), me, "scheduled",
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs()));
        TrainingDashboardView dashboard = open(job);
        assertThat(dashboard.lossChart.config().seriesNames())
                .containsExactly("training", "validation", "learning rate (schedule): one-cycle, 1 warm-up epoch");
        assertThat(dashboard.lossChart.config().rightAxisTitle()).isEqualTo("learning rate");
        // The planned curve spans the run, epoch 0 to epoch 3, 20 points an epoch.
        assertThat(dashboard.lossChart.config().seriesSize(2)).isEqualTo(3 * 20 + 1);
    }

    /**
     * A run that trained one slice and waits for its next turn, as the queue leaves it: queued again,
     * started before, its last progress stored (one epoch done, the second 40% through).
     */
    private RunJob pausedAfterASlice() {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(3).withLimit(1_000).withDevice(DeviceChoice.CPU);
        RunJob job = new RunJob("paused-" + UUID.randomUUID().toString().substring(0, 8), me, "paused",
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs());
        job.setStartedAt(java.time.Instant.now().minusSeconds(40));
        var epoch = new org.convlab.training.engine.ProgressListener.EpochReport(1, 0.5, 0.8, 0.55, 0.79, 0.001, 20, 900);
        var latest = new org.convlab.training.engine.ProgressListener.BatchProgress(2, 3, 40, 100, 0.45, 0.83, 900, 30, 60);
        job.setProgressJson(RunJson.write(new LiveRun.Snapshot(RunState.RUNNING,
                new org.convlab.training.engine.ProgressListener.TrainingStart("cpu · PyTorch", 1_000, 3, 100, 900, 100),
                latest, java.util.List.of(new LiveRun.Point(1.4, 0.45, 0.83)), java.util.List.of(epoch), null, null,
                null, null)));
        job.setHistoryJson(RunJson.write(java.util.List.of(epoch)));
        job.setEpochsDone(1);
        return store.create(job);
    }

    @Test
    void aRunPausedForOtherLearnersTurnsSaysSoAndShowsItsNumbersSoFar() {
        RunJob job = pausedAfterASlice();
        TrainingDashboardView dashboard = open(job);
        dashboard.show();

        assertThat(dashboard.state.getText()).isEqualTo("paused");
        assertThat(dashboard.state.getElement().getAttribute("data-state")).isEqualTo("QUEUED");
        assertThat(dashboard.progressText.getText())
                .startsWith("Paused for other learners' turns; it goes on where it stopped.")
                .contains("So far: epoch 1 of 3 done · loss 0.500 · accuracy 80.0%, validation accuracy 79.0%.")
                .doesNotContain("Starting…");
        // Its bar stands where it stopped instead of moving as if nothing had happened.
        assertThat(dashboard.progress.isIndeterminate()).isFalse();
        assertThat(dashboard.progress.getValue()).isCloseTo(1.4 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dashboard.lossChart.config().seriesSize(0)).isPositive();
    }

    /** In German the dashboard's words and its numbers are German: "Verlust 0,500", "Epoche 1 von 3". */
    @Test
    void aPausedRunReadsInGermanWithGermanNumbers() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        RunJob job = pausedAfterASlice();
        TrainingDashboardView dashboard = open(job);
        dashboard.show();

        assertThat(dashboard.state.getText()).isEqualTo("pausiert");
        assertThat(dashboard.getPageTitle()).isEqualTo("Training · ConvLab");
        assertThat(dashboard.cancel.getText()).isEqualTo("Abbrechen");
        assertThat(dashboard.progressText.getText())
                .startsWith("Pausiert, damit andere Lernende an die Reihe kommen;")
                .contains("Bisher: Epoche 1 von 3 fertig · Verlust 0,500 · Genauigkeit 80,0")
                .contains("Validierungsgenauigkeit 79,0");
        assertThat(dashboard.lossChart.config().seriesNames()).startsWith("Training", "Validierung");
    }

    @Test
    void aWaitingRunThatNeverStartedSaysWhereItStandsNotThatItIsPaused() {
        RunJob job = stored(RunState.QUEUED, null);
        TrainingDashboardView dashboard = open(job);
        dashboard.show();
        assertThat(dashboard.state.getText()).isEqualTo("queued");
        assertThat(dashboard.progressText.getText()).doesNotContain("Paused").doesNotContain("So far");
        assertThat(dashboard.progress.isIndeterminate()).isTrue();
    }

    @Test
    void theDashboardSaysWhichDataSetTheRunTrainsOn() {
        TrainingDashboardView standard = open(stored(RunState.QUEUED, null));
        assertThat(standard.dataset.getText()).isEqualTo("on Fashion-MNIST");

        // A run whose data set was deleted since it was queued.
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withLimit(1_000).withDevice(DeviceChoice.CPU)
                .withDataset("deleted-set-1x2y");
        RunJob job = new RunJob("dash-" + UUID.randomUUID().toString().substring(0, 8), me, "gone",
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs());
        job.setStatus(RunState.FAILED);
        job.setProblem("The data set is gone.");
        TrainingDashboardView gone = open(store.create(job));
        assertThat(gone.dataset.getText()).isEqualTo("on a data set no longer on this server");
    }

    /** A run as stored with a notice in its progress, as the queue stores one after a restart. */
    private RunJob storedWithNotice(String notice) {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withLimit(1_000).withDevice(DeviceChoice.CPU);
        RunJob job = new RunJob("dash-" + UUID.randomUUID().toString().substring(0, 8), me, "resumed",
                ModelSpecJson.write(TestModels.tinyCnn().spec()), RunJson.write(hp), hp.epochs());
        job.setStatus(RunState.QUEUED);
        job.setProgressJson(RunJson.write(new LiveRun.Snapshot(RunState.QUEUED, null, null, java.util.List.of(),
                java.util.List.of(), null, null, null, notice)));
        return store.create(job);
    }

    /** The queue stores notices and problems as words, so a German learner reads them in German. */
    @Test
    void aStoredNoticeAndProblemReadInGerman() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        TrainingDashboardView resumed = open(storedWithNotice(StoredText.write(Text.of("training.notice.server-restarted"))));
        resumed.show();
        assertThat(resumed.notice.isVisible()).isTrue();
        assertThat(resumed.notice.getText()).isEqualTo("Der Server wurde neu gestartet, während dieser Lauf trainiert wurde;"
                + " er ging genau dort weiter, wo er stehen geblieben war.");

        RunJob stalled = stored(RunState.QUEUED, null);
        store.fail(stalled.getId(), Text.of("training.stored.stalled", 1_234L));
        TrainingDashboardView failed = open(stalled);
        failed.show();
        assertThat(failed.outcome.getElement().getTextRecursively())
                .contains("Der Lauf wurde beendet: Dieser Lauf hat seinen Server 1.234-mal hintereinander angehalten")
                .doesNotContain("{\"key\"");
    }

    /** Runs stored before the notices were words hold English sentences: they read as they were stored. */
    @Test
    void anOldEnglishNoticeAndProblemReadAsStoredInGerman() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        String old = "The server restarted while this run was training; it went on exactly where it stopped.";
        TrainingDashboardView resumed = open(storedWithNotice(old));
        resumed.show();
        assertThat(resumed.notice.getText()).isEqualTo(old);

        TrainingDashboardView failed = open(stored(RunState.FAILED, "The data set is gone."));
        assertThat(failed.outcome.getElement().getTextRecursively()).contains("Der Lauf wurde beendet: The data set is gone.");
    }

    /** In Spanish, a resumed run's notice and the device line read in Spanish, with Spanish numbers. */
    @Test
    void aStoredNoticeReadsInSpanish() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.forLanguageTag("es"));
        TrainingDashboardView resumed = open(storedWithNotice(StoredText.write(Text.of("training.notice.resumed-after-epoch", 15_000L))));
        resumed.show();
        assertThat(resumed.notice.getText()).isEqualTo("Esta ejecución se interrumpió (su worker se detuvo) y continuó"
                + " después de la época 15.000; no se perdió nada anterior.");
        assertThat(RunText.deviceDetails("cpu · PyTorch 2.7.1 · offline")).isEqualTo("cpu · PyTorch 2.7.1 · sin conexión");
        assertThat(RunText.deviceDetails("gpu(0) · PyTorch 2.7.1")).isEqualTo("gpu(0) · PyTorch 2.7.1");
    }

    /** The English sentences are the ones stored before, word for word. */
    @Test
    void storedNoticesReadInEnglishAsBefore() {
        TrainingDashboardView resumed = open(storedWithNotice(StoredText.write(Text.of("training.notice.resumed-in-epoch", 2L, 31L))));
        resumed.show();
        assertThat(resumed.notice.getText()).isEqualTo("This run was interrupted (its worker stopped) and resumed in epoch 2"
                + " at batch 31, where its last turn ended; only the training since then was lost.");
    }
}
