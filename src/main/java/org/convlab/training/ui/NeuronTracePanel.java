package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import org.convlab.base.ui.I18n;
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
                title(t("run.trace.title", n.layer(), n.name(), cell(n.channel(), n.row(), n.col())));
                add(new Paragraph(t("run.trace.norm.text")));
                sum(t("run.trace.norm.sum", n(n.gamma()), n(n.input()), n(n.mean()), n(n.variance()),
                        local(String.valueOf(n.epsilon())), n(n.beta()), n(n.value())));
            }
            case NeuronTrace.ActivationCell a -> {
                if (a.softmax() != null) {
                    title(t("run.trace.title", a.layer(), a.name(), t("run.trace.unit", a.channel() + 1)));
                    softmax(a.softmax(), a.channel());
                } else {
                    title(t("run.trace.title", a.layer(), a.name(), cell(a.channel(), a.row(), a.col())));
                    sum(a.activation() + "(" + n(a.input()) + ") = " + n(a.value()));
                }
            }
            case NeuronTrace.DropoutCell d -> {
                title(t("run.trace.title", d.layer(), d.name(), cell(d.channel(), d.row(), d.col())));
                add(new Paragraph(t("run.trace.dropout.text", I18n.percent(d.rate(), 0))));
                sum(n(d.input()) + " → " + n(d.value()));
            }
            case NeuronTrace.FlattenCell f -> {
                title(t("run.trace.title", f.layer(), f.name(), t("run.trace.value", f.unit() + 1)));
                add(new Paragraph(t("run.trace.flatten.text", f.unit() + 1, f.fromChannel() + 1, f.fromRow() + 1,
                        f.fromCol() + 1)));
                sum("= " + n(f.value()));
            }
        }
        result.setText(t(Math.abs(trace.value() - trace.modelValue()) < 1e-4 ? "run.trace.result-same" : "run.trace.result",
                n(trace.modelValue())));
        result.addClassName("trace-result");
        add(result);
    }

    private void conv(NeuronTrace.ConvCell c) {
        int channels = c.inputs().length;
        int k = c.kernel();
        title(t("run.trace.title", c.layer(), c.name(), cell(c.channel(), c.row(), c.col())));
        boolean colour = readsColourImage(c);
        String from = colour ? t("run.trace.conv.from-colour")
                : c.layer() == 1 ? t("run.trace.conv.from-image") : t("run.trace.conv.from-maps", channels, c.layer() - 1);
        String lays = colour ? "run.trace.conv.lays-colour" : channels > 1 ? "run.trace.conv.lays-maps" : "run.trace.conv.lays";
        add(new Paragraph(t(lays, c.channel() + 1, k, window(c), from) + " "
                + t(c.padding() > 0 ? "run.trace.conv.products-padding" : "run.trace.conv.products")));
        Div grids = new Div();
        grids.addClassName("trace-channels");
        add(grids);
        addChannels(grids, c, 0, Math.min(FIRST_CHANNELS, channels));
        if (channels > FIRST_CHANNELS) {
            Button more = new Button(t("run.trace.conv.show-all", channels));
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
            sum(t("run.trace.conv.sum-colour", String.join(" + ", sums), n(total)));
        } else if (channels > 1) {
            sum(t("run.trace.conv.sum-channels", channels, String.join(" + ", sums), n(total)));
        }
        sum(t("run.trace.conv.bias", channels > 1 ? n(total) : sums.getFirst(), n(c.bias()), n(c.preActivation())));
        sum(c.activation() + "(" + n(c.preActivation()) + ") = " + n(c.value()));
    }

    private void addChannels(Div grids, NeuronTrace.ConvCell c, int from, int to) {
        boolean colour = readsColourImage(c);
        for (int ch = from; ch < to; ch++) {
            String name = colour ? FiltersPanel.colour(ch, "channel")
                    : t(c.layer() == 1 ? "run.trace.channel.image" : "run.trace.channel.map", ch + 1);
            String source = colour ? FiltersPanel.colour(ch, "image-channel")
                    : c.layer() == 1 ? t("run.trace.where.image") : t("run.trace.where.map", ch + 1, c.layer() - 1);
            Component animation = WindowAnimations.convolution(
                    c.inputs().length == 1 ? t("run.trace.window-times-kernel") : t("run.trace.times-slice", name),
                    c.inputs()[ch], c.weights()[ch], t("run.trace.where", window(c), source));
            Span caption = new Span(c.inputs().length == 1 ? t("run.trace.channel-sum", n(c.channelSums()[ch]))
                    : t("run.trace.channel-sum-named", name, n(c.channelSums()[ch])));
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
        return t("run.trace.window", span("run.trace.window.rows", c.top(), c.kernel(), c.inputHeight(),
                        "run.trace.window.pad-above", "run.trace.window.pad-below"),
                span("run.trace.window.columns", c.left(), c.kernel(), c.inputWidth(),
                        "run.trace.window.pad-left", "run.trace.window.pad-right"));
    }

    /** Rows (or columns) {@code start} to {@code start + k - 1} of {@code size}, and the padding beyond either edge. */
    private static String span(String what, int start, int k, int size, String before, String after) {
        int first = Math.max(start, 0);
        int last = Math.min(start + k, size) - 1;
        String text = t(what, first + 1, last + 1);
        int padBefore = first - start;
        int padAfter = start + k - 1 - last;
        if (padBefore > 0) {
            text = I18n.count(before, padBefore, text);
        }
        if (padAfter > 0) {
            text = I18n.count(after, padAfter, text);
        }
        return text;
    }

    private void pool(NeuronTrace.PoolCell p) {
        title(t("run.trace.title", p.layer(), p.name(), cell(p.channel(), p.row(), p.col())));
        boolean max = p.kind().equals("max");
        int size = p.pool();
        int rows = p.window().length;
        int cols = p.window()[0].length;
        String looks = t(max ? "run.trace.pool.max" : "run.trace.pool.mean", size, p.channel() + 1, p.top() + 1,
                p.top() + rows, p.left() + 1, p.left() + cols);
        add(new Paragraph(p.clipped() ? looks + " " + I18n.count("run.trace.pool.clipped", (long) rows * cols) : looks));
        add(WindowAnimations.pooling(t(max ? "run.trace.pool.max-label" : "run.trace.pool.mean-label"), p.window(), max));
        sum(t(max ? "run.trace.pool.largest" : "run.trace.pool.mean-sum", n(p.value())));
    }

    private void dense(NeuronTrace.DenseUnit d) {
        title(t("run.trace.title", d.layer(), d.name(), t("run.trace.unit", d.unit() + 1)));
        add(new Paragraph(t("run.trace.dense.text", (long) d.inputs(), d.largest().size())));
        StringBuilder table = new StringBuilder("<table class=\"trace-table\"><thead><tr>")
                .append(header("run.trace.dense.from")).append(header("run.trace.dense.input"))
                .append(header("run.trace.dense.times-weight")).append(header("run.trace.dense.term"))
                .append("</tr></thead><tbody>");
        for (NeuronTrace.Contribution c : d.largest()) {
            table.append("<tr><td>").append(escape(c.where() == null ? c.source() : t(c.where()))).append("</td><td>").append(n(c.inputValue()))
                    .append("</td><td>").append(n(c.weight())).append("</td><td>").append(n(c.product())).append("</td></tr>");
        }
        if (d.restCount() > 0) {
            table.append("<tr><td colspan=\"3\">").append(escape(t("run.trace.dense.rest", (long) d.restCount())))
                    .append("</td><td>").append(n(d.rest())).append("</td></tr>");
        }
        table.append("<tr><td colspan=\"3\">").append(escape(t("run.trace.dense.bias"))).append("</td><td>")
                .append(n(d.bias())).append("</td></tr></tbody></table>");
        add(new Html(table.toString()));
        sum(t("run.trace.dense.sum", n(d.preActivation())));
        if (d.softmax() != null) {
            softmax(d.softmax(), d.unit());
        } else {
            sum(d.activation() + "(" + n(d.preActivation()) + ") = " + n(d.value()));
        }
    }

    private void softmax(NeuronTrace.SoftmaxStep m, int unit) {
        add(new Paragraph(t("run.trace.softmax.text", n(m.max()), n(m.sum()))));
        StringBuilder table = new StringBuilder("<table class=\"trace-table softmax-table\"><thead><tr>")
                .append(header("run.trace.softmax.class")).append(header("run.trace.softmax.score"))
                .append(header("run.trace.softmax.exp")).append(header("run.trace.softmax.probability"))
                .append("</tr></thead><tbody>");
        for (int i = 0; i < m.logits().length; i++) {
            String name = m.classNames().isEmpty() ? t("run.trace.unit", i + 1) : m.classNames().get(i);
            table.append(i == unit ? "<tr class=\"chosen\">" : "<tr>").append("<td>")
                    .append(escape(i == m.predicted() ? t("run.trace.softmax.prediction", name) : name))
                    .append("</td><td>").append(n(m.logits()[i]))
                    .append("</td><td>").append(n(m.exponentials()[i])).append("</td><td>")
                    .append(I18n.percent(m.probabilities()[i], 2)).append("</td></tr>");
        }
        add(new Html(table.append("</tbody></table>").toString()));
        sum(t("run.trace.softmax.sum", n(m.exponentials()[unit]), n(m.sum()), n(m.probabilities()[unit])));
    }

    /** A column heading of a trace table, in the reader's words. */
    private static String header(String key) {
        return "<th scope=\"col\">" + escape(t(key)) + "</th>";
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
        return t("run.trace.cell", channel + 1, row + 1, col + 1);
    }

    /**
     * A number of the arithmetic as the lessons write it ("0.125", "−1"), with the reader's decimal
     * separator ("0,125" in German): no grouping, so a sum reads the same in every language.
     */
    static String n(double value) {
        return local(NUMBER.format(value));
    }

    /** A number written with a point, with the reader's decimal separator instead. */
    static String local(String number) {
        char separator = DecimalFormatSymbols.getInstance(I18n.locale()).getDecimalSeparator();
        return separator == '.' ? number : number.replace('.', separator);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
