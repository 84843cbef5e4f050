package org.convlab.training.ui;

import org.convlab.dataset.library.DatasetCatalog;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.training.queue.LiveRun;
import org.convlab.training.queue.TrainingAdvice;
import org.convlab.training.engine.ProgressListener.BatchProgress;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.queue.TrainingService;
import org.convlab.training.engine.RunState;
import org.convlab.training.queue.RunAccess;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.QueuePolicy;

/**
 * A run as it trains: progress with time left, live loss and accuracy curves, speed, the device,
 * and Cancel. Updates arrive through server push from the training thread; any number of tabs can
 * watch the same run, and leaving the page leaves the run running.
 */
@PermitAll
@Route("train/live")
@PageTitle("Training · ConvLab")
final class TrainingDashboardView extends Main implements HasUrlParameter<String> {

    /** At most this many pushes a second per page: enough to look live, little enough to stay light. */
    private static final long MIN_PUSH_INTERVAL_MS = 250;

    final H1 title = new H1();
    final Span state = new Span();
    final Span device = new Span();
    /** The data set the run trains on, by name. */
    final Span dataset = new Span();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Chart lossChart = new Chart("Loss per epoch: training and validation");
    final Chart accuracyChart = new Chart("Accuracy per epoch: training and validation");
    final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    final Div advice = new Div();
    final Div outcome = new Div();

    private final TrainingService training;
    private final RunQueue queue;
    private final RunAccess access;
    final Button moveToFront = new Button("Move to the front", VaadinIcon.ARROW_UP.create());
    final Div notice = new Div();
    private LiveRun run;
    private Runnable unsubscribe = () -> {};
    private volatile long lastPush;

    /** The run as this page follows it (the run itself when trained here, otherwise its mirror). */
    LiveRun run() {
        return run;
    }

    private final DatasetCatalog catalog;

    TrainingDashboardView(TrainingService training, RunQueue queue,
            RunAccess access, DatasetCatalog catalog) {
        this.catalog = catalog;
        this.training = training;
        this.queue = queue;
        this.access = access;
        addClassNames("page", "training-dashboard");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        RunJob job = access.viewableOrEmpty(id).orElse(null);
        run = job == null ? null : queue.watch(id).orElse(null);
        if (run == null) {
            add(new H1("Run not found"), new Paragraph("There is no training run \"" + id + "\" that you can see. "
                    + "Your runs are listed on the Runs page."), new Anchor("runs", "Go to Runs →"));
            return;
        }
        boolean teacher = access.canReorder(access.currentUser(), job);
        moveToFront.setVisible(false);
        if (teacher) {
            moveToFront.addClickListener(e -> {
                access.moveToFront(id);
                show();
            });
        }
        moveToFrontAllowed = teacher;
        notice.addClassName("callout-info");
        title.setText("Training " + run.name());
        dataset.setText("on " + RunText.datasetName(catalog, run.hyperparameters() == null ? null
                : run.hyperparameters().dataset()));
        dataset.addClassName("run-dataset");
        state.addClassName("run-state");
        device.addClassName("run-device");
        progress.setWidthFull();
        progress.getElement().setAttribute("aria-label", "Training progress");
        progressText.addClassName("progress-text");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            cancel.setEnabled(false);
            access.cancel(run.id());
        });
        advice.addClassName("training-advice");
        outcome.addClassName("run-outcome");
        Div header = new Div(title, dataset, state, device);
        header.addClassName("dashboard-header");
        Div charts = new Div(lossChart, accuracyChart);
        charts.addClassName("side-by-side");
        add(header, notice, progress, new Div(progressText, cancel, moveToFront), advice, charts, outcome);
        show();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (run != null) {
            UI ui = event.getUI();
            // While it waits, its place and wait are redrawn every few seconds.
            unsubscribe = RunFollowing.follow(ui, run, changed -> push(ui, changed), this::show, 5_000);
            show();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
        super.onDetach(event);
    }

    private void push(UI ui, LiveRun changed) {
        long now = System.currentTimeMillis();
        if (!changed.finished() && changed.state() == RunState.RUNNING && now - lastPush < MIN_PUSH_INTERVAL_MS) {
            return;
        }
        lastPush = now;
        ui.access(this::show);
    }

    /** Draws the run as it stands now. */
    void show() {
        state.setText(stateText());
        state.getElement().setAttribute("data-state", run.state().name());
        device.setText(run.start() == null ? "" : "on " + run.start().device());
        cancel.setEnabled(!run.finished() && run.state() != RunState.EVALUATING);
        BatchProgress latest = run.latest();
        notice.setText(run.notice() == null ? "" : run.notice());
        notice.setVisible(run.notice() != null);
        moveToFront.setVisible(moveToFrontAllowed && run.state() == RunState.QUEUED);
        boolean stopped = run.state() == RunState.FAILED || run.state() == RunState.CANCELLED;
        // A run that stopped has no progress left to show: no moving bar, no "Starting…" under it.
        progress.setVisible(!stopped);
        progressText.setVisible(!stopped);
        if (run.finished()) {
            progress.setIndeterminate(false);
        }
        if (stopped) {
            progressText.setText("");
        } else if (run.state() == RunState.QUEUED) {
            RunJob job = queue.find(run.id()).orElse(null);
            boolean paused = job != null && job.getStartedAt() != null;
            progress.setIndeterminate(!paused || latest == null);
            if (paused && latest != null) {
                progress.setValue(((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs());
            }
            progressText.setText(job == null ? "Waiting in the queue…"
                    : paused ? pausedText(job, latest) : waitingText(job));
            if (paused) {
                state.setText("paused");
            }
        } else if (latest != null) {
            progress.setIndeterminate(run.state() == RunState.EVALUATING);
            double done = ((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs();
            progress.setValue(run.finished() || run.state() == RunState.EVALUATING ? 1 : done);
            progressText.setText(run.state() == RunState.EVALUATING
                    ? "Training done; measuring accuracy on the test images…"
                    : String.format(Locale.ROOT, "Epoch %d of %d · batch %,d of %,d · %.0f%% · %s · %,.0f images/s · %s elapsed",
                            latest.epoch(), latest.epochs(), latest.batch(), latest.batches(), 100 * done,
                            run.finished() ? "finished" : "about " + duration(latest.etaSeconds()) + " of training left",
                            latest.imagesPerSecond(), duration(latest.elapsedSeconds())));
        }
        drawCharts();
        showAdvice();
        showOutcome();
    }

    private boolean moveToFrontAllowed;

    /** Where a waiting run stands, in a learner's words. */
    private String waitingText(RunJob job) {
        RunQueue.Place place = queue.place(job);
        if (place.ahead() == 0 && place.training() == 0) {
            return "Starting…";
        }
        String ahead = place.ahead() == 0 ? "Next in the queue" : "Waiting: " + runsAhead(place.ahead());
        return ahead + " (" + place.training() + " training now) · " + startsIn(place, "starts") + ".";
    }

    /**
     * A run that had a turn and waits for its next one (fair turns, or a server restart): says so,
     * where it stands, and its numbers so far.
     */
    private String pausedText(RunJob job, BatchProgress latest) {
        RunQueue.Place place = queue.place(job);
        String where = place.ahead() == 0 && place.training() == 0 ? "It goes on in a moment."
                : (place.ahead() == 0 ? "Next in the queue" : runsAhead(place.ahead()))
                        + " · " + startsIn(place, "goes on") + ".";
        // With first in, first out a run only waits again when its server stopped (its notice says so).
        String why = queue.settings().policy() == QueuePolicy.FAIR
                ? "Paused for other learners' turns; it goes on where it stopped. "
                : "Paused; it goes on from where it stopped. ";
        return why + where + soFar(latest);
    }

    private static String runsAhead(int ahead) {
        return ahead + " run" + (ahead == 1 ? "" : "s") + " ahead of yours";
    }

    private static String startsIn(RunQueue.Place place, String verb) {
        return place.estimatedWait() == null ? "the wait is being estimated"
                : verb + " in about " + duration(place.estimatedWait().toSeconds());
    }

    /** The first epoch's numbers once it finished (the latest epoch's after that), else the current epoch's so far. */
    private String soFar(BatchProgress latest) {
        List<EpochReport> epochs = run.epochs();
        if (!epochs.isEmpty()) {
            EpochReport last = epochs.getLast();
            String validation = Double.isNaN(last.validationAccuracy()) ? ""
                    : String.format(Locale.ROOT, ", validation accuracy %.1f%%", 100 * last.validationAccuracy());
            return String.format(Locale.ROOT, " So far: epoch %d of %d done · loss %.3f · accuracy %.1f%%%s.",
                    last.epoch(), run.hyperparameters().epochs(), last.loss(), 100 * last.accuracy(), validation);
        }
        if (latest != null) {
            return String.format(Locale.ROOT, " So far: epoch %d of %d, batch %,d of %,d · loss %.3f · accuracy %.1f%%.",
                    latest.epoch(), latest.epochs(), latest.batch(), latest.batches(), latest.loss(),
                    100 * latest.accuracy());
        }
        return "";
    }

    private String stateText() {
        return switch (run.state()) {
            case QUEUED -> "queued";
            case RUNNING -> "training";
            case EVALUATING -> "evaluating";
            case DONE -> "done";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private void drawCharts() {
        List<LiveRun.Point> batches = run.batchPoints();
        List<EpochReport> epochs = run.epochs();
        List<double[]> trainLoss = new ArrayList<>();
        List<double[]> trainAccuracy = new ArrayList<>();
        for (LiveRun.Point p : batches) {
            trainLoss.add(new double[] {p.epoch(), p.loss()});
            trainAccuracy.add(new double[] {p.epoch(), p.accuracy()});
        }
        List<double[]> validationLoss = new ArrayList<>();
        List<double[]> validationAccuracy = new ArrayList<>();
        for (EpochReport e : epochs) {
            if (!Double.isNaN(e.validationLoss())) {
                validationLoss.add(new double[] {e.epoch(), e.validationLoss()});
                validationAccuracy.add(new double[] {e.epoch(), e.validationAccuracy()});
            }
        }
        BatchProgress latest = batches.isEmpty() ? null : run.latest();
        lossChart.setConfig(ScheduleCurve.addTo(ChartConfig.xyLine().points("training", trainLoss, false)
                .points("validation", validationLoss, true).axes("epoch", "loss"), run.hyperparameters(),
                ScheduleCurve.stepsPerEpoch(run.hyperparameters(), latest == null ? null : latest.batches(), 0)));
        accuracyChart.setConfig(ChartConfig.xyLine().points("training", trainAccuracy, false)
                .points("validation", validationAccuracy, true).axes("epoch", "accuracy"));
    }

    private void showAdvice() {
        advice.removeAll();
        for (TrainingAdvice.Advice a : TrainingAdvice.of(run.epochs(), run.batchPoints())) {
            Div note = new Div(new Span(a.message() + " "), new Anchor(a.lesson(), "Why, and what helps →"));
            note.addClassName("callout-warning");
            note.getElement().setAttribute("data-advice", a.kind());
            advice.add(note);
        }
    }

    private void showOutcome() {
        outcome.removeAll();
        switch (run.state()) {
            case DONE -> outcome.add(new Paragraph(String.format(Locale.ROOT,
                    "Test accuracy: %.1f%% on test images the model never saw.", 100 * run.testAccuracy())),
                    new Anchor("runs/" + run.id(), "Look inside this run: confusion matrix, filters, heatmaps →"));
            case FAILED -> {
                Div failure = new Div(new Paragraph("The run stopped: " + problemLine(run.problem())), trainAgain());
                failure.addClassName("callout-error");
                failure.getElement().setAttribute("role", "alert");
                outcome.add(failure);
            }
            case CANCELLED -> outcome.add(new Paragraph("You cancelled this run; nothing was saved."), trainAgain());
            default -> { }
        }
    }

    /** The Train page with this run's model and settings filled in, ready to change and start again. */
    Anchor trainAgain() {
        Anchor again = new Anchor(TrainView.AGAIN_PATH + run.id(), "Train again →");
        again.addClassName("train-again");
        return again;
    }

    /** The stored problem's first line: it is written for learners, and nothing after it is. */
    static String problemLine(String problem) {
        if (problem == null || problem.isBlank()) {
            return "it could not finish, and no reason was recorded.";
        }
        return problem.strip().lines().findFirst().orElse(problem);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
