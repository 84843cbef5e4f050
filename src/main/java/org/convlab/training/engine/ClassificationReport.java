package org.convlab.training.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall and F1 with macro and weighted averages, as scikit-learn's
 * classification_report computes them (a ratio whose denominator is 0 counts as 0).
 */
public record ClassificationReport(List<ClassScores> classes, Average macro, Average weighted, double accuracy,
        long support) {

    public record ClassScores(String name, double precision, double recall, double f1, long support) {}

    public record Average(double precision, double recall, double f1) {}

    public static ClassificationReport of(ConfusionMatrix m) {
        List<ClassScores> scores = new ArrayList<>();
        double[] macro = new double[3];
        double[] weighted = new double[3];
        long total = m.total();
        for (int c = 0; c < m.classes(); c++) {
            long tp = m.counts()[c][c];
            double precision = ratio(tp, m.predictedAs(c));
            double recall = ratio(tp, m.support(c));
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            long support = m.support(c);
            scores.add(new ClassScores(m.classNames().get(c), precision, recall, f1, support));
            macro[0] += precision / m.classes();
            macro[1] += recall / m.classes();
            macro[2] += f1 / m.classes();
            if (total > 0) {
                weighted[0] += precision * support / total;
                weighted[1] += recall * support / total;
                weighted[2] += f1 * support / total;
            }
        }
        return new ClassificationReport(List.copyOf(scores), new Average(macro[0], macro[1], macro[2]),
                new Average(weighted[0], weighted[1], weighted[2]), m.accuracy(), total);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** The table as scikit-learn prints it. */
    public String toText() {
        StringBuilder out = new StringBuilder(String.format("%14s %9s %9s %9s %9s%n", "", "precision", "recall", "f1-score", "support"));
        for (ClassScores c : classes) {
            out.append(String.format("%14s %9.4f %9.4f %9.4f %9d%n", c.name(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        out.append(String.format("%n%14s %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy, support));
        out.append(String.format("%14s %9.4f %9.4f %9.4f %9d%n", "macro avg", macro.precision(), macro.recall(), macro.f1(), support));
        out.append(String.format("%14s %9.4f %9.4f %9.4f %9d%n", "weighted avg", weighted.precision(), weighted.recall(), weighted.f1(), support));
        return out.toString();
    }
}
