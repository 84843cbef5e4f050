package org.convlab.training.ui;

import com.vaadin.flow.component.html.Image;
import java.awt.image.BufferedImage;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;

/**
 * A Grad-CAM heatmap laid over the image it explains (grayscale or colour), drawn in Java as a PNG.
 * The heat is coloured with viridis (readable with colour blindness) and blended in more strongly
 * where it is hotter, so cold regions still show the picture itself, in its own colours.
 */
final class GradCamOverlay {

    /** How much of the colour covers the image where the heat is highest. */
    static final double MAX_OPACITY = 0.7;
    private static final ColorScale HEAT = new ColorScale(0, 1);

    private GradCamOverlay() {}

    /** {@code pixels}: the image, values 0 to 1, planar; {@code heat}: height×width values from 0 to 1. */
    static Image image(float[] pixels, float[] heat, LayerShape shape, String description) {
        Image image = new Image(PixelImage.dataUrl(blend(pixels, heat, shape)), description);
        image.addClassName("pixel-image");
        image.setTitle(description);
        return image;
    }

    static BufferedImage blend(float[] pixels, float[] heat, LayerShape shape) {
        int rows = shape.height();
        int cols = shape.width();
        int plane = rows * cols;
        // Grayscale reads its one plane for red, green and blue alike.
        int[] planeOf = shape.channels() == 3 ? new int[] {0, plane, 2 * plane} : new int[] {0, 0, 0};
        BufferedImage out = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double h = Math.clamp(heat[i], 0f, 1f);
                double alpha = MAX_OPACITY * h;
                int[] colour = HEAT.rgb(h);
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    double under = Math.clamp(pixels[planeOf[k] + i], 0f, 1f) * 255;
                    rgb = rgb << 8 | (int) Math.round((1 - alpha) * under + alpha * colour[k]);
                }
                out.setRGB(c, r, rgb);
            }
        }
        return out;
    }
}
