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
