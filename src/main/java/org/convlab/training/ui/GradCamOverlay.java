package org.convlab.training.ui;

import com.vaadin.flow.component.html.Image;
import java.awt.image.BufferedImage;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.PixelImage;

/**
 * A Grad-CAM heatmap laid over the grayscale image it explains, drawn in Java as a PNG. The heat is
 * coloured with viridis (readable with colour blindness) and blended in more strongly where it is
 * hotter, so cold regions still show the picture itself.
 */
final class GradCamOverlay {

    /** How much of the colour covers the image where the heat is highest. */
    static final double MAX_OPACITY = 0.7;
    private static final ColorScale HEAT = new ColorScale(0, 1);

    private GradCamOverlay() {}

    /** {@code pixels} and {@code heat} are rows×cols values from 0 to 1. */
    static Image image(float[] pixels, float[] heat, int rows, int cols, String description) {
        Image image = new Image(PixelImage.dataUrl(blend(pixels, heat, rows, cols)), description);
        image.addClassName("pixel-image");
        image.setTitle(description);
        return image;
    }

    static BufferedImage blend(float[] pixels, float[] heat, int rows, int cols) {
        BufferedImage out = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double gray = Math.clamp(pixels[i], 0f, 1f) * 255;
                double h = Math.clamp(heat[i], 0f, 1f);
                double alpha = MAX_OPACITY * h;
                int[] colour = HEAT.rgb(h);
                int red = (int) Math.round((1 - alpha) * gray + alpha * colour[0]);
                int green = (int) Math.round((1 - alpha) * gray + alpha * colour[1]);
                int blue = (int) Math.round((1 - alpha) * gray + alpha * colour[2]);
                out.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }
}
