package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

/**
 * Checks the statistics of the real test split against figures this test works out itself from the
 * raw file bytes, with different formulas (one-pass sums for Pearson's r), so a shared bug in the
 * reader or the statistics cannot hide.
 */
class DatasetStatisticsTest {

    private static final int PIXELS = 784;
    private static byte[] rawImages;
    private static byte[] rawLabels;
    private static DatasetStatistics stats;

    @BeforeAll
    static void load() throws IOException {
        Path folder = DatasetService.defaultFolder();
        rawImages = gunzip(folder.resolve("t10k-images-idx3-ubyte.gz"));
        rawLabels = gunzip(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        stats = new DatasetService(folder).statistics(Split.TEST);
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static int label(int i) {
        return rawLabels[8 + i] & 0xFF;
    }

    private static int pixel(int i, int p) {
        return rawImages[16 + i * PIXELS + p] & 0xFF;
    }

    @Test
    void countsEveryClass() {
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            counts[label(i)]++;
        }
        assertThat(stats.imageCount()).isEqualTo(10_000);
        for (int c = 0; c < 10; c++) {
            assertThat(stats.classes().get(c).count()).isEqualTo(counts[c]);
        }
        assertThat(stats.classes().get(6).name()).isEqualTo("Shirt");
    }

    @Test
    void meanPixelPerClassAndPixelRange() {
        double[] sums = new double[10];
        int[] counts = new int[10];
        int min = 255;
        int max = 0;
        for (int i = 0; i < 10_000; i++) {
            counts[label(i)]++;
            for (int p = 0; p < PIXELS; p++) {
                sums[label(i)] += pixel(i, p);
                min = Math.min(min, pixel(i, p));
                max = Math.max(max, pixel(i, p));
            }
        }
        for (int c = 0; c < 10; c++) {
            assertThat(stats.classes().get(c).meanPixel()).isCloseTo(sums[c] / (counts[c] * PIXELS), within(1e-9));
        }
        assertThat(stats.pixelMin()).isEqualTo(min);
        assertThat(stats.pixelMax()).isEqualTo(max);
    }

    @Test
    void correlationOfClassMeanImages() {
        double[][] means = new double[10][PIXELS];
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            counts[label(i)]++;
            for (int p = 0; p < PIXELS; p++) {
                means[label(i)][p] += pixel(i, p);
            }
        }
        for (int c = 0; c < 10; c++) {
            for (int p = 0; p < PIXELS; p++) {
                means[c][p] /= counts[c];
            }
        }
        for (int[] pair : List.of(new int[] {0, 6}, new int[] {1, 5}, new int[] {4, 6}, new int[] {7, 9})) {
            double expected = onePassPearson(means[pair[0]], means[pair[1]]);
            assertThat(stats.correlation()[pair[0]][pair[1]]).isCloseTo(expected, within(1e-9));
            assertThat(stats.correlation()[pair[1]][pair[0]]).isCloseTo(expected, within(1e-9));
        }
        for (int c = 0; c < 10; c++) {
            assertThat(stats.correlation()[c][c]).isEqualTo(1.0);
        }
    }

    @Test
    void mostAndLeastAlikePairsAreTheExtremesOffTheDiagonal() {
        var most = stats.mostSimilarPair();
        var least = stats.leastSimilarPair();
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                if (a != b) {
                    assertThat(stats.correlation()[a][b]).isBetween(least.correlation(), most.correlation());
                }
            }
        }
        // Upper-body garments look alike; trousers and footwear do not.
        assertThat(List.of(most.first().name(), most.second().name())).containsAnyOf("Shirt", "Coat", "Pullover");
        assertThat(least.correlation()).isLessThan(0.2);
    }

    @Test
    void handWorkedExample() {
        // Two 28×28 "images": class 0 is all 10s except pixel 0 = 20; class 1 all 0s; one image each.
        byte[] pixels = new byte[2 * PIXELS];
        Arrays.fill(pixels, 0, PIXELS, (byte) 10);
        pixels[0] = 20;
        LabeledImages images = new LabeledImages(28, 28, pixels, new byte[] {0, 1});
        DatasetStatistics s = DatasetStatistics.compute(Split.TRAIN, images, List.of("a", "b"));
        assertThat(s.classes().get(0).meanPixel()).isCloseTo((783 * 10 + 20) / 784.0, within(1e-12));
        assertThat(s.classes().get(1).meanPixel()).isZero();
        assertThat(s.pixelMin()).isZero();
        assertThat(s.pixelMax()).isEqualTo(20);
        // A constant image has no defined correlation; ConvLab reports 0 rather than NaN.
        assertThat(s.correlation()[0][1]).isZero();
        // Grayscale has one channel, whose mean is the mean pixel.
        assertThat(s.channels()).isEqualTo(1);
        assertThat(s.colour()).isFalse();
        assertThat(s.classes().get(0).channelMeans()).containsExactly(s.classes().get(0).meanPixel());
        assertThat(s.channelMeans()).containsExactly(s.meanPixel());
    }

    /**
     * Two colour classes equally bright overall but of different colours: only the per-channel
     * means tell red things from green ones, and the mean images stay in colour (planar RGB).
     */
    @Test
    void colourClassesAreMeasuredPerChannel() {
        int plane = 32 * 32;
        int perImage = 3 * plane;
        // Class 0 ("red"): two images with red 200 and 100, green and blue 0.
        // Class 1 ("green"): one image with green 90 and blue 60; red 0.
        byte[] pixels = new byte[3 * perImage];
        Arrays.fill(pixels, 0, plane, (byte) 200);
        Arrays.fill(pixels, perImage, perImage + plane, (byte) 100);
        Arrays.fill(pixels, 2 * perImage + plane, 2 * perImage + 2 * plane, (byte) 90);
        Arrays.fill(pixels, 2 * perImage + 2 * plane, 3 * perImage, (byte) 60);
        LabeledImages images = new LabeledImages(32, 32, 3, pixels, new byte[] {0, 0, 1});

        DatasetStatistics s = DatasetStatistics.compute(Split.TRAIN, images, List.of("red", "green"));

        assertThat(s.channels()).isEqualTo(3);
        assertThat(s.colour()).isTrue();
        assertThat(s.classes().get(0).meanPixel()).isCloseTo(50, within(1e-12));
        assertThat(s.classes().get(1).meanPixel()).isCloseTo(50, within(1e-12));
        assertThat(s.classes().get(0).channelMeans()).containsExactly(150, 0, 0);
        assertThat(s.classes().get(1).channelMeans()).containsExactly(0, 90, 60);
        assertThat(s.classes().get(1).channelMean(2)).isEqualTo(60);
        // Over the split, each image counts once: red (200 + 100 + 0) / 3, green 90 / 3, blue 60 / 3.
        assertThat(s.channelMeans()).containsExactly(100, 30, 20);
        assertThat(s.meanPixel()).isCloseTo(50, within(1e-12));
        // Mean images keep all three planes: red first, then green, then blue.
        assertThat(s.meanImages()[0]).hasSize(perImage);
        assertThat(s.meanImages()[0][0]).isEqualTo(150);
        assertThat(s.meanImages()[0][plane]).isZero();
        assertThat(s.meanImages()[1][0]).isZero();
        assertThat(s.meanImages()[1][plane + 5]).isEqualTo(90);
        assertThat(s.meanImages()[1][2 * plane + 5]).isEqualTo(60);
        // Correlation over whole colour images: red against green-and-blue goes the opposite way.
        assertThat(s.correlation()[0][1]).isLessThan(0);
        assertThat(s.pixelMin()).isZero();
        assertThat(s.pixelMax()).isEqualTo(200);
    }

    /** The same, through a colour IDX file (magic 0x804, dims n × 3 × 32 × 32) loaded as the app loads it. */
    @Test
    void aLoadedColourSetKeepsItsPlanesApart(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        DatasetService service = new DatasetService(TinyColourSet.write(dir.resolve("tiny")));
        DatasetStatistics s = service.statistics(Split.TRAIN);
        int plane = 32 * 32;
        assertThat(s.imageCount()).isEqualTo(4);
        for (int label = 0; label < 2; label++) {
            for (int ch = 0; ch < 3; ch++) {
                // value(label, ch, row, col) = base + col: the plane's mean is base + 15.5.
                double expected = TinyColourSet.value(label, ch, 0, 0) + 15.5;
                assertThat(s.classes().get(label).channelMean(ch)).isCloseTo(expected, within(1e-9));
                for (int col : new int[] {0, 7, 31}) {
                    assertThat(s.meanImages()[label][ch * plane + 3 * 32 + col])
                            .isEqualTo(TinyColourSet.value(label, ch, 3, col));
                }
            }
        }
        assertThat(s.classes().get(0).channelMean(0)).isGreaterThan(s.classes().get(0).channelMean(1));
        assertThat(s.classes().get(1).channelMean(1)).isGreaterThan(s.classes().get(1).channelMean(0));
    }

    private static double onePassPearson(double[] x, double[] y) {
        double n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}
