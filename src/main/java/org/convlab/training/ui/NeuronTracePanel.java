package org.convlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.ui.WindowAnimations;
import org.convlab.training.engine.NeuronTrace;

/**
 * One number of the learner's network, computed again in front of them with this model's weights
 * and this image's values: for a conv cell, every input channel's window, kernel slice and products
 * in the lessons' matrix animation, then the channel sums, the bias and the activation; pooling,
 * dense units, batch norm and softmax each written out the same way. Ends with the network's own
 * value, which the arithmetic matches.
 */
final class NeuronTracePanel extends Div {

    /** Channels shown at first; a button shows the rest (a conv layer may read 64 maps). */
    static final int FIRST_CHANNELS = 8;

    private static final ValueFormat NUMBER = ValueFormat.plain();

    final Paragraph result = new Paragraph();

    NeuronTracePanel(NeuronTrace trace) {
        addClassName("neuron-trace");
        switch (trace) {
            case NeuronTrace.ConvCell c -> conv(c);
            case NeuronTrace.PoolCell p -> pool(p);
            case NeuronTrace.DenseUnit d -> dense(d);
            case NeuronTrace.NormCell n -> {
                title("Layer " + n.layer() + " (" + n.name() + "), " + cell(n.channel(), n.row(), n.col()));
                add(new Paragraph("Batch normalization shifts and scales each value with four numbers it learned for "
                        + "this map: the mean and variance of its values during training, and a scale γ and shift β."));
                sum("γ × (x − mean) / √(variance + ε) + β = " + n(n.gamma()) + " × (" + n(n.input()) + " − " + n(n.mean())
                        + ") / √(" + n(n.variance()) + " + " + n.epsilon() + ") + " + n(n.beta()) + " = " + n(n.value()));
            }
            case NeuronTrace.ActivationCell a -> {
                if (a.softmax() != null) {
                    title("Layer " + a.layer() + " (" + a.name() + "), unit " + (a.channel() + 1));
                    softmax(a.softmax(), a.channel());
                } else {
                    title("Layer " + a.layer() + " (" + a.name() + "), " + cell(a.channel(), a.row(), a.col()));
                    sum(a.activation() + "(" + n(a.input()) + ") = " + n(a.value()));
                }
            }
            case NeuronTrace.DropoutCell d -> {
                title("Layer " + d.layer() + " (" + d.name() + "), " + cell(d.channel(), d.row(), d.col()));
                add(new Paragraph("Dropout switches off " + Math.round(d.rate() * 100) + "% of the values at random, but "
                        + "only while training, so the network cannot lean on any single one. Once trained, every value "
                        + "passes unchanged."));
                sum(n(d.input()) + " → " + n(d.value()));
            }
            case NeuronTrace.FlattenCell f -> {
                title("Layer " + f.layer() + " (" + f.name() + "), value " + (f.unit() + 1));
                add(new Paragraph("Flatten lays the maps end to end, row after row, map after map. Nothing is "
                        + "computed: value " + (f.unit() + 1) + " is map " + (f.fromChannel() + 1) + ", row "
                        + (f.fromRow() + 1) + ", column " + (f.fromCol() + 1) + " of the layer before."));
                sum("= " + n(f.value()));
            }
        }
        result.setText("The network's own value for this number: " + n(trace.modelValue())
                + (Math.abs(trace.value() - trace.modelValue()) < 1e-4 ? " — the same." : ""));
        result.addClassName("trace-result");
        add(result);
    }

    private void conv(NeuronTrace.ConvCell c) {
        int channels = c.inputs().length;
        int k = c.kernel();
        title("Layer " + c.layer() + " (" + c.name() + "), " + cell(c.channel(), c.row(), c.col()));
        boolean colour = readsColourImage(c);
        String from = colour ? "the red, green and blue of the input image"
                : c.layer() == 1 ? "the input image" : channels + " maps of layer " + (c.layer() - 1);
        add(new Paragraph("Filter " + (c.channel() + 1) + " lays its " + k + "×" + k + " kernel over "
                + window(c) + " of " + from + (colour ? ", with one kernel slice for each colour"
                        : channels > 1 ? ", with one kernel slice for each map" : "")
                + ". Each window is multiplied cell by cell by its slice and the products are added up"
                + (c.padding() > 0 ? "; cells outside the map are padding, 0" : "") + "."));
        Div grids = new Div();
        grids.addClassName("trace-channels");
        add(grids);
        addChannels(grids, c, 0, Math.min(FIRST_CHANNELS, channels));
        if (channels > FIRST_CHANNELS) {
            Button more = new Button("Show all " + channels + " channels");
            more.addClickListener(e -> {
                addChannels(grids, c, FIRST_CHANNELS, channels);
                more.setVisible(false);
            });
            add(more);
        }
        List<String> sums = new ArrayList<>();
        double total = 0;
        for (double s : c.channelSums()) {
            sums.add(n(s));
            total += s;
        }
        if (colour) {
            sum("Sum over red, green and blue: " + String.join(" + ", sums) + " = " + n(total));
        } else if (channels > 1) {
            sum("Sum over the " + channels + " channels: " + String.join(" + ", sums) + " = " + n(total));
        }
        sum((channels > 1 ? n(total) : sums.getFirst()) + " + bias " + n(c.bias()) + " = " + n(c.preActivation()));
        sum(c.activation() + "(" + n(c.preActivation()) + ") = " + n(c.value()));
    }

    private void addChannels(Div grids, NeuronTrace.ConvCell c, int from, int to) {
        boolean colour = readsColourImage(c);
        String source = c.layer() == 1 ? "The image" : "Map";
        for (int ch = from; ch < to; ch++) {
            String name = colour ? "The " + Pictures.channelName(3, ch) + " channel" : source + " " + (ch + 1);
            Component animation = WindowAnimations.convolution(
                    c.inputs().length == 1 ? "The window times the kernel" : name + " times its kernel slice",
                    c.inputs()[ch], c.weights()[ch], window(c) + " of " + (colour
                            ? "the image's " + Pictures.channelName(3, ch) + " channel"
                            : c.layer() == 1 ? "the image" : "map " + (ch + 1) + " of layer " + (c.layer() - 1)));
            Span caption = new Span((c.inputs().length == 1 ? "" : name + ": ") + "sum of products "
                    + n(c.channelSums()[ch]));
            caption.addClassName("trace-channel-sum");
            Div channel = new Div(animation, caption);
            channel.addClassName("trace-channel");
            grids.add(channel);
        }
    }

    /**
     * Whether the cell's layer reads the colour image itself: the first layer, over 3 channels (an
     * image has 1 or 3; maps of a later layer are not colours, even when there are 3 of them).
     */
    static boolean readsColourImage(NeuronTrace.ConvCell c) {
        return c.layer() == 1 && c.inputs().length == 3;
    }

    /** "rows 6–8, columns 10–12", or "rows 1–2 and a row of padding above, columns 1–3" at an edge. */
    static String window(NeuronTrace.ConvCell c) {
        return span("rows", c.top(), c.kernel(), c.inputHeight(), "above", "below") + ", "
                + span("columns", c.left(), c.kernel(), c.inputWidth(), "to the left", "to the right");
    }

    private static String span(String what, int start, int k, int size, String before, String after) {
        int first = Math.max(start, 0);
        int last = Math.min(start + k, size) - 1;
        String text = what + " " + (first + 1) + "–" + (last + 1);
        int padBefore = first - start;
        int padAfter = start + k - 1 - last;
        String unit = what.equals("rows") ? "row" : "column";
        if (padBefore > 0) {
            text += " and " + (padBefore == 1 ? "a " + unit : padBefore + " " + unit + "s") + " of padding " + before;
        }
        if (padAfter > 0) {
            text += " and " + (padAfter == 1 ? "a " + unit : padAfter + " " + unit + "s") + " of padding " + after;
        }
        return text;
    }

    private void pool(NeuronTrace.PoolCell p) {
        title("Layer " + p.layer() + " (" + p.name() + "), " + cell(p.channel(), p.row(), p.col()));
        boolean max = p.kind().equals("max");
        int size = p.pool();
        int rows = p.window().length;
        int cols = p.window()[0].length;
        add(new Paragraph((max ? "Max" : "Average") + " pooling looks at a " + size + "×" + size + " window of map "
                + (p.channel() + 1) + " of the layer before (rows " + (p.top() + 1) + "–" + (p.top() + rows)
                + ", columns " + (p.left() + 1) + "–" + (p.left() + cols) + ") and keeps "
                + (max ? "the largest value." : "their mean.")
                + (p.clipped() ? " The window hangs over the edge of the map (padding \"same\"): only "
                        + (rows * cols == 1 ? "its one cell inside the map counts." : "its " + rows * cols
                        + " cells inside the map count.") : "")));
        add(WindowAnimations.pooling(max ? "Max pooling" : "Average pooling", p.window(), max));
        sum((max ? "largest" : "mean") + " = " + n(p.value()));
    }

    private void dense(NeuronTrace.DenseUnit d) {
        title("Layer " + d.layer() + " (" + d.name() + "), unit " + (d.unit() + 1));
        add(new Paragraph("A dense unit multiplies each of its " + RunText.count(d.inputs()) + " inputs by its own "
                + "weight and adds everything up. The " + d.largest().size() + " largest terms:"));
        StringBuilder table = new StringBuilder("<table class=\"trace-table\"><thead><tr><th scope=\"col\">From</th>"
                + "<th scope=\"col\">Input</th><th scope=\"col\">× weight</th><th scope=\"col\">= term</th></tr></thead><tbody>");
        for (NeuronTrace.Contribution c : d.largest()) {
            table.append("<tr><td>").append(escape(c.source())).append("</td><td>").append(n(c.inputValue()))
                    .append("</td><td>").append(n(c.weight())).append("</td><td>").append(n(c.product())).append("</td></tr>");
        }
        if (d.restCount() > 0) {
            table.append("<tr><td colspan=\"3\">The other ").append(RunText.count(d.restCount()))
                    .append(" terms together</td><td>").append(n(d.rest())).append("</td></tr>");
        }
        table.append("<tr><td colspan=\"3\">Bias</td><td>").append(n(d.bias())).append("</td></tr></tbody></table>");
        add(new Html(table.toString()));
        sum("Sum of the terms + bias = " + n(d.preActivation()));
        if (d.softmax() != null) {
            softmax(d.softmax(), d.unit());
        } else {
            sum(d.activation() + "(" + n(d.preActivation()) + ") = " + n(d.value()));
        }
    }

    private void softmax(NeuronTrace.SoftmaxStep m, int unit) {
        add(new Paragraph("Softmax turns the layer's scores into probabilities, as in the lesson: e to the power of "
                + "each score (minus the largest, " + n(m.max()) + ", which changes nothing but keeps the numbers small), "
                + "each divided by their sum " + n(m.sum()) + "."));
        StringBuilder table = new StringBuilder("<table class=\"trace-table softmax-table\"><thead><tr>"
                + "<th scope=\"col\">Class</th><th scope=\"col\">Score</th><th scope=\"col\">e^(score − max)</th>"
                + "<th scope=\"col\">Probability</th></tr></thead><tbody>");
        for (int i = 0; i < m.logits().length; i++) {
            String name = m.classNames().isEmpty() ? "unit " + (i + 1) : m.classNames().get(i);
            table.append(i == unit ? "<tr class=\"chosen\">" : "<tr>").append("<td>").append(escape(name))
                    .append(i == m.predicted() ? " (the prediction)" : "").append("</td><td>").append(n(m.logits()[i]))
                    .append("</td><td>").append(n(m.exponentials()[i])).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f%%", 100 * m.probabilities()[i])).append("</td></tr>");
        }
        add(new Html(table.append("</tbody></table>").toString()));
        sum("Probability = " + n(m.exponentials()[unit]) + " / " + n(m.sum()) + " = " + n(m.probabilities()[unit]));
    }

    private String title = "";

    private void title(String text) {
        title = text;
        add(new H3(text));
    }

    /** The heading: which number this is. */
    String title() {
        return title;
    }

    private void sum(String text) {
        Paragraph line = new Paragraph(text);
        line.addClassName("trace-sum");
        add(line);
    }

    private static String cell(int channel, int row, int col) {
        return "map " + (channel + 1) + ", row " + (row + 1) + ", column " + (col + 1);
    }

    static String n(double value) {
        return NUMBER.format(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
