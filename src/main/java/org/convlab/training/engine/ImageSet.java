package org.convlab.training.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Images as one flat float array (values 0..1; per image, each channel's plane row by row, the
 * layout of DJL's NCHW tensors) plus their labels. Plain arrays on purpose: batches are built by
 * copying slices, never one NDArray per image. Grayscale has 1 channel, colour 3.
 */
public record ImageSet(float[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {

    public ImageSet {
        if (pixels.length != (long) labels.length * channels * height * width) {
            throw new IllegalArgumentException("pixels and labels disagree: " + pixels.length + " values for "
                    + labels.length + " images of " + channels + "×" + height + "×" + width);
        }
        classNames = List.copyOf(classNames);
    }

    /** Grayscale images. */
    public ImageSet(float[] pixels, int[] labels, int height, int width, List<String> classNames) {
        this(pixels, labels, 1, height, width, classNames);
    }

    /** Values per image: channels × height × width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The shape of one image, channels first, as the model's input takes it. */
    public long[] imageShape() {
        return new long[] {channels, height, width};
    }

    public int size() {
        return labels.length;
    }

    public int classes() {
        return classNames.size();
    }

    /** A copy of image {@code i}. */
    public float[] image(int i) {
        return Arrays.copyOfRange(pixels, i * imageSize(), (i + 1) * imageSize());
    }

    /** The images at the given positions, in that order. */
    public ImageSet select(int[] indices) {
        int n = imageSize();
        float[] px = new float[indices.length * n];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, px, k * n, n);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(px, lb, channels, height, width, classNames);
    }

    /** The first {@code count} images (all of them if there are fewer). */
    public ImageSet first(int count) {
        if (count >= size()) {
            return this;
        }
        int[] idx = new int[count];
        Arrays.setAll(idx, i -> i);
        return select(idx);
    }
}
