package org.convlab.training.ui;

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
    final Chart accuracy = new Chart("Test accuracy of each variant");
    final Chart speed = new Chart("Seconds per epoch of each variant");

    private final GridRun grid;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private volatile long lastPush;

    GridPanel(GridRun grid) {
        this.grid = grid;
        addClassName("grid-panel");
        table.addColumn(grid::label).setHeader("Variant").setFlexGrow(2);
        table.addColumn(run -> run.state().name().toLowerCase(Locale.ROOT)).setHeader("State");
        table.addColumn(GridPanel::progress).setHeader("Progress");
        table.addColumn(run -> run.testAccuracy() == null ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * run.testAccuracy()))
                .setHeader("Test accuracy");
        table.addColumn(run -> lastEpoch(run) == null ? "" : String.format(Locale.ROOT, "%.3f", lastEpoch(run).validationLoss()))
                .setHeader("Validation loss");
        table.addColumn(run -> lastEpoch(run) == null ? "" : String.format(Locale.ROOT, "%.1f s", secondsPerEpoch(run)))
                .setHeader("Seconds / epoch");
        table.addColumn(run -> lastEpoch(run) == null ? "" : String.format(Locale.ROOT, "%,.0f", lastEpoch(run).imagesPerSecond()))
                .setHeader("Images / s");
        table.addComponentColumn(run -> new Anchor(run.state() == RunState.DONE ? "runs/" + run.id() : "train/live/" + run.id(),
                run.state() == RunState.DONE ? "open" : "watch")).setHeader("");
        table.setItems(grid.runs());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Div charts = new Div(accuracy, speed);
        charts.addClassName("side-by-side");
        add(new H3(grid.kind().title() + " · " + grid.runs().size() + " runs"),
                new Paragraph(grid.kind().question()), table, charts);
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
        List<String> labels = grid.runs().stream().map(grid::label).toList();
        accuracy.setConfig(ChartConfig.bar(labels)
                .series("test accuracy (%)", grid.runs().stream()
                        .map(r -> r.testAccuracy() == null ? 0.0 : Math.round(1000 * r.testAccuracy()) / 10.0).toList())
                .axes(null, "test accuracy (%)"));
        speed.setConfig(ChartConfig.bar(labels)
                .series("seconds per epoch", grid.runs().stream()
                        .map(r -> lastEpoch(r) == null ? 0.0 : Math.round(10 * secondsPerEpoch(r)) / 10.0).toList())
                .axes(null, "seconds per epoch"));
    }

    private static String progress(LiveRun run) {
        var latest = run.latest();
        if (latest == null || run.finished()) {
            return run.finished() ? "" : "waiting";
        }
        return "epoch " + latest.epoch() + "/" + latest.epochs();
    }

    private static EpochReport lastEpoch(LiveRun run) {
        List<EpochReport> epochs = run.epochs();
        return epochs.isEmpty() ? null : epochs.getLast();
    }

    private static double secondsPerEpoch(LiveRun run) {
        return run.epochs().stream().mapToDouble(EpochReport::seconds).average().orElse(0);
    }
}
