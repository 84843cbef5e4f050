package org.convlab.dataset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns a learner's picture (an upload or a drawing) into a 28×28 image the way Fashion-MNIST's
 * own images were made: trim the empty border, scale so the longest side is 28 pixels, centre it,
 * and make the item light on a black background (the data set's convention; photos usually show a
 * dark item on a light background, so those are inverted).
 *
 * <p>Checks come before decoding: the file size, then the dimensions read from the header alone,
 * so a small file that claims a gigantic picture (a "decompression bomb") is refused unopened.
 */
public final class ImageImport {

    public static final int SIZE = 28;
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    public static final int MIN_SIDE = 8;

    /** Pixels at or below this share of the brightest pixel count as empty when trimming. */
    private static final double EMPTY = 0.08;

    private ImageImport() {}

    /** Why a picture cannot be used, in words for the learner who sent it. */
    public static final class RejectedImage extends TextException {
        /** Every key is {@code dataset.image.<why>}, with the same words as a clause under {@code dataset.image-reason.<why>}. */
        static final String KEYS = "dataset.image.";

        public RejectedImage(Text text) {
            super(text);
        }

        /** Why, as a clause to follow "… cannot be imported:" ("the file is empty"). */
        public Text reason() {
            return new Text("dataset.image-reason." + text().key().substring(KEYS.length()), text().args());
        }
    }

    /** The picture as 28×28 intensities 0–255, row by row (Try it on a grayscale 28×28 model). */
    public static byte[] toDatasetImage(byte[] file) {
        return refuseEmpty(toDatasetImage(file, SIZE, false));
    }

    /** For pictures already in memory (tests, generated images): 28×28 grayscale, as Try it sees them. */
    public static byte[] fromImage(BufferedImage image) {
        return refuseEmpty(prepare(image, SIZE, false));
    }

    /**
     * Try it's rule on top of the data sets' preparation: a picture with nothing on it is refused (a
     * data set may hold an all-black image; a learner asking about one almost surely sent the wrong file).
     */
    public static byte[] refuseEmpty(byte[] image) {
        for (byte b : image) {
            if ((b & 0xFF) > 25) {
                return image;
            }
        }
        throw new RejectedImage(Text.of("dataset.image.empty-picture"));
    }

    /**
     * A picture file as a data set image of {@code size}×{@code size} (28 or 32): grayscale
     * ({@code size²} bytes) or colour ({@code 3×size²} bytes, planar R, G, B); the same checks as
     * {@link #toDatasetImage(byte[])} come first.
     */
    public static byte[] toDatasetImage(byte[] file, int size, boolean colour) {
        checkSize(size);
        if (file.length == 0) {
            throw new RejectedImage(Text.of("dataset.image.empty-file"));
        }
        if (file.length > MAX_BYTES) {
            throw new RejectedImage(Text.of("dataset.image.too-many-bytes",
                    BigDecimal.valueOf(file.length / 1048576.0).setScale(1, RoundingMode.HALF_UP), (long) (MAX_BYTES >> 20)));
        }
        return prepare(decode(file), size, colour);
    }

    /**
     * A picture as a data set image. Grayscale is the Try-it preparation at {@code size}: trim the
     * empty border, invert when the border is light, scale the longest side to {@code size}, centre
     * (an empty picture, which Try it refuses, becomes an all-black image: a data set may hold one).
     * Colour keeps the picture as it is (no trimming, no inversion: colour photos have no
     * "background" convention), scales its longest side to {@code size} and centres it on black;
     * transparency is laid on black. The result is planar: the red plane, then green, then blue.
     */
    public static byte[] prepare(BufferedImage image, int size, boolean colour) {
        checkSize(size);
        image = grayAsStored(image);
        if (colour) {
            return scaleColour(image, size);
        }
        double[][] gray = intensities(image);
        int[] box = contentBox(gray);
        if (box == null) {
            return new byte[size * size];
        }
        return scaleAndCentre(gray, box, size);
    }

    /**
     * A picture already {@code size}×{@code size} as a data set image, its values as they are: no
     * trimming, scaling or inversion (images exported from a data set, such as a downloaded ConvLab
     * set or MNIST as PNGs, come back exactly). Grayscale is the luminance (0.299 R + 0.587 G +
     * 0.114 B, so a gray picture keeps its values); transparency is laid on black.
     */
    public static byte[] asItIs(BufferedImage image, boolean colour) {
        if (image.getWidth() != image.getHeight()) {
            throw new IllegalArgumentException("a picture as it is must be square");
        }
        int size = image.getWidth();
        checkSize(size);
        byte[] rgb = scaleColour(grayAsStored(image), size);
        if (colour) {
            return rgb;
        }
        int plane = size * size;
        byte[] gray = new byte[plane];
        for (int i = 0; i < plane; i++) {
            gray[i] = (byte) Math.round(0.299 * (rgb[i] & 0xFF) + 0.587 * (rgb[plane + i] & 0xFF)
                    + 0.114 * (rgb[2 * plane + i] & 0xFF));
        }
        return gray;
    }

    private static void checkSize(int size) {
        if (!DatasetLoader.IMAGE_SIZES.contains(size)) {
            throw new IllegalArgumentException("data set images are 28 or 32 pixels on a side, not " + size);
        }
    }

    /**
     * A gray picture with its stored values as R = G = B. Java reads a plain gray PNG into a linear
     * gray colour space and {@code getRGB} then brightens every value (60 becomes 191); a data set's
     * pixel values must stay what the file says, as they do for PIL and torchvision.
     */
    private static BufferedImage grayAsStored(BufferedImage image) {
        if (!storedAsGray(image)) {
            return image;
        }
        java.awt.image.Raster raster = image.getRaster();
        int bits = image.getColorModel().getComponentSize(0);
        boolean alpha = image.getColorModel().hasAlpha() && raster.getNumBands() > 1;
        int alphaBits = alpha ? image.getColorModel().getComponentSize(1) : 8;
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = to8(raster.getSample(x, y, 0), bits);
                int a = alpha ? to8(raster.getSample(x, y, 1), alphaBits) : 0xFF;
                row[x] = (a << 24) | (v << 16) | (v << 8) | v;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int to8(int sample, int bits) {
        return bits == 8 ? sample : bits > 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1);
    }

    /** Whether the picture is stored with one colour component (gray), whatever its pixels show. */
    static boolean storedAsGray(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 1;
    }

    private static BufferedImage decode(byte[] file) {
        return decode(file, MAX_SIDE);
    }

    /** Decodes a PNG or JPEG after checking the dimensions in its header against {@code maxSide}. */
    static BufferedImage decode(byte[] file, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedImage(Text.of("dataset.image.not-a-picture"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new RejectedImage(Text.of("dataset.image.other-format", format.toUpperCase(Locale.ROOT)));
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide) {
                    throw new RejectedImage(Text.of("dataset.image.too-large", String.valueOf(width), String.valueOf(height), String.valueOf(maxSide)));
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new RejectedImage(Text.of("dataset.image.too-small", String.valueOf(width), String.valueOf(height), String.valueOf(MIN_SIDE)));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedImage rejected) {
                throw rejected;
            }
            if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                // The JDK's JPEG reader has no CMYK/YCCK conversion: say what to do instead.
                throw new RejectedImage(Text.of("dataset.image.cmyk"));
            }
            throw new RejectedImage(Text.of("dataset.image.damaged"));
        }
    }

    /**
     * Ink intensity 0–1 per pixel. Transparency is flattened onto white (so strokes drawn on a
     * transparent canvas count as ink); then the image is inverted when its border is mostly light,
     * so the item ends up light on dark either way.
     */
    private static double[][] intensities(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] gray = new double[h][w];
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double a = alpha ? ((argb >>> 24) & 0xFF) / 255.0 : 1.0;
                double luminance = (0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF)
                        + 0.114 * (argb & 0xFF)) / 255.0;
                gray[y][x] = a * luminance + (1 - a);
            }
        }
        boolean lightBackground = borderMean(gray) > 0.5;
        for (double[] row : gray) {
            for (int x = 0; x < w; x++) {
                row[x] = lightBackground ? 1 - row[x] : row[x];
            }
        }
        return gray;
    }

    private static double borderMean(double[][] gray) {
        int h = gray.length;
        int w = gray[0].length;
        double sum = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    sum += gray[y][x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {top, left, bottom, right} (inclusive) of the pixels with ink, or null when there is none. */
    private static int[] contentBox(double[][] gray) {
        double max = 0;
        for (double[] row : gray) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        if (max < 0.1) {
            return null;
        }
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < gray.length; y++) {
            for (int x = 0; x < gray[y].length; x++) {
                if (gray[y][x] > EMPTY * max) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[] {top, left, bottom, right};
    }

    private static byte[] scaleColour(BufferedImage image, int size) {
        int w0 = image.getWidth();
        int h0 = image.getHeight();
        double scale = (double) size / Math.max(w0, h0);
        int w = Math.max(1, (int) Math.round(w0 * scale));
        int h = Math.max(1, (int) Math.round(h0 * scale));
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        java.awt.Image smooth = w == w0 && h == h0 ? image
                : image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING);
        g.drawImage(smooth, (size - w) / 2, (size - h) / 2, null);
        g.dispose();
        int plane = size * size;
        byte[] pixels = new byte[3 * plane];
        int[] rgb = scaled.getRGB(0, 0, size, size, null, 0, size);
        for (int i = 0; i < plane; i++) {
            pixels[i] = (byte) (rgb[i] >> 16);
            pixels[plane + i] = (byte) (rgb[i] >> 8);
            pixels[2 * plane + i] = (byte) rgb[i];
        }
        return pixels;
    }

    /**
     * Scales the content box so its longest side is {@code size} and centres it, going through RGB so
     * the values stay as computed (Java's gray images would brighten them, as grayAsStored explains).
     */
    private static byte[] scaleAndCentre(double[][] gray, int[] box, int size) {
        int boxH = box[2] - box[0] + 1;
        int boxW = box[3] - box[1] + 1;
        BufferedImage crop = new BufferedImage(boxW, boxH, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[boxW];
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                int v = (int) Math.round(255 * gray[box[0] + y][box[1] + x]);
                row[x] = (v << 16) | (v << 8) | v;
            }
            crop.setRGB(0, y, boxW, 1, row, 0, boxW);
        }
        byte[] rgb = scaleColour(crop, size);
        return java.util.Arrays.copyOf(rgb, size * size);  // the red plane; R = G = B
    }
}
