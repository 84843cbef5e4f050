package org.convlab.dataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Image-folder zips for tests of the import pages, API and browser: one folder per class of PNG drawings. */
public final class ImageFolderZips {

    private ImageFolderZips() {}

    /**
     * {@code perClass} pictures each of a circle and of a square (light strokes on black, 40×40 with a
     * little jitter), in the folders {@code circle/} and {@code square/} of one top folder, as a zip
     * made on a desktop would be.
     */
    public static byte[] circlesAndSquares(int perClass, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String shape : new String[] {"circle", "square"}) {
                zip.putNextEntry(new ZipEntry("shapes/" + shape + "/"));
                zip.closeEntry();
                for (int i = 0; i < perClass; i++) {
                    zip.putNextEntry(new ZipEntry("shapes/" + shape + "/" + shape + "-" + i + ".png"));
                    zip.write(png(shape, random));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] png(String shape, Random random) throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3));
        int x = 6 + random.nextInt(6);
        int y = 6 + random.nextInt(6);
        int side = 18 + random.nextInt(8);
        if (shape.equals("circle")) {
            g.drawOval(x, y, side, side);
        } else {
            g.drawRect(x, y, side, side);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
