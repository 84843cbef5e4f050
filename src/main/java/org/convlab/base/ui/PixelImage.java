package org.convlab.base.ui;

import com.vaadin.flow.component.html.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A small image (a Fashion-MNIST item, a colour photo, a class mean, a filter or feature map) shown
 * as a PNG inside the page and scaled up with sharp pixels, so each pixel stays a visible square.
 * Values are intensities 0–255: 0 is black, 255 white, as in the data set itself. Grayscale has one
 * value per pixel; colour has three planes, as the data sets keep them: all of red row by row, then
 * green, then blue.
 */
public final class PixelImage extends Image {

    public PixelImage(byte[] pixels, int rows, int cols, String description) {
        this(toPng(rows, cols, i -> pixels[i] & 0xFF), description);
    }

    public PixelImage(double[] intensities, int rows, int cols, String description) {
        this(toPng(rows, cols, i -> (int) Math.round(Math.clamp(intensities[i], 0, 255))), description);
    }

    /** {@code channels} is 1 (grayscale) or 3 (planar red, green, blue). */
    public PixelImage(byte[] pixels, int channels, int rows, int cols, String description) {
        this(toPng(channels, rows, cols, i -> pixels[i] & 0xFF), description);
    }

    /** {@code channels} is 1 (grayscale) or 3 (planar red, green, blue); intensities 0–255. */
    public PixelImage(double[] intensities, int channels, int rows, int cols, String description) {
        this(toPng(channels, rows, cols, i -> (int) Math.round(Math.clamp(intensities[i], 0, 255))), description);
    }

    private PixelImage(String dataUrl, String description) {
        super(dataUrl, description);
        addClassName("pixel-image");
        setTitle(description);
    }

    private interface Intensity {
        int at(int index);
    }

    private static String toPng(int channels, int rows, int cols, Intensity intensity) {
        return switch (channels) {
            case 1 -> toPng(rows, cols, intensity);
            case 3 -> dataUrl(rgb(rows, cols, intensity));
            default -> throw new IllegalArgumentException("an image has 1 or 3 channels, not " + channels);
        };
    }

    /** Planar red, green and blue as one RGB picture. */
    private static BufferedImage rgb(int rows, int cols, Intensity intensity) {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int plane = rows * cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                image.setRGB(c, r, intensity.at(i) << 16 | intensity.at(plane + i) << 8 | intensity.at(2 * plane + i));
            }
        }
        return image;
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
