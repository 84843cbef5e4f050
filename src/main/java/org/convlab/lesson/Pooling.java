package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Max or average pooling with a square window.
 *
 * @param kind MAX keeps the largest value of each window, AVERAGE their mean
 * @param window the window's side length
 * @param stride how many cells the window moves between outputs
 * @param edgeRule whether a window hanging over the edge is dropped or pooled as it is
 */
public record Pooling(Kind kind, int window, int stride, EdgeRule edgeRule) {

    public enum Kind {
        MAX,
        AVERAGE
    }

    public Pooling {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(edgeRule, "edgeRule");
        PoolingOutputSize.requireValid(window, stride);
    }

    public static Pooling max(int window, int stride, EdgeRule edgeRule) {
        return new Pooling(Kind.MAX, window, stride, edgeRule);
    }

    public static Pooling average(int window, int stride, EdgeRule edgeRule) {
        return new Pooling(Kind.AVERAGE, window, stride, edgeRule);
    }

    public PoolingOutputSize outputSize(int inputSize) {
        return PoolingOutputSize.of("input", inputSize, window, stride, edgeRule);
    }

    public Matrix apply(Matrix input) {
        return trace(input).output();
    }

    public PoolingTrace trace(Matrix input) {
        PoolingOutputSize rows = PoolingOutputSize.of("rows", input.rows(), window, stride, edgeRule);
        PoolingOutputSize cols = PoolingOutputSize.of("columns", input.cols(), window, stride, edgeRule);
        List<PoolingStep> steps = new ArrayList<>(rows.output() * cols.output());
        double[][] output = new double[rows.output()][cols.output()];
        for (int r = 0; r < rows.output(); r++) {
            for (int c = 0; c < cols.output(); c++) {
                Cell topLeft = new Cell(r * stride, c * stride);
                // Under COVER the last window is clipped to the cells that exist.
                int height = Math.min(window, input.rows() - topLeft.row());
                int width = Math.min(window, input.cols() - topLeft.col());
                Matrix values = input.window(topLeft.row(), topLeft.col(), height, width);
                PoolingStep step = kind == Kind.MAX
                        ? maxStep(new Cell(r, c), topLeft, values)
                        : new PoolingStep(new Cell(r, c), topLeft, values, null, values.sum() / values.size());
                output[r][c] = step.result();
                steps.add(step);
            }
        }
        return new PoolingTrace(this, input, rows, cols, steps, Matrix.of(output));
    }

    /** Ties go to the first cell in reading order, as argmax does. */
    private static PoolingStep maxStep(Cell output, Cell topLeft, Matrix values) {
        int bestRow = 0;
        int bestCol = 0;
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < values.cols(); c++) {
                if (values.get(r, c) > values.get(bestRow, bestCol)) {
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        Cell picked = new Cell(topLeft.row() + bestRow, topLeft.col() + bestCol);
        return new PoolingStep(output, topLeft, values, picked, values.get(bestRow, bestCol));
    }
}
