import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Generates ConvLab's colour demo data set, "Colour shapes", from nothing but this code: 32×32 RGB
 * images of a circle or a square in red, olive, green, blue or purple on a textured, noisy
 * background, 10 classes (as many as CIFAR-10, so its models train here unchanged). The five
 * colours have the same luminance, so a grayscale copy of the data shows the shape but not the
 * colour: a model needs the colour channels to tell "red circle" from "green circle".
 *
 * <p>Run it from the repository root with a JDK 21+ (no classpath, no downloads):
 * <pre>
 *   $(scripts/java-home.sh)/bin/java scripts/ColourShapes.java [output folder, default data/colour-shapes]
 * </pre>
 * The random numbers come from one fixed seed and gzip writes no time stamp, so every run writes
 * byte-identical files (the SHA-256 sums in dataset.json pin them; DatasetLoader checks them).
 *
 * <p>Format: IDX as MNIST, images with dimensions (count, 3, 32, 32), each image's red plane, then
 * its green plane, then its blue plane, row by row; labels one byte each.
 */
public final class ColourShapes {

    static final int SIZE = 32;
    static final int TRAIN_PER_CLASS = 600;
    static final int TEST_PER_CLASS = 150;
    static final long SEED = 20_261_129L;

    static final List<String> SHAPES = List.of("circle", "square");
    static final List<String> COLOURS = List.of("red", "olive", "green", "blue", "purple");
    /**
     * The five paints, chosen so that their luminance (Rec. 601 luma, 0.299 R + 0.587 G + 0.114 B,
     * what most "convert to grayscale" functions compute) is 110 ± 0.2: in grayscale
     * they are the same grey.
     */
    static final int[][] PAINTS = {
            {228, 58, 70},   // red:    68.17 + 34.05 +  7.98 = 110.20
            {136, 116, 12},  // olive:  40.66 + 68.09 +  1.37 = 110.12
            {40, 156, 55},   // green:  11.96 + 91.57 +  6.27 = 109.80
            {92, 92, 250},   // blue:   27.51 + 54.00 + 28.50 = 110.01
            {201, 40, 232},  // purple: 60.10 + 23.48 + 26.45 = 110.03
    };

    private ColourShapes() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "data/colour-shapes");
        Files.createDirectories(folder);
        Map<String, byte[]> files = generate();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        System.out.println("Wrote " + files.keySet() + " to " + folder);
    }

    /** The data set's files by name: the four gzipped IDX files and dataset.json. */
    static Map<String, byte[]> generate() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        Split train = split(random.split(), TRAIN_PER_CLASS);
        Split test = split(random.split(), TEST_PER_CLASS);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx4-ubyte.gz", gzip(images(train.pixels, train.labels.length)));
        files.put("train-labels-idx1-ubyte.gz", gzip(labels(train.labels)));
        files.put("test-images-idx4-ubyte.gz", gzip(images(test.pixels, test.labels.length)));
        files.put("test-labels-idx1-ubyte.gz", gzip(labels(test.labels)));
        files.put("dataset.json", metadata(files).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    record Split(byte[] pixels, byte[] labels) {}

    /**
     * {@code perClass} images of every class in shuffled order. Each shape is drawn {@code perClass}
     * times, and each drawing is painted in all five colours: the five images differ only in the
     * paint, so their grayscale copies are the same picture (to rounding) under five labels, and
     * only the colour channels can tell the classes apart.
     */
    static Split split(SplittableRandom random, int perClass) {
        int colours = COLOURS.size();
        int count = perClass * SHAPES.size() * colours;
        int imageBytes = 3 * SIZE * SIZE;
        byte[] drawn = new byte[count * imageBytes];
        byte[] drawnLabels = new byte[count];
        int next = 0;
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            for (int i = 0; i < perClass; i++) {
                Layout layout = Layout.random(random, SHAPES.get(shape));
                for (int colour = 0; colour < colours; colour++) {
                    layout.paint(PAINTS[colour], drawn, next * imageBytes);
                    drawnLabels[next++] = (byte) (shape * colours + colour);
                }
            }
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) { // Fisher–Yates
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        byte[] pixels = new byte[count * imageBytes];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(drawn, order[i] * imageBytes, pixels, i * imageBytes, imageBytes);
            labels[i] = drawnLabels[order[i]];
        }
        return new Split(pixels, labels);
    }

    /** Class names in label order: "red circle", "olive circle", ..., "purple circle", "red square", ... */
    static List<String> classNames() {
        return SHAPES.stream().flatMap(s -> COLOURS.stream().map(c -> c + " " + s)).toList();
    }

    /**
     * Everything about an image but its paint: a two-tone background pattern (stripes, checks or
     * dots in two greys with a slight tint), light or dark so the shape always stands out in
     * grayscale; the shape at a random place, size and angle, anti-aliased; its shade; and sparse
     * grey speckles. Shade and speckles are kept small enough that no painted pixel is clipped at
     * 255, so the five paints stay the same grey everywhere.
     */
    record Layout(int base, int contrast, int[] tint, int pattern, int period, boolean vertical,
            double[] coverage, double shade, int[] speckles) {

        static Layout random(SplittableRandom random, String shape) {
            boolean light = random.nextBoolean();
            int base = light ? 170 + random.nextInt(50) : 25 + random.nextInt(40);
            int contrast = 8 + random.nextInt(16);
            int[] tint = {random.nextInt(-12, 13), random.nextInt(-12, 13), random.nextInt(-12, 13)};
            int pattern = random.nextInt(3);
            int period = 3 + random.nextInt(4);
            boolean vertical = random.nextBoolean();

            double radius = 8 + random.nextDouble() * 5;          // 8–13 pixels from centre to corner
            double cx = radius + 1 + random.nextDouble() * (SIZE - 2 * radius - 2);
            double cy = radius + 1 + random.nextDouble() * (SIZE - 2 * radius - 2);
            double angle = random.nextDouble() * 2 * Math.PI;
            double shade = 0.75 + random.nextDouble() * 0.15;     // at most 250 × 0.9 + 30 = 255
            double[] coverage = new double[SIZE * SIZE];
            int[] speckles = new int[SIZE * SIZE];
            for (int p = 0; p < SIZE * SIZE; p++) {
                coverage[p] = ColourShapes.coverage(shape, p % SIZE, p / SIZE, cx, cy, radius, angle);
                speckles[p] = random.nextInt(40) == 0 ? random.nextInt(-30, 31) : 0;
            }
            return new Layout(base, contrast, tint, pattern, period, vertical, coverage, shade, speckles);
        }

        /** Writes the image in {@code paint} (red, green, blue) as three planes at {@code offset}. */
        void paint(int[] paint, byte[] out, int offset) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean dark = switch (pattern) {
                        case 0 -> ((vertical ? x : y) / period) % 2 == 0;
                        case 1 -> ((x / period) + (y / period)) % 2 == 0;
                        default -> x % period == 0 && y % period == 0;
                    };
                    double cover = coverage[y * SIZE + x];
                    for (int c = 0; c < 3; c++) {
                        double background = base + tint[c] - (dark ? contrast : 0);
                        double value = background * (1 - cover) + paint[c] * shade * cover;
                        int v = (int) Math.round(value) + speckles[y * SIZE + x];
                        out[offset + (c * SIZE + y) * SIZE + x] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
    }

    /** The fraction of pixel (x, y) the shape covers, from 4×4 samples in the pixel. */
    static double coverage(String shape, int x, int y, double cx, double cy, double radius, double angle) {
        int inside = 0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int sy = 0; sy < 4; sy++) {
            for (int sx = 0; sx < 4; sx++) {
                double dx = x + (sx + 0.5) / 4 - cx;
                double dy = y + (sy + 0.5) / 4 - cy;
                double u = dx * cos + dy * sin; // the sample in the shape's own, unrotated frame
                double v = -dx * sin + dy * cos;
                if (contains(shape, u, v, radius)) {
                    inside++;
                }
            }
        }
        return inside / 16.0;
    }

    /** Whether (u, v) lies in the shape centred at the origin with corners {@code radius} away. */
    static boolean contains(String shape, double u, double v, double radius) {
        return switch (shape) {
            case "circle" -> u * u + v * v <= radius * radius * 0.6;    // a little smaller, to match the square's area
            case "square" -> Math.abs(u) <= radius * 0.7071 && Math.abs(v) <= radius * 0.7071;
            default -> throw new IllegalArgumentException("no such shape: " + shape);
        };
    }

    static byte[] images(byte[] pixels, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + pixels.length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000804);
        out.writeInt(count);
        out.writeInt(3);
        out.writeInt(SIZE);
        out.writeInt(SIZE);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + labels.length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    /** gzip at the highest level; the header's time stamp is 0, so equal input gives equal bytes. */
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static String metadata(Map<String, byte[]> files) {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"name\": \"Colour shapes\",\n");
        json.append("  \"description\": \"ConvLab's colour demo: 32x32 RGB circles and squares in red, olive, green, "
                + "blue and purple of equal luminance on textured backgrounds; grayscale cannot tell the colours apart.\",\n");
        json.append("  \"source\": \"generated by scripts/ColourShapes.java in the ConvLab repository (see README.md)\",\n");
        json.append("  \"classes\": [");
        List<String> names = classNames();
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append('"');
        }
        json.append("],\n");
        json.append("  \"files\": {\n");
        json.append("    \"trainImages\": \"train-images-idx4-ubyte.gz\",\n");
        json.append("    \"trainLabels\": \"train-labels-idx1-ubyte.gz\",\n");
        json.append("    \"testImages\": \"test-images-idx4-ubyte.gz\",\n");
        json.append("    \"testLabels\": \"test-labels-idx1-ubyte.gz\"\n");
        json.append("  },\n");
        json.append("  \"sha256\": {\n");
        List<String> data = files.keySet().stream().toList();
        for (int i = 0; i < data.size(); i++) {
            json.append("    \"").append(data.get(i)).append("\": \"").append(sha256(files.get(data.get(i))))
                    .append('"').append(i == data.size() - 1 ? "\n" : ",\n");
        }
        json.append("  }\n");
        json.append("}\n");
        return json.toString();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
