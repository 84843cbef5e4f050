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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
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
import com.vaadin.flow.router.HasDynamicTitle;
import org.convlab.base.ui.I18n;
import static org.convlab.base.ui.I18n.t;

/**
 * A run as it trains: progress with time left, live loss and accuracy curves, speed, the device,
 * and Cancel. Updates arrive through server push from the training thread; any number of tabs can
 * watch the same run, and leaving the page leaves the run running.
 */
@PermitAll
@Route("train/live")
final class TrainingDashboardView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    /** At most this many pushes a second per page: enough to look live, little enough to stay light. */
    private static final long MIN_PUSH_INTERVAL_MS = 250;

    final H1 title = new H1();
    final Span state = new Span();
    final Span device = new Span();
    /** The data set the run trains on, by name. */
    final Span dataset = new Span();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Chart lossChart = new Chart(t("training.dashboard.loss-chart"));
    final Chart accuracyChart = new Chart(t("training.dashboard.accuracy-chart"));
    final Button cancel = new Button(t("training.dashboard.cancel"), VaadinIcon.STOP.create());
    final Div advice = new Div();
    final Div outcome = new Div();

    private final TrainingService training;
    private final RunQueue queue;
    private final RunAccess access;
    final Button moveToFront = new Button(t("training.dashboard.move-to-front"), VaadinIcon.ARROW_UP.create());
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
    public String getPageTitle() {
        return t("training.dashboard.page-title");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        RunJob job = access.viewableOrEmpty(id).orElse(null);
        run = job == null ? null : queue.watch(id).orElse(null);
        if (run == null) {
            add(new H1(t("training.dashboard.not-found")), new Paragraph(t("training.dashboard.not-found-text", id)),
                    new Anchor("runs", t("training.dashboard.go-to-runs")));
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
        title.setText(t("training.dashboard.title", run.name()));
        dataset.setText(t("training.dashboard.on", RunText.datasetName(catalog, run.hyperparameters() == null ? null
                : run.hyperparameters().dataset())));
        dataset.addClassName("run-dataset");
        state.addClassName("run-state");
        device.addClassName("run-device");
        progress.setWidthFull();
        progress.getElement().setAttribute("aria-label", t("training.dashboard.progress"));
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
        device.setText(run.start() == null ? "" : t("training.dashboard.on", RunText.deviceDetails(run.start().device())));
        cancel.setEnabled(!run.finished() && run.state() != RunState.EVALUATING);
        BatchProgress latest = run.latest();
        notice.setText(run.notice() == null ? "" : t(run.notice()));
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
            progressText.setText(job == null ? t("training.dashboard.waiting")
                    : paused ? pausedText(job, latest) : waitingText(job));
            if (paused) {
                state.setText(t("training.dashboard.paused"));
            }
        } else if (latest != null) {
            progress.setIndeterminate(run.state() == RunState.EVALUATING);
            double done = ((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs();
            progress.setValue(run.finished() || run.state() == RunState.EVALUATING ? 1 : done);
            progressText.setText(run.state() == RunState.EVALUATING
                    ? t("training.dashboard.evaluating")
                    : t("training.dashboard.progress-line", latest.epoch(), latest.epochs(), latest.batch(), latest.batches(),
                            I18n.percent(done, 0),
                            run.finished() ? t("training.dashboard.finished")
                                    : t("training.dashboard.time-left", duration(latest.etaSeconds())),
                            I18n.decimal(latest.imagesPerSecond(), 0), duration(latest.elapsedSeconds())));
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
            return t("training.dashboard.starting");
        }
        String ahead = place.ahead() == 0 ? t("training.dashboard.next") : t("training.dashboard.waiting-behind", runsAhead(place.ahead()));
        return t("training.dashboard.place", ahead, place.training(), startsIn(place, "training.dashboard.starts-in"));
    }

    /**
     * A run that had a turn and waits for its next one (fair turns, or a server restart): says so,
     * where it stands, and its numbers so far.
     */
    private String pausedText(RunJob job, BatchProgress latest) {
        RunQueue.Place place = queue.place(job);
        String where = place.ahead() == 0 && place.training() == 0 ? t("training.dashboard.goes-on-soon")
                : t("training.dashboard.paused-place", place.ahead() == 0 ? t("training.dashboard.next")
                        : runsAhead(place.ahead()), startsIn(place, "training.dashboard.goes-on-in"));
        // With first in, first out a run only waits again when its server stopped (its notice says so).
        String why = t(queue.settings().policy() == QueuePolicy.FAIR
                ? "training.dashboard.paused-fair" : "training.dashboard.paused-restart");
        String numbers = soFar(latest);
        return why + " " + where + (numbers.isEmpty() ? "" : " " + numbers);
    }

    private static String runsAhead(int ahead) {
        return I18n.count("training.dashboard.runs-ahead", ahead);
    }

    /** {@code key}: "starts in about {0}" or "goes on in about {0}". */
    private static String startsIn(RunQueue.Place place, String key) {
        return place.estimatedWait() == null ? t("training.dashboard.wait-estimating")
                : t(key, duration(place.estimatedWait().toSeconds()));
    }

    /** The first epoch's numbers once it finished (the latest epoch's after that), else the current epoch's so far. */
    private String soFar(BatchProgress latest) {
        List<EpochReport> epochs = run.epochs();
        if (!epochs.isEmpty()) {
            EpochReport last = epochs.getLast();
            if (Double.isNaN(last.validationAccuracy())) {
                return t("training.dashboard.so-far-epoch", last.epoch(), run.hyperparameters().epochs(),
                        I18n.decimal(last.loss(), 3), I18n.percent(last.accuracy(), 1));
            }
            return t("training.dashboard.so-far-epoch-validated", last.epoch(), run.hyperparameters().epochs(),
                    I18n.decimal(last.loss(), 3), I18n.percent(last.accuracy(), 1), I18n.percent(last.validationAccuracy(), 1));
        }
        if (latest != null) {
            return t("training.dashboard.so-far-batch", latest.epoch(), latest.epochs(), latest.batch(), latest.batches(),
                    I18n.decimal(latest.loss(), 3), I18n.percent(latest.accuracy(), 1));
        }
        return "";
    }

    /** The state as one word; a running run reads "training" here, where the page is about training. */
    private String stateText() {
        return run.state() == RunState.RUNNING ? t("training.dashboard.training") : RunText.status(run.state());
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
        lossChart.setConfig(ScheduleCurve.addTo(ChartConfig.xyLine().points(t("training.chart.training"), trainLoss, false)
                .points(t("training.chart.validation"), validationLoss, true)
                .axes(t("training.chart.epoch"), t("training.chart.loss")), run.hyperparameters(),
                ScheduleCurve.stepsPerEpoch(run.hyperparameters(), latest == null ? null : latest.batches(), 0)));
        accuracyChart.setConfig(ChartConfig.xyLine().points(t("training.chart.training"), trainAccuracy, false)
                .points(t("training.chart.validation"), validationAccuracy, true)
                .axes(t("training.chart.epoch"), t("training.chart.accuracy")));
    }

    private void showAdvice() {
        advice.removeAll();
        for (TrainingAdvice.Advice a : TrainingAdvice.of(run.epochs(), run.batchPoints())) {
            Div note = new Div(new Span(t(a.message()) + " "), new Anchor(a.lesson(), t("training.dashboard.why")));
            note.addClassName("callout-warning");
            note.getElement().setAttribute("data-advice", a.kind());
            advice.add(note);
        }
    }

    private void showOutcome() {
        outcome.removeAll();
        switch (run.state()) {
            case DONE -> outcome.add(new Paragraph(t("training.dashboard.test-accuracy", I18n.percent(run.testAccuracy(), 1))),
                    new Anchor("runs/" + run.id(), t("training.dashboard.look-inside")));
            case FAILED -> {
                Div failure = new Div(new Paragraph(t("training.dashboard.stopped", problemLine(run.problemText() == null ? null : t(run.problemText())))), trainAgain());
                failure.addClassName("callout-error");
                failure.getElement().setAttribute("role", "alert");
                outcome.add(failure);
            }
            case CANCELLED -> outcome.add(new Paragraph(t("training.dashboard.cancelled")), trainAgain());
            default -> { }
        }
    }

    /** The Train page with this run's model and settings filled in, ready to change and start again. */
    Anchor trainAgain() {
        Anchor again = new Anchor(TrainView.AGAIN_PATH + run.id(), t("training.dashboard.train-again"));
        again.addClassName("train-again");
        return again;
    }

    /** The stored problem's first line: it is written for learners, and nothing after it is. */
    static String problemLine(String problem) {
        if (problem == null || problem.isBlank()) {
            return t("training.dashboard.no-reason");
        }
        return problem.strip().lines().findFirst().orElse(problem);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s < 60 ? t("training.time.seconds", s) : s < 3600 ? t("training.time.minutes-seconds", s / 60, s % 60)
                : t("training.time.hours-minutes", s / 3600, s % 3600 / 60);
    }
}
