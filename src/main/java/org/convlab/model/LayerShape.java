package org.convlab.model;

import org.convlab.i18n.Text;

/**
 * The shape of one sample flowing between layers: an image (channels × height × width) or a flat
 * vector of {@code units} values. The batch dimension is implicit. (Not DJL's {@code Shape}, an array's
 * dimensions, which the training code uses alongside.)
 */
public record LayerShape(int channels, int height, int width, int units, boolean flat) {

    public static LayerShape image(int channels, int height, int width) {
        return new LayerShape(channels, height, width, channels * height * width, false);
    }

    public static LayerShape vector(int units) {
        return new LayerShape(0, 0, 0, units, true);
    }

    /** Number of values in one sample. */
    public long size() {
        return flat ? units : (long) channels * height * width;
    }

    /** Keras' notation, channels last: "(None, 26, 26, 64)" or "(None, 128)". */
    public String keras() {
        return flat
                ? "(None, " + units + ")"
                : "(None, " + height + ", " + width + ", " + channels + ")";
    }

    /** The shape as an array without the batch dimension, channels first as DJL wants it. */
    public long[] dims() {
        return flat ? new long[] {units} : new long[] {channels, height, width};
    }

    /** Human notation for messages: "32×26×26 (channels×height×width)" or "128 values". */
    public String describe() {
        return flat ? units + " values" : channels + "×" + height + "×" + width + " (channels×height×width)";
    }

    /** {@link #describe()} in the reader's words: "32×26×26 (Kanäle×Höhe×Breite)" in German. */
    public Text describeText() {
        return flat ? Text.of("model.shape.values", units)
                : Text.of("model.shape.image", channels + "×" + height + "×" + width);
    }

    String spatial() {
        return height + "×" + width;
    }
}
