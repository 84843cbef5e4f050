package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colour demo data set shipped in data/colour-shapes: it loads as 32×32 colour images with
 * balanced classes, its checksums are pinned, scripts/ColourShapes.java regenerates it byte for
 * byte, and its classes really need colour.
 */
class ColourShapesDataTest {

    static final Path FOLDER = Path.of("data/colour-shapes");
    static final int COLOURS = 5;
    static final List<String> CLASSES = List.of(
            "red circle", "olive circle", "green circle", "blue circle", "purple circle",
            "red square", "olive square", "green square", "blue square", "purple square");

    @TempDir
    Path dir;

    @Test
    void loadsAsThirtyTwoPixelColourImagesWithBalancedClasses() {
        Dataset dataset = DatasetLoader.load(FOLDER);
        assertThat(dataset.name()).isEqualTo("Colour shapes");
        assertThat(dataset.classNames()).containsExactlyElementsOf(CLASSES);
        for (LabeledImages split : List.of(dataset.train(), dataset.test())) {
            assertThat(split.rows()).isEqualTo(32);
            assertThat(split.cols()).isEqualTo(32);
            assertThat(split.channels()).isEqualTo(3);
            assertThat(split.colour()).isTrue();
        }
        assertThat(dataset.train().size()).isEqualTo(6_000);
        assertThat(dataset.test().size()).isEqualTo(1_500);
        assertThat(countsPerClass(dataset.train())).containsOnly(600);
        assertThat(countsPerClass(dataset.test())).containsOnly(150);
    }

    @Test
    void shuffledSoNoClassComesInARun() {
        LabeledImages train = DatasetLoader.load(FOLDER).train();
        int[] seen = new int[CLASSES.size()];
        for (int i = 0; i < 90; i++) {
            seen[train.label(i)]++;
        }
        // 90 images in class order would be one class; shuffled, nearly every class shows up.
        assertThat(java.util.Arrays.stream(seen).filter(n -> n > 0).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyFileIsPinnedByItsChecksum() throws IOException {
        DatasetMetadata metadata = DatasetMetadata.read(FOLDER);
        assertThat(metadata.sha256()).containsOnlyKeys(metadata.files().all());
        for (String file : metadata.files().all()) {
            assertThat(DatasetLoader.sha256(FOLDER.resolve(file))).as(file).isEqualTo(metadata.sha256().get(file));
        }
        // A copy with one label changed is refused, so the sums are really checked on load.
        Path copy = copyOf(FOLDER);
        Path labels = copy.resolve(metadata.files().testLabels());
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 9] ^= 1; // inside the deflated data, before gzip's CRC and length
        Files.write(labels, bytes);
        assertThatThrownBy(() -> DatasetLoader.load(copy))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("test-labels-idx1-ubyte.gz: checksum mismatch");
    }

    /** The script is the data set's source: running it again must give exactly the committed files. */
    @Test
    void theGeneratorRegeneratesIdenticalBytes() throws Exception {
        Path out = dir.resolve("regenerated");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "scripts/ColourShapes.java", out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        // A bound against a hang, not a timed assertion: generating takes a few seconds.
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(written).containsExactly("dataset.json", "test-images-idx4-ubyte.gz", "test-labels-idx1-ubyte.gz",
                "train-images-idx4-ubyte.gz", "train-labels-idx1-ubyte.gz");
        for (String name : written) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(FOLDER.resolve(name)));
        }
    }

    /**
     * For each shape, the mean luminance images of its five colours' classes are the same to within
     * a grey level, while their mean red, green or blue planes differ by more than 50: a grayscale
     * model sees one class where there are five.
     */
    @Test
    void coloursOfOneShapeDifferOnlyInColourNotInLuminance() {
        Dataset dataset = DatasetLoader.load(FOLDER);
        for (LabeledImages split : List.of(dataset.train(), dataset.test())) {
            List<double[][]> means = new ArrayList<>();
            for (int label = 0; label < CLASSES.size(); label++) {
                means.add(meanPlanes(split, label));
            }
            for (int shape = 0; shape < CLASSES.size() / COLOURS; shape++) {
                for (int a = 0; a < COLOURS; a++) {
                    for (int b = a + 1; b < COLOURS; b++) {
                        double[][] first = means.get(shape * COLOURS + a);
                        double[][] second = means.get(shape * COLOURS + b);
                        String pair = CLASSES.get(shape * COLOURS + a) + " vs " + CLASSES.get(shape * COLOURS + b);
                        assertThat(maxDifference(luminance(first), luminance(second))).as(pair).isLessThan(1.0);
                        double channels = 0;
                        for (int c = 0; c < 3; c++) {
                            channels = Math.max(channels, maxDifference(first[c], second[c]));
                        }
                        assertThat(channels).as(pair).isGreaterThan(50.0);
                    }
                }
            }
        }
    }

    private static int[] countsPerClass(LabeledImages images) {
        int[] counts = new int[CLASSES.size()];
        for (int i = 0; i < images.size(); i++) {
            counts[images.label(i)]++;
        }
        return counts;
    }

    /** The class's mean image, one plane per channel (red, green, blue), each rows × cols values. */
    private static double[][] meanPlanes(LabeledImages images, int label) {
        int plane = images.rows() * images.cols();
        double[][] sums = new double[3][plane];
        int count = 0;
        for (int i = 0; i < images.size(); i++) {
            if (images.label(i) != label) {
                continue;
            }
            count++;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    sums[c][p] += images.pixel(i, c, p / images.cols(), p % images.cols());
                }
            }
        }
        for (double[] sum : sums) {
            for (int p = 0; p < plane; p++) {
                sum[p] /= count;
            }
        }
        return sums;
    }

    /** Rec. 601 luma, what "convert to grayscale" computes; linear, so the mean's luma is the luma's mean. */
    private static double[] luminance(double[][] planes) {
        double[] y = new double[planes[0].length];
        for (int p = 0; p < y.length; p++) {
            y[p] = 0.299 * planes[0][p] + 0.587 * planes[1][p] + 0.114 * planes[2][p];
        }
        return y;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int p = 0; p < a.length; p++) {
            max = Math.max(max, Math.abs(a[p] - b[p]));
        }
        return max;
    }

    private Path copyOf(Path folder) throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
