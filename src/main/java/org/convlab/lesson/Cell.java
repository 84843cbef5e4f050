package org.convlab.lesson;

/** A position in a matrix, zero-based: {@code row} counts down, {@code col} counts right. */
public record Cell(int row, int col) {

    /** "row 2, column 3": one-based, the way a learner counts cells on screen. */
    public String spoken() {
        return "row " + (row + 1) + ", column " + (col + 1);
    }
}
