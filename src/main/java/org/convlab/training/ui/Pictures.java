package org.convlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.convlab.base.ui.PixelImage;

/** Test images and network values as {@link PixelImage}s. */
final class Pictures {

    private Pictures() {}

    /** An image whose values run from 0 (black) to 1 (white), as the network sees it. */
    static PixelImage of(float[] zeroToOne, int rows, int cols, String description) {
        double[] intensities = new double[zeroToOne.length];
        for (int i = 0; i < zeroToOne.length; i++) {
            intensities[i] = zeroToOne[i] * 255.0;
        }
        return new PixelImage(intensities, rows, cols, description);
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

    /** A 28×28 test image with a caption underneath, as in the Data page's gallery. */
    static Div figure(float[] pixels, String description, String caption) {
        Span text = new Span(caption);
        text.addClassName("sample-caption");
        Div figure = new Div(of(pixels, 28, 28, description), text);
        figure.addClassName("sample");
        return figure;
    }
}
