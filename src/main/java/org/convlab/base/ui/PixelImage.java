package org.convlab.base.ui;

import com.vaadin.flow.component.html.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A small grayscale image (a Fashion-MNIST item, a class mean, later a filter or feature map) shown
 * as a PNG inside the page and scaled up with sharp pixels, so each pixel stays a visible square.
 * Values are intensities 0–255: 0 is black, 255 white, as in the data set itself.
 */
public final class PixelImage extends Image {

    public PixelImage(byte[] pixels, int rows, int cols, String description) {
        this(toPng(rows, cols, i -> pixels[i] & 0xFF), description);
    }

    public PixelImage(double[] intensities, int rows, int cols, String description) {
        this(toPng(rows, cols, i -> (int) Math.round(Math.clamp(intensities[i], 0, 255))), description);
    }

    private PixelImage(String dataUrl, String description) {
        super(dataUrl, description);
        addClassName("pixel-image");
        setTitle(description);
    }

    private interface Intensity {
        int at(int index);
    }

    private static String toPng(int rows, int cols, Intensity intensity) {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = intensity.at(r * cols + c);
                image.getRaster().setSample(c, r, 0, v);
            }
        }
        return dataUrl(image);
    }

    /** The image as a PNG data URL, for an {@link Image}'s source: shown without a request to the server. */
    public static String dataUrl(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
