package org.convlab.dataset;

import java.util.Objects;

/**
 * A set of grayscale images with one class label each, kept as the raw bytes of the IDX files
 * (one byte per pixel, row by row, image after image) so 60,000 images take 47 MB, not 188.
 */
public record LabeledImages(int rows, int cols, byte[] pixels, byte[] labels) {

    public LabeledImages {
        Objects.requireNonNull(pixels);
        Objects.requireNonNull(labels);
        if (pixels.length != (long) rows * cols * labels.length) {
            throw new IllegalArgumentException("pixel count does not match rows × cols × labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The pixel intensity 0–255 (0 is background in the MNIST family). */
    public int pixel(int index, int row, int col) {
        return pixels[index * pixelsPerImage() + row * cols + col] & 0xFF;
    }

    /** A copy of one image's pixels, row by row. */
    public byte[] image(int index) {
        byte[] copy = new byte[pixelsPerImage()];
        System.arraycopy(pixels, index * pixelsPerImage(), copy, 0, copy.length);
        return copy;
    }
}
