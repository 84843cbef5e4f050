package org.convlab.lesson;

/** What pooling does when the last window along an axis would hang over the edge of the input. */
public enum EdgeRule {

    /** Drop the partial window, as Keras's default 'valid' pooling does: 11×11, window 2, stride 2 → 5×5. */
    FLOOR,

    /**
     * Keep the partial window so every input cell is covered, as the X/O deck does: 7×7, window 2,
     * stride 2 → 4×4, the last row and column pooled on their own. (PyTorch calls this ceil_mode.)
     */
    COVER
}
