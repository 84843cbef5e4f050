package org.convlab.lesson;

/**
 * Where one value of a flattened vector came from.
 *
 * @param index position in the vector, zero-based
 * @param map which of the stacked maps, zero-based
 * @param cell the cell in that map
 * @param value the value copied
 */
public record FlattenStep(int index, int map, Cell cell, double value) {

    /** e.g. "Value 5 comes from map 2, row 1, column 1: 1". */
    public String description(ValueFormat format) {
        return "Value " + (index + 1) + " comes from map " + (map + 1) + ", " + cell.spoken() + ": "
                + format.format(value);
    }
}
