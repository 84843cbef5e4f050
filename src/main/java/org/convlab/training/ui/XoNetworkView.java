package org.convlab.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
@PageTitle("The X/O network, explained · ConvLab")
final class XoNetworkView extends Main {

    /**
     * One network for the whole app: its parameters are the deck's numbers, never trained, a few
     * hundred floats on the CPU; built on first use and kept until the app stops. Calls are
     * serialised on it, so sessions never share its native memory managers at the same moment. A
     * failed build (no deep-learning engine on this machine) is tried again on the next call.
     */
    private static TrainedModel shared;

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
                LoggerFactory.getLogger(XoNetworkView.class).warn("The X/O network could not be run", e);
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

    XoNetworkView() {
        addClassNames("page", "explain-page", "xo-network-page");
        add(new H1("The X/O network, explained like your own"));
        add(new Paragraph("The X or O lesson built a tiny network by hand. Here the same numbers are loaded into a "
                + "real network, run by the same engine that trains your models, and shown the way the explanation "
                + "page shows yours. Nothing here was learned: every weight is one you can check in the lesson."),
                new Paragraph(new Anchor("learn/x-or-o", "← Back to the X or O lesson")));
        add(new PageSection("The network, layer by layer", null, layerList()));

        picture.setLabel("Picture");
        picture.setItems(XoRenditions.all());
        picture.setItemLabelGenerator(Rendition::title);
        picture.addValueChangeListener(e -> show(e.getValue()));
        Div controls = new Div(picture);
        controls.addClassName("inspector-controls");
        add(new PageSection("Run a picture through it", "Choose a picture. Every layer's output is shown at once; "
                + "choose a map, then a cell, to see how its number was computed with these weights. The last "
                + "column turns the two scores into percentages with softmax, as for a trained model; the deck "
                + "compares the scores themselves, written out below.", controls,
                explanation));
        maps.addClassName("xo-maps");
        add(new PageSection("The three maps side by side", "The conv layer's three maps after ReLU, in ninths as in "
                + "the lesson: 1 where all 9 cells of the window agree with the filter.", maps));
        add(new PageSection("Pooling and the 12 values", "Max pooling with padding \"same\" keeps the windows that "
                + "hang over the edge, as the lesson does: 7×7 becomes 4×4, and pooling again gives 2×2. Flatten "
                + "lays the three 2×2 maps end to end.", vector));
        add(new PageSection("The vote as a dense layer", "The lesson's vote takes the mean of the values a letter "
                + "lights up. A dense layer does the same when its weight is 1/n on those n values and 0 on all "
                + "others, with no bias: the sum of value × weight is then the mean.", weightsTable()));
        deckTest.addClassName("xo-deck-test");
        add(new PageSection("The deck's test vector", "Decks 001 and 003 test their network with 12 values from an "
                + "unknown picture. The same dense layer scores them here.", deckTest));
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
                maps.add(error("The network could not be run: " + UiUpdates.message(error)));
                return;
            }
            maps.removeAll();
            LayerOutput conv = overview.layers().get(XoNetwork.CONV_LAYER);
            List<Filter> filters = Filter.xoFilters();
            for (int f = 0; f < conv.channels(); f++) {
                maps.add(grid(filters.get(f).name() + " filter", conv, f));
            }
            LayerOutput flat = overview.layers().get(XoNetwork.VOTE_LAYER - 1);
            LayerOutput scores = overview.layers().get(XoNetwork.VOTE_LAYER);
            List<String> values = new ArrayList<>();
            for (float v : flat.values()) {
                values.add(ninths(v));
            }
            vector.removeAll();
            Paragraph twelve = new Paragraph("The 12 values (filter \\, then ×, then /): " + String.join(",  ", values));
            twelve.addClassName("xo-vector");
            Paragraph vote = new Paragraph("The dense layer's two outputs: X " + Fractions.decimal(scores.values()[0])
                    + ", O " + Fractions.decimal(scores.values()[1]) + ". The network says "
                    + overview.classNames().get(overview.predicted()) + ".");
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
        deckTest.add(new Html("<div>" + table("The deck's 12 values", positions(test.size()), List.of(numbers(test)))
                + "</div>"));
        double[][] weights = XoNetwork.voteWeights();
        List<String> written = new ArrayList<>();
        for (int unit = 0; unit < XoNetwork.LETTERS.size(); unit++) {
            int u = unit;
            NeuronTrace.DenseUnit trace;
            try {
                trace = SOURCE.explain(e -> e.traceUnit(values, XoNetwork.VOTE_LAYER, u)).join();
            } catch (CompletionException e) {
                deckTest.add(error("The deck's test vector could not be scored: " + UiUpdates.message(e.getCause())));
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
            Paragraph line = new Paragraph(letter + ": " + String.join(" + ", terms) + " = " + plain(sum) + ", and "
                    + plain(sum) + " / " + lit + " = " + plain(trace.modelValue()) + ", which the deck writes as "
                    + asTheDeck(trace.modelValue()) + ".");
            line.addClassName("xo-deck-score");
            written.add(letter + " " + asTheDeck(trace.modelValue()));
            Div unitTrace = new Div(line, new NeuronTracePanel(trace));
            unitTrace.addClassName("xo-deck-unit");
            deckTest.add(new H3("Score for " + letter), unitTrace);
        }
        Paragraph verdict = new Paragraph("The deck's result: " + String.join(" against ", written)
                + ". 0.51 is less than 0.91, so the picture is an X.");
        verdict.addClassName("xo-verdict");
        deckTest.add(verdict);
    }

    /**
     * Two decimals cut, not rounded, as the deck writes its scores: 0.912 is 0.91 and 0.5175 is 0.51
     * (the same way it writes 7/9 as 0.77).
     */
    static String asTheDeck(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100 + 1e-6) / 100);
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("error-text");
        return p;
    }

    private static Paragraph layerList() {
        Paragraph p = new Paragraph("Input: a 9×9 picture, 1 for ink and −1 for background. Layer 1, conv2d: the "
                + "lesson's three 3×3 filters, each weight divided by 9 so a perfect match gives 1, bias 0, then "
                + "ReLU (9×9 → 7×7, three maps). Layers 2 and 3, max pooling 2×2 with padding \"same\" (7×7 → 4×4 → "
                + "2×2). Layer 4, flatten: 12 values. Layer 5, dense: two units, X and O, whose weights are the "
                + "vote; no activation.");
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
        return new Html("<div>" + table("The dense layer's weights: one row per unit, one column per value",
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
        List<String> row = new ArrayList<>(List.of("value"));
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
        return Math.abs(value * 9.0 - nines) < 1e-4 ? Fractions.format(nines / 9, 9) : Fractions.decimal(value);
    }

    private static String plain(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
