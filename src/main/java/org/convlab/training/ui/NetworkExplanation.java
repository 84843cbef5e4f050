package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.dom.Element;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.convlab.training.engine.NetworkExplainer.Overview;
import org.convlab.training.engine.NeuronTrace;
import org.convlab.training.queue.TrainingService.SavedRun;

/**
 * The learner's own network explained for one image: the whole network at a glance ({@link
 * NetworkDiagram}), the chosen map enlarged so any of its cells can be picked (by pointer, or by
 * row and column for the keyboard), and the chosen number traced to its arithmetic ({@link
 * NeuronTracePanel}). All model work runs on the training worker's safe points.
 */
final class NetworkExplanation extends Div {

    /** The enlarged map's width in pixels, whatever its size in cells. */
    static final int ENLARGED = 336;

    /** Where the explanations come from: a saved run on the training worker, or a network built in place. */
    @FunctionalInterface
    interface Source {
        <T> CompletableFuture<T> explain(Function<NetworkExplainer, T> work);
    }

    private final Source source;
    private final List<BiConsumer<LayerOutput, Integer>> mapChosen = new ArrayList<>();
    private final List<Consumer<Overview>> overviewShownListeners = new ArrayList<>();
    final Div overviewArea = new Div();
    final Div chosenArea = new Div();
    final Div traceArea = new Div();
    final Paragraph status = new Paragraph();
    NetworkDiagram diagram;
    Overview overview;
    private float[] image;
    private int chosenLayer;
    private int chosenChannel;
    /** A cell of the enlarged map, in pixels. */
    private int cell = 12;
    /** The chosen map's row and column fields; they follow a cell picked with the pointer. */
    private IntegerField rowField;
    private IntegerField colField;

    /** Complete when the overview, and the last trace asked for, are on the page (for tests). */
    CompletableFuture<Void> overviewShown = CompletableFuture.completedFuture(null);
    CompletableFuture<Void> traceShown = CompletableFuture.completedFuture(null);

    NetworkExplanation(RunAnalysisService service, SavedRun run) {
        this(new Source() {
            @Override
            public <T> CompletableFuture<T> explain(Function<NetworkExplainer, T> work) {
                return service.explain(run, work);
            }
        });
    }

    NetworkExplanation(Source source) {
        this.source = source;
        addClassName("network-explanation");
        chosenArea.addClassName("chosen-map");
        traceArea.addClassName("trace-area");
        // Screen readers hear the one line with the result, not every table of a new trace.
        status.addClassName("sr-only");
        status.getElement().setAttribute("aria-live", "polite");
        add(overviewArea, chosenArea, status, traceArea);
    }

    CompletableFuture<Void> show(float[] pixels) {
        image = pixels.clone();
        overviewArea.removeAll();
        chosenArea.removeAll();
        traceArea.removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.getElement().setAttribute("aria-label", t("run.maps.running-label"));
        overviewArea.add(new Paragraph(t("run.explanation.running")), progress);
        overviewShown = UiUpdates.whenDone(UI.getCurrent(), source.explain(e -> e.overview(image)), this::render,
                problem -> {
                    overviewArea.removeAll();
                    overviewArea.add(error(t("run.explanation.failed", problem)));
                });
        return overviewShown;
    }

    private void render(Overview result) {
        overview = result;
        overviewShownListeners.forEach(listener -> listener.accept(result));
        overviewArea.removeAll();
        diagram = new NetworkDiagram(result, this::choose);
        overviewArea.add(new Paragraph(t(result.layers().getFirst().channels() == 3 ? "run.explanation.overview-colour"
                : "run.explanation.overview")), diagram);
        // Start where the lessons start: the first conv layer, its first map, a cell near the middle.
        for (LayerOutput layer : result.layers()) {
            if ("conv2d".equals(layer.kind())) {
                choose(layer.layer(), 0);
                return;
            }
        }
    }

    /** A map (or a unit of a flat layer) was chosen in the diagram. */
    void choose(int layer, int channel) {
        chosenLayer = layer;
        chosenChannel = channel;
        diagram.highlight(layer, channel);
        mapChosen.forEach(listener -> listener.accept(overview.layers().get(layer), channel));
        LayerOutput out = overview.layers().get(layer);
        chosenArea.removeAll();
        if (layer == 0) {
            chosenArea.add(new Paragraph(out.channels() == 3
                    ? t("run.explanation.input-colour", FiltersPanel.colour(channel, "the-channel"))
                    : t("run.explanation.input")));
            return;
        }
        if (out.flat()) {
            IntegerField unit = new IntegerField(t("run.explanation.unit", out.channels()));
            unit.setMin(1);
            unit.setMax(out.channels());
            unit.setValue(channel + 1);
            unit.setStepButtonsVisible(true);
            Button explain = new Button(t("run.explanation.explain-unit"), e -> {
                Integer u = unit.getValue();
                if (u == null || u < 1 || u > out.channels()) {
                    unit.setInvalid(true);
                    unit.setErrorMessage(t("run.explanation.unit-invalid", out.channels()));
                } else {
                    explain(layer, u - 1, 0, 0);
                }
            });
            chosenArea.add(new H3(t("run.explanation.flat-title", layer, out.name(), (long) out.channels())),
                    fields(unit, explain));
            explain(layer, channel, 0, 0);
            return;
        }
        chosenArea.add(new H3(t("run.explanation.map-title", layer, out.name(), channel + 1, out.channels(), out.height(),
                out.width())));
        chosenArea.add(new Paragraph(t("run.explanation.map-text")));
        cell = Math.max(1, ENLARGED / Math.max(out.width(), out.height()));
        int size = cell;
        Div enlarged = new Div();
        enlarged.addClassName("enlarged-map");
        Element img = new Element("img");
        int plane = out.height() * out.width();
        float[] values = new float[plane];
        System.arraycopy(out.values(), channel * plane, values, 0, plane);
        float[] range = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float v : values) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
        img.setAttribute("src", NetworkDiagram.gray(values, 0, plane, out.height(), out.width(), range));
        img.setAttribute("alt", t("run.explanation.enlarged", channel + 1, layer));
        img.getStyle().set("width", out.width() * size + "px").set("height", out.height() * size + "px");
        img.addEventListener("click", e -> {
            int col = (int) Math.floor(e.getEventData().get("event.offsetX").asDouble() / size);
            int row = (int) Math.floor(e.getEventData().get("event.offsetY").asDouble() / size);
            explain(layer, channel, Math.clamp(row, 0, out.height() - 1), Math.clamp(col, 0, out.width() - 1));
        }).addEventData("event.offsetX").addEventData("event.offsetY");
        Div marker = new Div();
        marker.addClassName("cell-marker");
        marker.getStyle().set("width", size + "px").set("height", size + "px");
        enlarged.getElement().appendChild(img);
        enlarged.add(marker);
        IntegerField row = new IntegerField(t("run.explanation.row", out.height()));
        IntegerField col = new IntegerField(t("run.explanation.column", out.width()));
        rowField = row;
        colField = col;
        for (IntegerField f : new IntegerField[] {row, col}) {
            f.setMin(1);
            f.setStepButtonsVisible(true);
        }
        row.setMax(out.height());
        col.setMax(out.width());
        row.setValue(out.height() / 2 + 1);
        col.setValue(out.width() / 2 + 1);
        Button explain = new Button(t("run.explanation.explain-cell"), e -> {
            Integer r = row.getValue();
            Integer c = col.getValue();
            row.setInvalid(r == null || r < 1 || r > out.height());
            col.setInvalid(c == null || c < 1 || c > out.width());
            row.setErrorMessage(t("run.explanation.row-invalid", out.height()));
            col.setErrorMessage(t("run.explanation.column-invalid", out.width()));
            if (!row.isInvalid() && !col.isInvalid()) {
                explain(layer, channel, r - 1, c - 1);
            }
        });
        chosenArea.add(enlarged, fields(row, col, explain));
        explain(layer, channel, out.height() / 2, out.width() / 2);
    }

    /** Traces one number and shows its arithmetic. */
    CompletableFuture<Void> explain(int layer, int channel, int row, int col) {
        if (rowField != null && !overview.layers().get(layer).flat()) {
            rowField.setValue(row + 1);
            colField.setValue(col + 1);
        }
        chosenArea.getChildren().filter(c -> c.hasClassName("enlarged-map")).findFirst().ifPresent(map ->
                map.getChildren().filter(c -> c.hasClassName("cell-marker")).findFirst().ifPresent(marker ->
                        marker.getElement().getStyle().set("left", col * cell + "px").set("top", row * cell + "px")));
        traceArea.removeAll();
        traceArea.add(new Paragraph(t("run.explanation.computing")));
        float[] pixels = image;
        traceShown = UiUpdates.whenDone(UI.getCurrent(), source.explain(e -> e.trace(pixels, layer, channel, row, col)),
                (NeuronTrace trace) -> {
                    traceArea.removeAll();
                    NeuronTracePanel panel = new NeuronTracePanel(trace);
                    traceArea.add(panel);
                    status.setText(t("run.explanation.status", panel.title(), panel.result.getText()));
                },
                problem -> {
                    traceArea.removeAll();
                    traceArea.add(error(t("run.explanation.trace-failed", problem)));
                });
        return traceShown;
    }

    /** Gives {@code listener} every overview as it is shown. */
    void addOverviewListener(Consumer<Overview> listener) {
        overviewShownListeners.add(listener);
    }

    /** Tells {@code listener} which layer's map (or unit) the learner chose, each time they choose one. */
    void addMapChosenListener(BiConsumer<LayerOutput, Integer> listener) {
        mapChosen.add(listener);
    }

    int chosenLayer() {
        return chosenLayer;
    }

    int chosenChannel() {
        return chosenChannel;
    }

    private static Div fields(com.vaadin.flow.component.Component... parts) {
        Div row = new Div(parts);
        row.addClassName("trace-fields");
        return row;
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("error-text");
        return p;
    }
}
