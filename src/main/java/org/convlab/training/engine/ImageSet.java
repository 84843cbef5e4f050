package org.convlab.training.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Grayscale images as one flat float array (pixels 0..1, row-major, image after image) plus their
 * labels. Plain arrays on purpose: batches are built by copying slices, never one NDArray per image.
 */
public record ImageSet(float[] pixels, int[] labels, int height, int width, List<String> classNames) {

    public ImageSet {
        if (pixels.length != (long) labels.length * height * width) {
            throw new IllegalArgumentException("pixels and labels disagree: " + pixels.length + " values for "
                    + labels.length + " images of " + height + "×" + width);
        }
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return height * width;
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
        return new ImageSet(px, lb, height, width, classNames);
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
