package org.convlab.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The viridis colour scale: perceptually even and readable with colour blindness and in grayscale,
 * unlike red-green scales. Maps a value in [min, max] to a CSS colour.
 */
public final class ColorScale {

    /** Viridis sampled at 9 evenly spaced points; colours between are interpolated. */
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}
    };

    private final double min;
    private final double max;

    public ColorScale(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("a colour scale needs max > min");
        }
        this.min = min;
        this.max = max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String color(double value) {
        int[] rgb = rgb(value);
        return "rgb(" + rgb[0] + " " + rgb[1] + " " + rgb[2] + ")";
    }

    /**
     * Black or white, whichever contrasts more with {@link #color(double)} by WCAG's formula: on any
     * colour one of them reaches at least 4.58:1, so every value passes WCAG AA (4.5:1).
     */
    public String textColor(double value) {
        double luminance = relativeLuminance(rgb(value));
        double onBlack = (luminance + 0.05) / 0.05;
        double onWhite = 1.05 / (luminance + 0.05);
        return onBlack >= onWhite ? "#000" : "#fff";
    }

    /** WCAG 2.1 relative luminance of an sRGB colour (0 black, 1 white). */
    static double relativeLuminance(int[] rgb) {
        double[] linear = new double[3];
        for (int k = 0; k < 3; k++) {
            double c = rgb[k] / 255.0;
            linear[k] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** A CSS gradient from min to max, for a legend. */
    public static String cssGradient() {
        List<String> stops = new ArrayList<>();
        for (int[] c : VIRIDIS) {
            stops.add(String.format(Locale.ROOT, "rgb(%d %d %d)", c[0], c[1], c[2]));
        }
        return String.format(Locale.ROOT, "linear-gradient(to right, %s)", String.join(", ", stops));
    }

    /** The colour of {@code value} as red, green, blue (0–255), for drawing images in Java. */
    public int[] rgb(double value) {
        double t = Math.clamp((value - min) / (max - min), 0.0, 1.0) * (VIRIDIS.length - 1);
        int i = (int) Math.min(Math.floor(t), VIRIDIS.length - 2);
        double f = t - i;
        int[] rgb = new int[3];
        for (int k = 0; k < 3; k++) {
            rgb[k] = (int) Math.round(VIRIDIS[i][k] + f * (VIRIDIS[i + 1][k] - VIRIDIS[i][k]));
        }
        return rgb;
    }
}
