package org.convlab.cli;

import static org.convlab.cli.CliText.t;

import java.util.Locale;
import org.convlab.training.engine.NeuronTrace;

/**
 * A neuron's trace as text for the terminal: the grids side by side, then the sums written out, in
 * the process language; positions (map, row, column, unit) are indices as in the JSON.
 */
final class TraceText {

    private TraceText() {}

    static String of(NeuronTrace trace) {
        StringBuilder s = new StringBuilder();
        switch (trace) {
            case NeuronTrace.ConvCell c -> conv(s, c);
            case NeuronTrace.PoolCell p -> {
                s.append(head(p.layer(), p.name(), cell(p.channel(), p.row(), p.col())));
                s.append(t("cli.trace.pool.window", p.kind(), span(p.top(), p.window().length),
                        span(p.left(), p.window()[0].length), String.valueOf(p.channel())));
                if (p.clipped()) {
                    s.append(' ').append(t("cli.trace.pool.clipped", p.pool() + "×" + p.pool()));
                }
                s.append(":\n");
                for (double[] row : p.window()) {
                    s.append("  ").append(row(row)).append('\n');
                }
                s.append(t(p.kind().equals("max") ? "cli.trace.pool.largest" : "cli.trace.pool.mean", number(p.value())));
            }
            case NeuronTrace.DenseUnit d -> dense(s, d);
            case NeuronTrace.NormCell n -> {
                s.append(head(n.layer(), n.name(), cell(n.channel(), n.row(), n.col())));
                s.append(t("cli.trace.norm.formula")).append("\n  = ").append(number(n.gamma())).append(" × (")
                        .append(number(n.input())).append(" − ").append(number(n.mean())).append(") / √(")
                        .append(number(n.variance())).append(" + ").append(number(n.epsilon()))
                        .append(") + ").append(number(n.beta())).append(" = ").append(number(n.value()));
            }
            case NeuronTrace.ActivationCell a -> {
                s.append(head(a.layer(), a.name(), a.softmax() != null ? unit(a.channel())
                        : cell(a.channel(), a.row(), a.col())));
                if (a.softmax() != null) {
                    softmax(s, a.softmax(), a.channel());
                } else {
                    s.append(a.activation()).append('(').append(number(a.input())).append(") = ").append(number(a.value()));
                }
            }
            case NeuronTrace.DropoutCell d -> {
                s.append(head(d.layer(), d.name(), cell(d.channel(), d.row(), d.col())));
                s.append(t("cli.trace.dropout", CliText.decimalUpTo(d.rate(), 4), number(d.input()), number(d.value())));
            }
            case NeuronTrace.FlattenCell f -> {
                s.append(head(f.layer(), f.name(), unit(f.unit())));
                s.append(t("cli.trace.flatten", String.valueOf(f.unit()),
                        cell(f.fromChannel(), f.fromRow(), f.fromCol()), number(f.value())));
            }
        }
        s.append('\n').append(t("cli.trace.own-value", number(trace.modelValue()))).append('\n');
        return s.toString();
    }

    private static void conv(StringBuilder s, NeuronTrace.ConvCell c) {
        int k = c.kernel();
        s.append(head(c.layer(), c.name(), cell(c.channel(), c.row(), c.col())));
        s.append(t("cli.trace.conv.window", k + "×" + k, span(c.top(), k), span(c.left(), k),
                c.inputs().length));
        if (c.padding() > 0) {
            s.append(' ').append(t("cli.trace.conv.padding"));
        }
        s.append(":\n");
        for (int ch = 0; ch < c.inputs().length; ch++) {
            s.append(t("cli.trace.conv.channel", String.valueOf(ch))).append('\n');
            s.append(String.format(Locale.ROOT, "  %-" + (k * 9) + "s   %-" + (k * 9) + "s   %s%n",
                    t("cli.trace.conv.inputs"), t("cli.trace.conv.weights"), t("cli.trace.conv.products")));
            for (int i = 0; i < k; i++) {
                s.append("  ").append(row(c.inputs()[ch][i])).append("   ").append(row(c.weights()[ch][i])).append("   ")
                        .append(row(c.products()[ch][i])).append('\n');
            }
            s.append("  ").append(t("cli.trace.conv.channel-sum", number(c.channelSums()[ch]))).append('\n');
        }
        double total = 0;
        for (double v : c.channelSums()) {
            total += v;
        }
        s.append(t("cli.trace.conv.total", number(total), number(c.bias()), number(c.preActivation())))
                .append('\n').append(c.activation()).append('(').append(number(c.preActivation())).append(") = ")
                .append(number(c.value()));
    }

    private static void dense(StringBuilder s, NeuronTrace.DenseUnit d) {
        s.append(head(d.layer(), d.name(), unit(d.unit())));
        s.append(t("cli.trace.dense.largest", d.largest().size(), d.inputs())).append('\n');
        for (NeuronTrace.Contribution c : d.largest()) {
            s.append(String.format(Locale.ROOT, "  %s × %s = %s   (%s)%n", number(c.inputValue()), number(c.weight()),
                    number(c.product()), c.source()));
        }
        if (d.restCount() > 0) {
            s.append("  ").append(t("cli.trace.dense.rest", d.restCount(), number(d.rest()))).append('\n');
        }
        s.append(t("cli.trace.dense.bias", number(d.bias()), number(d.preActivation()))).append('\n');
        if (d.softmax() != null) {
            softmax(s, d.softmax(), d.unit());
        } else {
            s.append(d.activation()).append('(').append(number(d.preActivation())).append(") = ").append(number(d.value()));
        }
    }

    private static void softmax(StringBuilder s, NeuronTrace.SoftmaxStep m, int unit) {
        s.append(t("cli.trace.softmax", m.logits().length, number(m.max()), number(m.sum()))).append('\n');
        for (int i = 0; i < m.logits().length; i++) {
            String name = m.classNames().isEmpty() ? "" : " " + m.classNames().get(i);
            s.append(String.format(Locale.ROOT, "  %s%d%s: %s%s%n", i == unit ? "*" : " ", i, name,
                    t("cli.trace.softmax.row", number(m.logits()[i]), number(m.exponentials()[i]),
                            number(m.probabilities()[i])),
                    i == m.predicted() ? "   " + t("cli.trace.softmax.prediction") : ""));
        }
        s.append(t("cli.trace.softmax.probability", String.valueOf(unit), number(m.probabilities()[unit])));
    }

    private static String head(int layer, String name, String where) {
        return t("cli.trace.head", String.valueOf(layer), name, where) + ":\n";
    }

    private static String cell(int map, int row, int col) {
        return t("cli.trace.cell", String.valueOf(map), String.valueOf(row), String.valueOf(col));
    }

    private static String unit(int unit) {
        return t("cli.trace.unit", String.valueOf(unit));
    }

    /** "-1..1": the indices {@code from} to {@code from + length - 1}. */
    private static String span(int from, int length) {
        return from + ".." + (from + length - 1);
    }

    private static String row(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(String.format(Locale.ROOT, "%9s", number(v)));
        }
        return s.toString();
    }

    /** Four decimals as the process language writes them ("0.1234", "0,1234"), without grouping. */
    static String number(double v) {
        return String.format(CliText.locale(), "%.4f", v);
    }
}
