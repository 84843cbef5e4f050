package org.convlab.cli;

import java.util.Locale;
import org.convlab.training.engine.NeuronTrace;

/** A neuron's trace as text for the terminal: the grids side by side, then the sums written out. */
final class TraceText {

    private TraceText() {}

    static String of(NeuronTrace trace) {
        StringBuilder s = new StringBuilder();
        switch (trace) {
            case NeuronTrace.ConvCell c -> conv(s, c);
            case NeuronTrace.PoolCell p -> {
                s.append(head(p.layer(), p.name(), "map " + p.channel() + ", row " + p.row() + ", column " + p.col()));
                s.append(p.kind()).append(" pooling over the window at rows ").append(p.top()).append("..")
                        .append(p.top() + p.window().length - 1).append(", columns ").append(p.left()).append("..")
                        .append(p.left() + p.window()[0].length - 1).append(" of map ").append(p.channel())
                        .append(p.clipped() ? " (the rest of the " + p.pool() + "×" + p.pool() + " window lies beyond the map)" : "")
                        .append(":\n");
                for (double[] row : p.window()) {
                    s.append("  ").append(row(row)).append('\n');
                }
                s.append(p.kind().equals("max") ? "largest" : "mean").append(" = ").append(number(p.value()));
            }
            case NeuronTrace.DenseUnit d -> dense(s, d);
            case NeuronTrace.NormCell n -> {
                s.append(head(n.layer(), n.name(), "map " + n.channel() + ", row " + n.row() + ", column " + n.col()));
                s.append("batch norm: γ·(x − mean)/√(variance + ε) + β\n  = ").append(number(n.gamma())).append(" × (")
                        .append(number(n.input())).append(" − ").append(number(n.mean())).append(") / √(")
                        .append(number(n.variance())).append(" + ").append(number(n.epsilon()))
                        .append(") + ").append(number(n.beta())).append(" = ").append(number(n.value()));
            }
            case NeuronTrace.ActivationCell a -> {
                s.append(head(a.layer(), a.name(), a.softmax() != null ? "unit " + a.channel()
                        : "map " + a.channel() + ", row " + a.row() + ", column " + a.col()));
                if (a.softmax() != null) {
                    softmax(s, a.softmax(), a.channel());
                } else {
                    s.append(a.activation()).append('(').append(number(a.input())).append(") = ").append(number(a.value()));
                }
            }
            case NeuronTrace.DropoutCell d -> {
                s.append(head(d.layer(), d.name(), "map " + d.channel() + ", row " + d.row() + ", column " + d.col()));
                s.append("dropout (rate ").append(d.rate()).append(") drops values only while training; now the value ")
                        .append(number(d.input())).append(" passes unchanged = ").append(number(d.value()));
            }
            case NeuronTrace.FlattenCell f -> {
                s.append(head(f.layer(), f.name(), "unit " + f.unit()));
                s.append("flatten lays the maps end to end: unit ").append(f.unit()).append(" is map ").append(f.fromChannel())
                        .append(", row ").append(f.fromRow()).append(", column ").append(f.fromCol()).append(" = ")
                        .append(number(f.value()));
            }
        }
        s.append("\nthe network's own value: ").append(number(trace.modelValue())).append('\n');
        return s.toString();
    }

    private static void conv(StringBuilder s, NeuronTrace.ConvCell c) {
        int k = c.kernel();
        s.append(head(c.layer(), c.name(), "map " + c.channel() + ", row " + c.row() + ", column " + c.col()));
        s.append("a ").append(k).append('×').append(k).append(" window at rows ").append(c.top()).append("..")
                .append(c.top() + k - 1).append(", columns ").append(c.left()).append("..").append(c.left() + k - 1)
                .append(" of each of the ").append(c.inputs().length).append(" input map(s)")
                .append(c.padding() > 0 ? " (outside the map: padding, 0)" : "").append(":\n");
        for (int ch = 0; ch < c.inputs().length; ch++) {
            s.append(String.format(Locale.ROOT, "channel %d%n  %-" + (k * 9) + "s   %-" + (k * 9) + "s   products%n", ch,
                    "inputs", "× weights"));
            for (int i = 0; i < k; i++) {
                s.append("  ").append(row(c.inputs()[ch][i])).append("   ").append(row(c.weights()[ch][i])).append("   ")
                        .append(row(c.products()[ch][i])).append('\n');
            }
            s.append("  sum of products: ").append(number(c.channelSums()[ch])).append('\n');
        }
        s.append("sum over the channels ");
        double total = 0;
        for (double v : c.channelSums()) {
            total += v;
        }
        s.append(number(total)).append(" + bias ").append(number(c.bias())).append(" = ").append(number(c.preActivation()))
                .append('\n').append(c.activation()).append('(').append(number(c.preActivation())).append(") = ")
                .append(number(c.value()));
    }

    private static void dense(StringBuilder s, NeuronTrace.DenseUnit d) {
        s.append(head(d.layer(), d.name(), "unit " + d.unit()));
        s.append("the ").append(d.largest().size()).append(" largest of its ").append(d.inputs())
                .append(" input × weight terms:\n");
        for (NeuronTrace.Contribution c : d.largest()) {
            s.append(String.format(Locale.ROOT, "  %s × %s = %s   (%s)%n", number(c.inputValue()), number(c.weight()),
                    number(c.product()), c.source()));
        }
        if (d.restCount() > 0) {
            s.append("  the other ").append(d.restCount()).append(" terms add up to ").append(number(d.rest())).append('\n');
        }
        s.append("+ bias ").append(number(d.bias())).append(" = ").append(number(d.preActivation())).append('\n');
        if (d.softmax() != null) {
            softmax(s, d.softmax(), d.unit());
        } else {
            s.append(d.activation()).append('(').append(number(d.preActivation())).append(") = ").append(number(d.value()));
        }
    }

    private static void softmax(StringBuilder s, NeuronTrace.SoftmaxStep m, int unit) {
        s.append("softmax over the layer's ").append(m.logits().length).append(" scores (e^(score − ")
                .append(number(m.max())).append("), then each divided by their sum ").append(number(m.sum())).append("):\n");
        for (int i = 0; i < m.logits().length; i++) {
            String name = m.classNames().isEmpty() ? "" : " " + m.classNames().get(i);
            s.append(String.format(Locale.ROOT, "  %s%d%s: score %s → %s → %s%s%n", i == unit ? "*" : " ", i, name,
                    number(m.logits()[i]), number(m.exponentials()[i]), number(m.probabilities()[i]),
                    i == m.predicted() ? "   (the prediction)" : ""));
        }
        s.append("probability of unit ").append(unit).append(" = ").append(number(m.probabilities()[unit]));
    }

    private static String head(int layer, String name, String where) {
        return "layer " + layer + " (" + name + "), " + where + ":\n";
    }

    private static String row(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(String.format(Locale.ROOT, "%9s", number(v)));
        }
        return s.toString();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
