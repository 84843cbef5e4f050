package org.convlab.training.engine;

import java.util.Random;

/**
 * Applies an {@link Augmentation} to one image while copying it into a batch buffer. Works on the
 * float arrays directly (inverse mapping with bilinear sampling, zero outside) so augmentation costs
 * no NDArray allocations.
 */
final class ImageAugmenter {

    private final Augmentation aug;
    private final int channels;
    private final int height;
    private final int width;

    ImageAugmenter(Augmentation aug, int channels, int height, int width) {
        this.aug = aug;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** One image's planes; a colour image's channels move together (one draw per image). */
    void copy(float[] src, int srcOffset, float[] dst, int dstOffset, Random random) {
        int plane = height * width;
        if (!aug.enabled()) {
            System.arraycopy(src, srcOffset, dst, dstOffset, channels * plane);
            return;
        }
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * aug.rotationDegrees());
        int dx = aug.shiftPixels() == 0 ? 0 : random.nextInt(2 * aug.shiftPixels() + 1) - aug.shiftPixels();
        int dy = aug.shiftPixels() == 0 ? 0 : random.nextInt(2 * aug.shiftPixels() + 1) - aug.shiftPixels();
        boolean flip = aug.horizontalFlip() && random.nextBoolean();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Undo the shift, then the rotation, then the mirror: where did this pixel come from?
                double ux = x - dx - cx;
                double uy = y - dy - cy;
                double sx = cos * ux + sin * uy + cx;
                double sy = -sin * ux + cos * uy + cy;
                if (flip) {
                    sx = width - 1 - sx;
                }
                for (int c = 0; c < channels; c++) {
                    dst[dstOffset + c * plane + y * width + x] = sample(src, srcOffset + c * plane, sx, sy);
                }
            }
        }
    }

    private float sample(float[] src, int off, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) (pixel(src, off, x0, y0) * (1 - fx) * (1 - fy)
                + pixel(src, off, x0 + 1, y0) * fx * (1 - fy)
                + pixel(src, off, x0, y0 + 1) * (1 - fx) * fy
                + pixel(src, off, x0 + 1, y0 + 1) * fx * fy);
    }

    private float pixel(float[] src, int off, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : src[off + y * width + x];
    }
}
