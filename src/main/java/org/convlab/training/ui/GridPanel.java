package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.base.ui.I18n;
import org.convlab.i18n.Translations;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.training.queue.LiveRun;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.queue.RunQueue.GridRun;
import org.convlab.training.engine.RunState;

/**
 * One experiment grid as it runs: a row per variant (state, accuracy, time, speed) and, as runs
 * finish, a chart comparing them. Updates live, at most twice a second.
 */
final class GridPanel extends Div {

    final Grid<LiveRun> table = new Grid<>();
    final Chart accuracy = new Chart(t("training.grid-panel.accuracy-chart"));
    final Chart speed = new Chart(t("training.grid-panel.speed-chart"));

    private final GridRun grid;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private volatile long lastPush;

    GridPanel(GridRun grid) {
        this.grid = grid;
        addClassName("grid-panel");
        table.addColumn(run -> variant(grid.label(run))).setHeader(t("training.grid-panel.variant")).setFlexGrow(2);
        table.addColumn(run -> RunText.status(run.state())).setHeader(t("training.grid-panel.state"));
        table.addColumn(GridPanel::progress).setHeader(t("training.grid-panel.progress"));
        table.addColumn(run -> run.testAccuracy() == null ? "" : I18n.percent(run.testAccuracy(), 2))
                .setHeader(t("training.grid-panel.test-accuracy"));
        table.addColumn(run -> lastEpoch(run) == null ? "" : I18n.decimal(lastEpoch(run).validationLoss(), 3))
                .setHeader(t("training.grid-panel.validation-loss"));
        table.addColumn(run -> lastEpoch(run) == null ? "" : t("training.grid-panel.seconds", I18n.decimal(secondsPerEpoch(run), 1)))
                .setHeader(t("training.grid-panel.seconds-per-epoch"));
        table.addColumn(run -> lastEpoch(run) == null ? "" : I18n.decimal(lastEpoch(run).imagesPerSecond(), 0))
                .setHeader(t("training.grid-panel.images-per-second"));
        table.addComponentColumn(run -> new Anchor(run.state() == RunState.DONE ? "runs/" + run.id() : "train/live/" + run.id(),
                t(run.state() == RunState.DONE ? "training.grid-panel.open" : "training.grid-panel.watch"))).setHeader("");
        table.setItems(grid.runs());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Div charts = new Div(accuracy, speed);
        charts.addClassName("side-by-side");
        add(new H3(t("training.grid-panel.title", grid.kind().title(), I18n.count("training.budget.runs", grid.runs().size()))),
                new Paragraph(t(grid.kind().question())), table, charts);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        for (LiveRun run : grid.runs()) {
            subscriptions.add(run.subscribe(changed -> {
                long now = System.currentTimeMillis();
                if (changed.finished() || now - lastPush > 500) {
                    lastPush = now;
                    ui.access(this::refresh);
                }
            }));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        super.onDetach(event);
    }

    void refresh() {
        table.getDataProvider().refreshAll();
        List<String> labels = grid.runs().stream().map(grid::label).map(GridPanel::variant).toList();
        accuracy.setConfig(ChartConfig.bar(labels)
                .series(t("training.grid-panel.accuracy-axis"), grid.runs().stream()
                        .map(r -> r.testAccuracy() == null ? 0.0 : Math.round(1000 * r.testAccuracy()) / 10.0).toList())
                .axes(null, t("training.grid-panel.accuracy-axis")));
        speed.setConfig(ChartConfig.bar(labels)
                .series(t("training.grid-panel.speed-axis"), grid.runs().stream()
                        .map(r -> lastEpoch(r) == null ? 0.0 : Math.round(10 * secondsPerEpoch(r)) / 10.0).toList())
                .axes(null, t("training.grid-panel.speed-axis")));
    }

    /**
     * A variant's label as stored ("max pooling", "+ dropout") in the reader's language where the
     * bundle has words for it; labels that are code or numbers ("relu + adam", "batch 64", "GPU") stay.
     */
    static String variant(String label) {
        String key = "training.variant." + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return Translations.has(key) ? t(key) : label;
    }

    private static String progress(LiveRun run) {
        var latest = run.latest();
        if (latest == null || run.finished()) {
            return run.finished() ? "" : t("training.grid-panel.waiting");
        }
        return t("training.grid-panel.epoch", latest.epoch(), latest.epochs());
    }

    private static EpochReport lastEpoch(LiveRun run) {
        List<EpochReport> epochs = run.epochs();
        return epochs.isEmpty() ? null : epochs.getLast();
    }

    private static double secondsPerEpoch(LiveRun run) {
        return run.epochs().stream().mapToDouble(EpochReport::seconds).average().orElse(0);
    }
}
