package org.convlab.dataset.library;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Drawings as the sketchpad sends them: a 280×280 PNG, black round strokes 18 pixels wide on
 * white. An X is two diagonals, an O a circle, each a little off where a hand would put it.
 */
public final class Sketches {

    static final int SIDE = 280;

    private Sketches() {}

    public static byte[] x(Random random) {
        return draw(g -> {
            int a = 50 + random.nextInt(30);
            int b = 230 - random.nextInt(30);
            g.drawLine(a + jitter(random), a + jitter(random), b + jitter(random), b + jitter(random));
            g.drawLine(b + jitter(random), a + jitter(random), a + jitter(random), b + jitter(random));
        });
    }

    public static byte[] o(Random random) {
        return draw(g -> {
            int r = 70 + random.nextInt(30);
            int cx = 140 + jitter(random);
            int cy = 140 + jitter(random);
            g.drawOval(cx - r, cy - r + jitter(random), 2 * r + jitter(random), 2 * r);
        });
    }

    /** A blank sheet: what "Add" would send before anything is drawn. */
    public static byte[] blank() {
        return draw(g -> {});
    }

    public static List<byte[]> xs(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(x(random));
        }
        return out;
    }

    public static List<byte[]> os(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(o(random));
        }
        return out;
    }

    private static int jitter(Random random) {
        return random.nextInt(21) - 10;
    }

    private interface Strokes {
        void on(Graphics2D g);
    }

    private static byte[] draw(Strokes strokes) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIDE, SIDE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        strokes.on(g);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
