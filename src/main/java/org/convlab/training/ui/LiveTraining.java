package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.lesson.ui.LiveNetwork;
import org.convlab.model.InvalidModelException;
import org.convlab.training.engine.ProgressListener.BatchProgress;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.engine.RunState;
import org.convlab.training.queue.LiveRun;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.TrainingAdvice;

/**
 * Lesson 9's real network: the learner picks a learning rate, a training-set size and four cures
 * for overfitting, and the run goes through the training queue like any other (budgets, fair
 * turns, cancel), drawing training and validation curves as it learns, with the training pages'
 * advice and the gap between the curves in numbers. Finished runs of this visit are listed side by
 * side, so that what one switch does to the gap is read off a table.
 */
final class LiveTraining extends Div {

    /** At most this many redraws a second while training: live enough, light enough for a class. */
    private static final long MIN_PUSH_INTERVAL_MS = 250;

    final Select<Double> learningRate = new Select<>();
    final Select<Integer> images = new Select<>();
    final Checkbox dropout;
    final Checkbox l2;
    final Checkbox batchNorm;
    final Checkbox augmentation;
    final Button train;
    final Button cancel;
    final Paragraph status = new Paragraph();
    final ProgressBar progress = new ProgressBar();
    final Chart loss;
    final Chart accuracy;
    /** The last epoch's accuracies, their gap and the losses; data-* attributes carry the numbers. */
    final Paragraph numbers = new Paragraph();
    final Div advice = new Div();
    final Div runs = new Div();

    private final RunQueue queue;
    private final Optional<Long> owner;
    private final LiveNetwork.Words text;
    private final List<String[]> finished = new ArrayList<>();
    private LiveRun run;
    private LessonNetwork running;
    private boolean recorded;
    private Runnable unsubscribe = () -> {};
    private volatile long lastPush;

    LiveTraining(RunQueue queue, Optional<Long> owner, LiveNetwork.Words text) {
        this.queue = queue;
        this.owner = owner;
        this.text = text;
        addClassName("live-training");
        LessonNetwork defaults = LessonNetwork.defaults();
        learningRate.setLabel(text.get("live.rate"));
        learningRate.setItems(LessonNetwork.LEARNING_RATES);
        learningRate.setItemLabelGenerator(LessonNetwork::rate);
        learningRate.setValue(defaults.learningRate());
        images.setLabel(text.get("live.images"));
        images.setItems(LessonNetwork.TRAINING_IMAGES);
        images.setItemLabelGenerator(n -> org.convlab.base.ui.I18n.integer(n));
        images.setValue(defaults.trainingImages());
        dropout = new Checkbox(text.get("live.dropout"));
        l2 = new Checkbox(text.get("live.l2"));
        batchNorm = new Checkbox(text.get("live.batch-norm"));
        augmentation = new Checkbox(text.get("live.augmentation"));
        train = new Button(text.get("live.train"), VaadinIcon.PLAY.create());
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> start());
        cancel = new Button(text.get("live.cancel"), VaadinIcon.STOP.create());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setEnabled(false);
        cancel.addClickListener(e -> cancel());
        loss = new Chart(text.get("live.loss-chart"));
        accuracy = new Chart(text.get("live.accuracy-chart"));

        Div choices = new Div(learningRate, images);
        choices.addClassName("lesson-controls");
        Div switches = new Div(dropout, l2, batchNorm, augmentation);
        switches.addClassName("live-switches");
        Div buttons = new Div(train, cancel);
        buttons.addClassName("live-buttons");
        status.addClassName("live-status");
        // Read out as it changes, without interrupting: waiting, training, done.
        status.getElement().setAttribute("aria-live", "polite");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", text.get("live.progress"));
        numbers.addClassName("live-numbers");
        numbers.setVisible(false);
        advice.addClassName("training-advice");
        runs.addClassName("live-runs");
        Div charts = new Div(panel(text.get("live.loss-chart"), loss), panel(text.get("live.accuracy-chart"), accuracy));
        charts.addClassName("side-by-side");
        Paragraph about = new Paragraph(text.get("live.network", LessonNetwork.EPOCHS, LessonNetwork.VALIDATION_IMAGES));
        about.addClassName("explanation");
        Paragraph tryThis = new Paragraph(text.get("live.text.2"));
        tryThis.addClassName("explanation");
        add(about, tryThis, choices, switches, buttons, status, progress, numbers, advice, charts, runs);
        if (owner.isEmpty()) {
            for (var field : List.of(learningRate, images)) {
                field.setEnabled(false);
            }
            for (Checkbox box : List.of(dropout, l2, batchNorm, augmentation)) {
                box.setEnabled(false);
            }
            train.setEnabled(false);
            status.removeAll();
            status.add(new Span(text.get("live.sign-in") + " "), new Anchor("login", text.get("live.sign-in.link")));
        }
        draw(List.of(), List.of());
    }

    private static Div panel(String title, Chart chart) {
        Div panel = new Div(new H3(title), chart);
        panel.addClassName("panel");
        return panel;
    }

    /** The network and run the controls describe now. */
    LessonNetwork settings() {
        return new LessonNetwork(learningRate.getValue(), images.getValue(), dropout.getValue(), l2.getValue(),
                batchNorm.getValue(), augmentation.getValue());
    }

    /** Queues the run; a refusal (over budget, too many waiting) is said in one line and changes nothing. */
    void start() {
        if (owner.isEmpty() || (run != null && !run.finished())) {
            return;
        }
        LessonNetwork network = settings();
        RunJob job;
        try {
            job = queue.submitForLesson(owner.get(), LessonNetwork.LESSON, network.spec(), network.hyperparameters());
        } catch (IllegalArgumentException | InvalidModelException e) {
            status.setText(text.get("live.not-started", RunText.refusal(e)));
            return;
        }
        follow(job.getId(), network);
    }

    private void follow(String id, LessonNetwork network) {
        unsubscribe.run();
        unsubscribe = () -> {};
        run = queue.watch(id).orElse(null);
        if (run == null) {
            return;
        }
        running = network;
        recorded = false;
        getUI().ifPresent(this::subscribe);
        show();
    }

    void cancel() {
        if (run != null && !run.finished()) {
            cancel.setEnabled(false);
            queue.cancel(run.id());
        }
    }

    /** The run this page follows now; null before the first Train. */
    LiveRun run() {
        return run;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (run != null && !run.finished()) {
            subscribe(event.getUI());
            show();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
        unsubscribe = () -> {};
        super.onDetach(event);
    }

    private void subscribe(UI ui) {
        unsubscribe.run();
        unsubscribe = () -> {};
        unsubscribe = RunFollowing.follow(ui, run, changed -> push(ui, changed), this::show, 3_000);
    }

    private void push(UI ui, LiveRun changed) {
        long now = System.currentTimeMillis();
        if (!changed.finished() && changed.state() == RunState.RUNNING && now - lastPush < MIN_PUSH_INTERVAL_MS) {
            return;
        }
        lastPush = now;
        ui.access(this::show);
    }

    /** Draws the followed run as it stands now. */
    void show() {
        if (run == null) {
            return;
        }
        boolean finishedNow = run.finished();
        train.setEnabled(finishedNow);
        cancel.setEnabled(!finishedNow && run.state() != RunState.EVALUATING);
        progress.setVisible(!finishedNow);
        BatchProgress latest = run.latest();
        switch (run.state()) {
            case QUEUED -> {
                progress.setIndeterminate(true);
                status.setText(waitingText());
            }
            case RUNNING -> {
                if (latest == null) {
                    progress.setIndeterminate(true);
                    status.setText(text.get("live.starting"));
                } else {
                    double done = ((latest.epoch() - 1) + (double) latest.batch() / latest.batches()) / latest.epochs();
                    progress.setIndeterminate(false);
                    progress.setValue(Math.min(1, done));
                    status.setText(text.get("live.training", latest.epoch(), latest.epochs(),
                            Math.round(100 * done), seconds(latest.etaSeconds())));
                }
            }
            case EVALUATING -> {
                progress.setIndeterminate(true);
                status.setText(text.get("live.evaluating"));
            }
            case DONE -> status.setText(text.get("live.done", percent(run.testAccuracy() == null ? Double.NaN
                    : run.testAccuracy())));
            case CANCELLED -> status.setText(text.get("live.cancelled"));
            case FAILED -> status.setText(text.get("live.failed", firstLine(run.problemText() == null ? null : t(run.problemText()))));
        }
        List<EpochReport> epochs = run.epochs();
        List<TrainingAdvice.Advice> given = draw(epochs, run.batchPoints());
        if (finishedNow && !recorded) {
            recorded = true;
            // Nothing more will change: stop following (and polling) until the next Train.
            unsubscribe.run();
            unsubscribe = () -> {};
            if (run.state() == RunState.DONE || !epochs.isEmpty() || !given.isEmpty()) {
                record(running, epochs, given);
            }
        }
    }

    /** Where the waiting run stands, and why it waits. */
    private String waitingText() {
        RunJob job = queue.find(run.id()).orElse(null);
        if (job == null) {
            return text.get("live.starting");
        }
        if (job.isPaused()) {
            return text.get("live.paused");
        }
        RunQueue.Place place = queue.place(job);
        if (place.ahead() == 0 && place.training() == 0) {
            return text.get("live.starting");
        }
        String when = place.estimatedWait() == null ? text.get("live.waiting.estimating")
                : text.get("live.waiting.starts", seconds(place.estimatedWait().toMillis() / 1000.0));
        return text.get("live.waiting", runs(place.ahead()), runs(place.training()), when);
    }

    private static String runs(int n) {
        return n + (n == 1 ? " run" : " runs");
    }

    /**
     * The curves, the last epoch's numbers and the advice for a run's history (training loss and
     * accuracy per batch, validation per epoch); returns the advice shown.
     */
    List<TrainingAdvice.Advice> draw(List<EpochReport> epochs, List<LiveRun.Point> batches) {
        List<double[]> trainLoss = new ArrayList<>();
        List<double[]> trainAccuracy = new ArrayList<>();
        for (LiveRun.Point p : batches) {
            trainLoss.add(new double[] {p.epoch(), p.loss()});
            trainAccuracy.add(new double[] {p.epoch(), 100 * p.accuracy()});
        }
        List<double[]> validationLoss = new ArrayList<>();
        List<double[]> validationAccuracy = new ArrayList<>();
        for (EpochReport e : epochs) {
            if (!Double.isNaN(e.validationLoss())) {
                validationLoss.add(new double[] {e.epoch(), e.validationLoss()});
                validationAccuracy.add(new double[] {e.epoch(), 100 * e.validationAccuracy()});
            }
        }
        loss.setConfig(ChartConfig.xyLine().points(t("training.chart.training"), trainLoss, false)
                .points(t("training.chart.validation"), validationLoss, true).axes(t("training.chart.epoch"), t("training.chart.loss")));
        accuracy.setConfig(ChartConfig.xyLine().points(t("training.chart.training"), trainAccuracy, false)
                .points(t("training.chart.validation"), validationAccuracy, true)
                .axes(t("training.chart.epoch"), t("training.chart.accuracy-percent")));
        showNumbers(epochs);
        List<TrainingAdvice.Advice> given = TrainingAdvice.of(epochs, batches);
        advice.removeAll();
        for (TrainingAdvice.Advice a : given) {
            Div note = new Div(new Span(t(a.message()) + " "), new Anchor("#training", text.get("live.why")));
            note.addClassName("callout-warning");
            note.getElement().setAttribute("data-advice", a.kind());
            advice.add(note);
        }
        return given;
    }

    private void showNumbers(List<EpochReport> epochs) {
        if (epochs.isEmpty() || Double.isNaN(epochs.getLast().validationAccuracy())) {
            numbers.setVisible(false);
            return;
        }
        EpochReport last = epochs.getLast();
        numbers.setText(text.get("live.numbers", last.epoch(), percent(last.accuracy()),
                percent(last.validationAccuracy()), shownPoints(gap(last)), decimal(last.loss()),
                decimal(last.validationLoss())));
        numbers.getElement().setAttribute("data-training-accuracy", rootPercent(last.accuracy()));
        numbers.getElement().setAttribute("data-validation-accuracy", rootPercent(last.validationAccuracy()));
        numbers.getElement().setAttribute("data-gap", points(gap(last)));
        numbers.setVisible(true);
    }

    /** Training accuracy minus validation accuracy, in percentage points. */
    static double gap(EpochReport epoch) {
        return 100 * (epoch.accuracy() - epoch.validationAccuracy());
    }

    /** Adds a finished run to the table of this visit's runs, newest first. */
    private void record(LessonNetwork network, List<EpochReport> epochs, List<TrainingAdvice.Advice> given) {
        EpochReport last = epochs.isEmpty() ? null : epochs.getLast();
        boolean validated = last != null && !Double.isNaN(last.validationAccuracy());
        String advised = given.isEmpty() ? text.get("live.runs.none") : String.join(", ",
                given.stream().map(a -> text.has("live.advice." + a.kind()) ? text.get("live.advice." + a.kind())
                        : a.kind()).toList());
        finished.addFirst(new String[] {network.summary() + (run.state() == RunState.CANCELLED ? " " + text.get("live.runs.cancelled") : ""),
                last == null ? "–" : percent(last.accuracy()), validated ? percent(last.validationAccuracy()) : "–",
                validated ? shownPoints(gap(last)) : "–", advised});
        runs.removeAll();
        runs.add(new H3(text.get("live.runs.title")), table(text.get("live.runs.title"), List.of(text.get("live.runs.settings"),
                text.get("live.runs.training"), text.get("live.runs.validation"), text.get("live.runs.gap"),
                text.get("live.runs.advice")), finished));
    }

    /** A plain table, as the lessons draw theirs: the settings are each row's header, numbers right-aligned. */
    private static Component table(String title, List<String> headers, List<String[]> rows) {
        Element table = new Element("table");
        table.getClassList().add("lesson-table");
        Element caption = new Element("caption").setText(title);
        caption.getClassList().add("sr-only");
        Element head = new Element("tr");
        headers.forEach(h -> head.appendChild(new Element("th").setText(h).setAttribute("scope", "col")));
        Element body = new Element("tbody");
        for (String[] values : rows) {
            Element row = new Element("tr");
            for (int i = 0; i < values.length; i++) {
                Element cell = new Element(i == 0 ? "th" : "td").setText(values[i]);
                if (i == 0) {
                    cell.setAttribute("scope", "row");
                } else if (values[i].matches("-?[\\d.]+")) {
                    cell.getClassList().add("number");
                }
                row.appendChild(cell);
            }
            body.appendChild(row);
        }
        table.appendChild(caption, new Element("thead").appendChild(head), body);
        Div wrapper = new Div();
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /** A percentage as the page's language writes it ("85.3", "85,3"). */
    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? org.convlab.base.ui.I18n.decimal(100 * fraction, 1) : "–";
    }

    /** A percentage for a data attribute: code, the same in every language. */
    private static String rootPercent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f", 100 * fraction) : "–";
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A gap as the learner reads it: a negative one with the minus sign the lessons use, not a hyphen. */
    private static String shownPoints(double value) {
        return org.convlab.base.ui.I18n.decimal(value, 1).replace('-', '−');
    }

    private static String decimal(double value) {
        return Double.isFinite(value) ? org.convlab.base.ui.I18n.decimal(value, value >= 100 ? 0 : 2) : t("training.live.not-a-number");
    }

    private static String seconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s < 60 ? t("training.time.seconds", s) : t("training.time.minutes-seconds", s / 60, s % 60);
    }

    private static String firstLine(String problem) {
        if (problem == null || problem.isBlank()) {
            return t("training.live.no-reason");
        }
        return problem.strip().lines().findFirst().orElse(problem);
    }
}
