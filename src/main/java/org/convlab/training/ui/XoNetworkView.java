package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.convlab.base.ui.I18n;
import org.convlab.lesson.Fractions;
import org.slf4j.LoggerFactory;
import org.convlab.lesson.xo.Filter;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.convlab.training.engine.NeuronTrace;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.XoNetwork;

/**
 * The X/O lesson's hand-made network shown the way "Explain my model" shows a learner's own: the
 * deck's three filters as a conv layer, its pooling, the 12 values and the vote written as a dense
 * layer's weights, all run by DJL, with any number traceable. Ends with the deck's own test vector
 * scored by that dense layer: 0.91 for X and 0.51 for O, as decks 001 and 003 write them.
 */
@AnonymousAllowed
@Route("learn/x-or-o/network")
final class XoNetworkView extends Main implements HasDynamicTitle {

    /**
     * One network for the whole app: its parameters are the deck's numbers, never trained, a few
     * hundred floats on the CPU; built on first use and kept until the app stops. Calls are
     * serialised on it, so sessions never share its native memory managers at the same moment. A
     * failed build (no deep-learning engine on this machine) is tried again on the next call.
     */
    private static TrainedModel shared;

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(XoNetworkView.class);

    private static synchronized <T> T withModel(Function<NetworkExplainer, T> work) {
        if (shared == null) {
            shared = XoNetwork.build();
        }
        return work.apply(new NetworkExplainer(shared));
    }

    /** Explanations computed in place, on the request's thread: the network is tiny. */
    static final NetworkExplanation.Source SOURCE = new NetworkExplanation.Source() {
        @Override
        public <T> CompletableFuture<T> explain(Function<NetworkExplainer, T> work) {
            try {
                return CompletableFuture.completedFuture(withModel(work));
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: the engine's native library could not be loaded.
                log.warn("The X/O network could not be run", e);
                return CompletableFuture.failedFuture(e);
            }
        }
    };

    final Select<Rendition> picture = new Select<>();
    final NetworkExplanation explanation = new NetworkExplanation(SOURCE);
    /** The three conv maps (after ReLU) as numbers, side by side. */
    final Div maps = new Div();
    /** The 12 values of the chosen picture. */
    final Div vector = new Div();
    /** The deck's test vector, the vote's weights and the two scores. */
    final Div deckTest = new Div();

    @Override
    public String getPageTitle() {
        return t("run.xo.page-title");
    }

    XoNetworkView() {
        addClassNames("page", "explain-page", "xo-network-page");
        add(new H1(t("run.xo.title")));
        add(new Paragraph(t("run.xo.intro")), new Paragraph(new Anchor("learn/x-or-o", t("run.xo.back"))));
        add(new PageSection(t("run.xo.layers-title"), null, layerList()));

        picture.setLabel(t("run.xo.picture"));
        picture.setItems(XoRenditions.all());
        picture.setItemLabelGenerator(r -> r.title(I18n.locale()));
        picture.addValueChangeListener(e -> show(e.getValue()));
        Div controls = new Div(picture);
        controls.addClassName("inspector-controls");
        add(new PageSection(t("run.xo.run-title"), t("run.xo.run-text"), controls, explanation));
        maps.addClassName("xo-maps");
        add(new PageSection(t("run.xo.maps-title"), t("run.xo.maps-text"), maps));
        add(new PageSection(t("run.xo.pooling-title"), t("run.xo.pooling-text"), vector));
        add(new PageSection(t("run.xo.vote-title"), t("run.xo.vote-text"), weightsTable()));
        deckTest.addClassName("xo-deck-test");
        add(new PageSection(t("run.xo.deck-title"), t("run.xo.deck-text"), deckTest));
        showDeckTest();
        picture.setValue(XoRenditions.byId("x"));
    }

    private void show(Rendition rendition) {
        if (rendition == null) {
            return;
        }
        float[] pixels = XoNetwork.pixels(rendition.image());
        explanation.show(pixels);
        SOURCE.explain(e -> e.overview(pixels)).whenComplete((overview, error) -> {
            if (error != null) {
                maps.removeAll();
                vector.removeAll();
                maps.add(error(t("run.xo.failed", UiUpdates.message(error))));
                return;
            }
            maps.removeAll();
            LayerOutput conv = overview.layers().get(XoNetwork.CONV_LAYER);
            List<Filter> filters = Filter.xoFilters();
            for (int f = 0; f < conv.channels(); f++) {
                maps.add(grid(t("run.xo.filter." + filters.get(f).name().replace(' ', '-')), conv, f));
            }
            LayerOutput flat = overview.layers().get(XoNetwork.VOTE_LAYER - 1);
            LayerOutput scores = overview.layers().get(XoNetwork.VOTE_LAYER);
            List<String> values = new ArrayList<>();
            for (float v : flat.values()) {
                values.add(ninths(v));
            }
            vector.removeAll();
            // Where the decimal separator is a comma ("0,5"), the values are set apart by semicolons.
            boolean commaDecimals = !NeuronTracePanel.local(".").equals(".");
            Paragraph twelve = new Paragraph(t("run.xo.twelve", String.join(commaDecimals ? ";  " : ",  ", values)));
            twelve.addClassName("xo-vector");
            Paragraph vote = new Paragraph(t("run.xo.outputs", decimal(scores.values()[0]), decimal(scores.values()[1]),
                    overview.classNames().get(overview.predicted())));
            vote.addClassName("xo-scores");
            vector.add(twelve, vote);
        });
    }

    private void showDeckTest() {
        List<Double> test = XoExample.DECK_TEST_VECTOR;
        float[] values = new float[test.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = test.get(i).floatValue();
        }
        deckTest.add(new Html("<div>" + table(t("run.xo.deck-values"), positions(test.size()), List.of(numbers(test)))
                + "</div>"));
        double[][] weights = XoNetwork.voteWeights();
        List<String> written = new ArrayList<>();
        for (int unit = 0; unit < XoNetwork.LETTERS.size(); unit++) {
            int u = unit;
            NeuronTrace.DenseUnit trace;
            try {
                trace = SOURCE.explain(e -> e.traceUnit(values, XoNetwork.VOTE_LAYER, u)).join();
            } catch (CompletionException e) {
                deckTest.add(error(t("run.xo.deck-failed", UiUpdates.message(e.getCause()))));
                return;
            }
            String letter = XoNetwork.LETTERS.get(unit);
            List<String> terms = new ArrayList<>();
            double sum = 0;
            int lit = 0;
            for (int i = 0; i < values.length; i++) {
                if (weights[unit][i] != 0) {
                    terms.add(plain(test.get(i)));
                    sum += test.get(i);
                    lit++;
                }
            }
            Paragraph line = new Paragraph(t("run.xo.score-line", letter, String.join(" + ", terms), plain(sum), lit,
                    plain(trace.modelValue()), asTheDeck(trace.modelValue())));
            line.addClassName("xo-deck-score");
            written.add(asTheDeck(trace.modelValue()));
            Div unitTrace = new Div(line, new NeuronTracePanel(trace));
            unitTrace.addClassName("xo-deck-unit");
            deckTest.add(new H3(t("run.xo.score-for", letter)), unitTrace);
        }
        // The deck's verdict: X's score against O's (LETTERS), the smaller one losing.
        Paragraph verdict = new Paragraph(t("run.xo.verdict", written.get(0), written.get(1)));
        verdict.addClassName("xo-verdict");
        deckTest.add(verdict);
    }

    /**
     * Two decimals cut, not rounded, as the deck writes its scores: 0.912 is 0.91 and 0.5175 is 0.51
     * (the same way it writes 7/9 as 0.77).
     */
    static String asTheDeck(double value) {
        return NeuronTracePanel.local(String.format(Locale.ROOT, "%.2f", Math.floor(value * 100 + 1e-6) / 100));
    }

    /** Two decimals, with the reader's decimal separator. */
    private static String decimal(double value) {
        return NeuronTracePanel.local(Fractions.decimal(value));
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("error-text");
        return p;
    }

    private static Paragraph layerList() {
        Paragraph p = new Paragraph(t("run.xo.layers"));
        p.addClassName("xo-layers");
        return p;
    }

    private static Html weightsTable() {
        double[][] weights = XoNetwork.voteWeights();
        List<List<String>> rows = new ArrayList<>();
        for (int u = 0; u < weights.length; u++) {
            List<String> row = new ArrayList<>();
            row.add(XoNetwork.LETTERS.get(u));
            for (double w : weights[u]) {
                row.add(w == 0 ? "0" : "1/" + Math.round(1 / w));
            }
            rows.add(row);
        }
        return new Html("<div>" + table(t("run.xo.weights"),
                positions(weights[0].length), rows) + "</div>");
    }

    /** A header row: a blank corner, then the value positions 1, 2, 3, ... */
    private static List<String> positions(int count) {
        List<String> head = new ArrayList<>(List.of(""));
        for (int i = 1; i <= count; i++) {
            head.add(Integer.toString(i));
        }
        return head;
    }

    private static List<String> numbers(List<Double> values) {
        List<String> row = new ArrayList<>(List.of(t("run.xo.value")));
        values.forEach(v -> row.add(plain(v)));
        return row;
    }

    /** A map of the conv layer as a grid of ninths. */
    private static Html grid(String caption, LayerOutput layer, int channel) {
        List<List<String>> rows = new ArrayList<>();
        int plane = layer.height() * layer.width();
        for (int r = 0; r < layer.height(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < layer.width(); c++) {
                row.add(ninths(layer.values()[channel * plane + r * layer.width() + c]));
            }
            rows.add(row);
        }
        return new Html("<div class=\"xo-map\">" + table(caption, null, rows) + "</div>");
    }

    /** A plain HTML table; every cell is a number or a fixed word, nothing a learner typed. */
    private static String table(String caption, List<String> head, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table class=\"trace-table\"><caption>").append(caption).append("</caption>");
        if (head != null) {
            t.append("<thead><tr>");
            head.forEach(h -> t.append(h.isEmpty() ? "<td></td>" : "<th scope=\"col\">" + h + "</th>"));
            t.append("</tr></thead>");
        }
        t.append("<tbody>");
        for (List<String> row : rows) {
            t.append("<tr>");
            row.forEach(cell -> t.append("<td>").append(cell).append("</td>"));
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    /**
     * A value of the network in ninths, as the lesson writes it ("7/9"); the network computes in
     * single precision, a few millionths away from the exact fraction.
     */
    static String ninths(float value) {
        double nines = Math.rint(value * 9.0);
        return Math.abs(value * 9.0 - nines) < 1e-4 ? Fractions.format(nines / 9, 9) : decimal(value);
    }

    private static String plain(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return NeuronTracePanel.local(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
    }
}
