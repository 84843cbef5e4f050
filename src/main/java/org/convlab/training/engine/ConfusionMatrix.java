package org.convlab.training.engine;

import java.util.List;

/**
 * counts[expected][predicted]: row = the true class, column = what the model said. Plain Java so
 * the maths is tested without an engine.
 */
public record ConfusionMatrix(List<String> classNames, int[][] counts) {

    public static ConfusionMatrix of(int[] expected, int[] predicted, List<String> classNames) {
        if (expected.length != predicted.length) {
            throw new IllegalArgumentException(expected.length + " expected labels but " + predicted.length + " predictions");
        }
        int k = classNames.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < expected.length; i++) {
            counts[expected[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(List.copyOf(classNames), counts);
    }

    public int classes() {
        return counts.length;
    }

    public long total() {
        long t = 0;
        for (int[] row : counts) {
            for (int v : row) {
                t += v;
            }
        }
        return t;
    }

    public long correct() {
        long c = 0;
        for (int i = 0; i < counts.length; i++) {
            c += counts[i][i];
        }
        return c;
    }

    public double accuracy() {
        long t = total();
        return t == 0 ? 0 : (double) correct() / t;
    }

    /** Images of class {@code c} (true positives + false negatives). */
    public long support(int c) {
        long s = 0;
        for (int v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Times the model said {@code c} (true positives + false positives). */
    public long predictedAs(int c) {
        long s = 0;
        for (int[] row : counts) {
            s += row[c];
        }
        return s;
    }
}
