package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * One output cell of a pooling layer.
 *
 * @param output the output cell
 * @param window top-left cell of the window in the input
 * @param values the input values inside the window; smaller than the window when it was clipped
 *     at the edge under {@link EdgeRule#COVER}
 * @param picked for max pooling, the input cell whose value was kept; null for average pooling
 * @param result the maximum or the mean of {@code values}
 */
public record PoolingStep(Cell output, Cell window, Matrix values, Cell picked, double result) {

    /** The input cell of each window value, in reading order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(values.size());
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < values.cols(); c++) {
                cells.add(new Cell(window.row() + r, window.col() + c));
            }
        }
        return List.copyOf(cells);
    }
}
