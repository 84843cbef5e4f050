package org.convlab.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/** An immutable rows×cols grid of doubles: images, kernels and feature maps in the lessons. */
public final class Matrix {

    /** Computes the value of one cell from its position. */
    @FunctionalInterface
    public interface CellFunction {
        double valueAt(int row, int col);
    }

    private final int rows;
    private final int cols;
    private final double[] cells; // row-major

    private Matrix(int rows, int cols, double[] cells) {
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
    }

    public static Matrix generate(int rows, int cols, CellFunction function) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "a matrix needs at least one row and one column, got " + rows + "×" + cols);
        }
        double[] cells = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = function.valueAt(r, c);
            }
        }
        return new Matrix(rows, cols, cells);
    }

    public static Matrix of(double[][] values) {
        requireRectangular(Arrays.stream(values).mapToInt(row -> row.length).toArray());
        return generate(values.length, values[0].length, (r, c) -> values[r][c]);
    }

    /** Integer grids read best for the −1/+1 images and kernels of the X/O lesson. */
    public static Matrix of(int[][] values) {
        requireRectangular(Arrays.stream(values).mapToInt(row -> row.length).toArray());
        return generate(values.length, values[0].length, (r, c) -> values[r][c]);
    }

    /** A single-row matrix: how 1-D signals and flattened vectors are held. */
    public static Matrix row(double... values) {
        return generate(1, values.length, (r, c) -> values[c]);
    }

    public static Matrix filled(int rows, int cols, double value) {
        return generate(rows, cols, (r, c) -> value);
    }

    private static void requireRectangular(int[] rowLengths) {
        if (rowLengths.length == 0 || rowLengths[0] == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column");
        }
        for (int length : rowLengths) {
            if (length != rowLengths[0]) {
                throw new IllegalArgumentException(
                        "all rows must have " + rowLengths[0] + " values, found a row with " + length);
            }
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return cells.length;
    }

    public double get(int row, int col) {
        if (!contains(row, col)) {
            throw new IndexOutOfBoundsException(
                    "cell (" + row + ", " + col + ") is outside this " + rows + "×" + cols + " matrix");
        }
        return cells[row * cols + col];
    }

    public double get(Cell cell) {
        return get(cell.row(), cell.col());
    }

    public boolean contains(int row, int col) {
        return row >= 0 && row < rows && col >= 0 && col < cols;
    }

    public Matrix map(DoubleUnaryOperator function) {
        return generate(rows, cols, (r, c) -> function.applyAsDouble(get(r, c)));
    }

    /** The height×width block whose top-left cell is (top, left); it must lie inside. */
    public Matrix window(int top, int left, int height, int width) {
        if (!contains(top, left) || !contains(top + height - 1, left + width - 1)) {
            throw new IllegalArgumentException("window " + height + "×" + width + " at (" + top + ", "
                    + left + ") does not fit in this " + rows + "×" + cols + " matrix");
        }
        return generate(height, width, (r, c) -> get(top + r, left + c));
    }

    public double sum() {
        double sum = 0;
        for (double v : cells) {
            sum += v;
        }
        return sum;
    }

    /** The values in reading order: row by row, left to right. */
    public List<Double> values() {
        List<Double> values = new ArrayList<>(cells.length);
        for (double v : cells) {
            values.add(v);
        }
        return List.copyOf(values);
    }

    /** A fresh copy as nested arrays, the shape JSON writers expect. */
    public double[][] toArray() {
        double[][] array = new double[rows][];
        for (int r = 0; r < rows; r++) {
            array[r] = Arrays.copyOfRange(cells, r * cols, (r + 1) * cols);
        }
        return array;
    }

    /** Same shape and every cell within {@code tolerance}: decimals from the decks are rounded. */
    public boolean isCloseTo(Matrix other, double tolerance) {
        if (rows != other.rows || cols != other.cols) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            if (!(Math.abs(cells[i] - other.cells[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** One line per row, columns right-aligned, each cell written by {@code cellText}. */
    public String format(DoubleFunction<String> cellText) {
        String[] texts = new String[cells.length];
        int width = 1;
        for (int i = 0; i < cells.length; i++) {
            texts[i] = cellText.apply(cells[i]);
            width = Math.max(width, texts[i].length());
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String text = texts[r * cols + c];
                out.append(c == 0 ? "" : "  ").append(" ".repeat(width - text.length())).append(text);
            }
            if (r < rows - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(cells, m.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return format(Fractions::decimal);
    }
}
