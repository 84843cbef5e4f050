package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;

/**
 * Test images and network values as {@link PixelImage}s. An image's shape (1 or 3 channels, 28 or
 * 32 pixels) comes from the run's data, never from a constant: colour data shows in colour.
 */
final class Pictures {

    private Pictures() {}

    /** One plane of values from 0 (black) to 1 (white), as the network sees it. */
    static PixelImage of(float[] zeroToOne, int rows, int cols, String description) {
        return of(zeroToOne, LayerShape.image(1, rows, cols), description);
    }

    /**
     * An image whose values run from 0 to 1, as the network sees it: one plane in grayscale, or
     * three (red, green, blue, one after the other) in colour.
     */
    static PixelImage of(float[] zeroToOne, LayerShape shape, String description) {
        double[] intensities = new double[zeroToOne.length];
        for (int i = 0; i < zeroToOne.length; i++) {
            intensities[i] = zeroToOne[i] * 255.0;
        }
        return new PixelImage(intensities, shape.channels(), shape.height(), shape.width(), description);
    }

    /** Any values, stretched so the smallest is black and the largest white. */
    static PixelImage stretched(float[] values, int rows, int cols, String description) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min == 0 ? 1 : max - min;
        double[] intensities = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            intensities[i] = (values[i] - min) / range * 255.0;
        }
        return new PixelImage(intensities, rows, cols, description);
    }

    /** A test image with a caption underneath, as in the Data page's gallery. */
    static Div figure(float[] pixels, LayerShape shape, String description, String caption) {
        Span text = new Span(caption);
        text.addClassName("sample-caption");
        Div figure = new Div(of(pixels, shape, description), text);
        figure.addClassName("sample");
        return figure;
    }

    /**
     * Rows {@code top..top+height-1} and columns {@code left..left+width-1} of an image, every
     * channel of it (planar, as the image).
     */
    static float[] crop(float[] image, LayerShape shape, int top, int left, int height, int width) {
        float[] out = new float[shape.channels() * height * width];
        int plane = shape.height() * shape.width();
        for (int c = 0; c < shape.channels(); c++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(image, c * plane + (top + r) * shape.width() + left, out, (c * height + r) * width, width);
            }
        }
        return out;
    }

    /** The names of an image's channels, for alt text and captions. */
    static String channelName(int channels, int channel) {
        return channels == 3 ? t("training.channel." + COLOURS[channel]) : t("training.channel.number", channel + 1);
    }

    /** The colour channels' keys, in the images' order. */
    private static final String[] COLOURS = {"red", "green", "blue"};
}
