package org.convlab.training;

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
}
