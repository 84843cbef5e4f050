package org.convlab.model;

/**
 * Where pooling windows lie, for Keras' two paddings. "valid" keeps only windows wholly inside the
 * map. "same" (allowed only when the stride equals the window, so windows never overlap) gives
 * ceil(side / window) windows per side: the map is padded by {@code window·out − side} cells in
 * all, the smaller half before the first cell, as TensorFlow does, and padded cells never count
 * (max ignores them, mean divides by the cells inside the map). The deck's X/O pooling, 7×7 → 4×4,
 * is "same" with a 2×2 window.
 */
public final class PoolPadding {

    private PoolPadding() {}

    /** Windows along one side of a map {@code side} cells long. */
    public static int outputSide(Padding padding, int side, int window, int stride) {
        return padding == Padding.SAME ? Math.ceilDiv(side, stride) : (side - window) / stride + 1;
    }

    /** Padding cells before the first cell of a side ("same" only; 0 for "valid"). */
    public static int before(Padding padding, int side, int window) {
        if (padding != Padding.SAME) {
            return 0;
        }
        int total = Math.ceilDiv(side, window) * window - side;
        return total / 2;
    }
}
