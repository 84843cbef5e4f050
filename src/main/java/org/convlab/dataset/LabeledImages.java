package org.convlab.dataset;

import java.util.Objects;

/**
 * A set of images with one class label each, kept as the raw bytes of the IDX files (one byte per
 * pixel and channel, image after image; within an image, one channel's plane row by row, then the
 * next) so 60,000 grayscale images take 47 MB, not 188. Grayscale has 1 channel, colour 3 (red,
 * green, blue).
 */
public record LabeledImages(int rows, int cols, int channels, byte[] pixels, byte[] labels) {

    public LabeledImages {
        Objects.requireNonNull(pixels);
        Objects.requireNonNull(labels);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
        }
        if (pixels.length != (long) rows * cols * channels * labels.length) {
            throw new IllegalArgumentException("pixel count does not match rows × cols × channels × labels");
        }
    }

    /** Grayscale images. */
    public LabeledImages(int rows, int cols, byte[] pixels, byte[] labels) {
        this(rows, cols, 1, pixels, labels);
    }

    public boolean colour() {
        return channels == 3;
    }

    public int size() {
        return labels.length;
    }

    /** Bytes per image: rows × cols × channels. */
    public int pixelsPerImage() {
        return rows * cols * channels;
    }

    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The pixel intensity 0–255 (0 is background in the MNIST family); for colour, the first channel's (red). */
    public int pixel(int index, int row, int col) {
        return pixel(index, 0, row, col);
    }

    /** One channel's value 0–255 at a pixel. */
    public int pixel(int index, int channel, int row, int col) {
        return pixels[index * pixelsPerImage() + (channel * rows + row) * cols + col] & 0xFF;
    }

    /** A copy of one image's pixels, row by row. */
    public byte[] image(int index) {
        byte[] copy = new byte[pixelsPerImage()];
        System.arraycopy(pixels, index * pixelsPerImage(), copy, 0, copy.length);
        return copy;
    }
}
