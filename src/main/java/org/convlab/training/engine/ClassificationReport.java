package org.convlab.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Translations;

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

    /** The table as scikit-learn prints it, in English. */
    public String toText() {
        return toText(Locale.ENGLISH);
    }

    /**
     * The table as scikit-learn lays it out, its headings and numbers in {@code locale} ("0,9123" in
     * German); a column is as wide as its heading where that is longer than scikit-learn's 9 places.
     */
    public String toText(Locale locale) {
        String[] heads = {t(locale, "precision"), t(locale, "recall"), t(locale, "f1-score"), t(locale, "support")};
        String accuracyLabel = t(locale, "accuracy");
        String macroLabel = t(locale, "macro-avg");
        String weightedLabel = t(locale, "weighted-avg");
        int label = Math.max(14, Math.max(accuracyLabel.length(), Math.max(macroLabel.length(), weightedLabel.length())));
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
            w[i] = Math.max(9, heads[i].length());
        }
        String name = "%" + label + "s";
        String scores = " %" + w[0] + ".4f %" + w[1] + ".4f %" + w[2] + ".4f %" + w[3] + "d%n";
        StringBuilder out = new StringBuilder(String.format(locale,
                name + " %" + w[0] + "s %" + w[1] + "s %" + w[2] + "s %" + w[3] + "s%n", "", heads[0], heads[1], heads[2], heads[3]));
        for (ClassScores c : classes) {
            out.append(String.format(locale, name + scores, c.name(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        out.append(String.format(locale, "%n" + name + " %" + w[0] + "s %" + w[1] + "s %" + w[2] + ".4f %" + w[3] + "d%n",
                accuracyLabel, "", "", accuracy, support));
        out.append(String.format(locale, name + scores, macroLabel, macro.precision(), macro.recall(), macro.f1(), support));
        out.append(String.format(locale, name + scores, weightedLabel, weighted.precision(), weighted.recall(),
                weighted.f1(), support));
        return out.toString();
    }

    private static String t(Locale locale, String what) {
        return Translations.get(locale, "training.report." + what);
    }
}
