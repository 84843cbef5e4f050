package org.convlab.training.engine;

import java.util.Random;

/**
 * Random changes applied to each training image every time it is seen (never to validation or test
 * images): rotation by up to ±{@code rotationDegrees}, a shift of up to ±{@code shiftPixels} in each
 * direction, and a left-right mirror half of the time.
 */
public record Augmentation(double rotationDegrees, int shiftPixels, boolean horizontalFlip) {

    public static final Augmentation NONE = new Augmentation(0, 0, false);

    public boolean enabled() {
        return rotationDegrees > 0 || shiftPixels > 0 || horizontalFlip;
    }

    /** One random augmentation of a {@code height}×{@code width} grayscale image (values 0–1), e.g. for a preview. */
    public float[] applyTo(float[] image, int height, int width, Random random) {
        return applyTo(image, 1, height, width, random);
    }

    /** One random augmentation of an image of {@code channels} planes (values 0–1). */
    public float[] applyTo(float[] image, int channels, int height, int width, Random random) {
        float[] out = new float[channels * height * width];
        new ImageAugmenter(this, channels, height, width).copy(image, 0, out, 0, random);
        return out;
    }
}
