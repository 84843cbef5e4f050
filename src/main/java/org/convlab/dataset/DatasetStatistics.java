package org.convlab.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learner looks at before training: how many images of each class, how bright each class
 * is on average, what the average item of each class looks like, and how alike those average items
 * are (the Pearson correlation between class-mean images: classes whose mean images correlate
 * strongly, like shirts and T-shirts, are the ones a model will confuse).
 *
 * <p>Colour sets are measured per channel as well: a class of red things and a class of green
 * things are equally bright overall, and only the red, green and blue means tell them apart. Mean
 * images keep the images' layout (planar: the red plane, then green, then blue), so they can be
 * shown in colour; correlations compare whole mean images, all channels together.
 *
 * <p>{@link #compute} reads the images' bytes once, summing into one long per class and byte of an
 * image: 60,000 images cost no copy of the set, only classes × channels × rows × cols sums.
 */
public record DatasetStatistics(
        Split split,
        int imageCount,
        int channels,
        List<ClassSummary> classes,
        double[][] meanImages,
        double[][] correlation,
        int pixelMin,
        int pixelMax,
        double meanPixel,
        double[] channelMeans) {

    /**
     * One class: its label, name, image count and mean pixel value (0–255, over all channels), and
     * per channel (one value for grayscale; red, green, blue for colour).
     */
    public record ClassSummary(int label, String name, int count, double meanPixel, double[] channelMeans) {

        /** The mean of one channel, 0–255. */
        public double channelMean(int channel) {
            return channelMeans[channel];
        }
    }

    /** Two classes and the correlation of their mean images. */
    public record ClassPair(ClassSummary first, ClassSummary second, double correlation) {}

    public static DatasetStatistics compute(Split split, LabeledImages images, List<String> classNames) {
        int classCount = classNames.size();
        int pixelsPerImage = images.pixelsPerImage();
        long[][] pixelSums = new long[classCount][pixelsPerImage];
        int[] counts = new int[classCount];
        byte[] pixels = images.pixels();
        int min = 255;
        int max = 0;
        long total = 0;
        for (int i = 0; i < images.size(); i++) {
            int label = images.label(i);
            counts[label]++;
            long[] sums = pixelSums[label];
            int offset = i * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                int v = pixels[offset + p] & 0xFF;
                sums[p] += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                total += v;
            }
        }
        int channels = images.channels();
        int plane = pixelsPerImage / channels;
        double[][] meanImages = new double[classCount][pixelsPerImage];
        List<ClassSummary> classes = new ArrayList<>(classCount);
        long[] channelTotals = new long[channels];
        for (int c = 0; c < classCount; c++) {
            long[] classChannelTotals = new long[channels];
            for (int p = 0; p < pixelsPerImage; p++) {
                meanImages[c][p] = counts[c] == 0 ? 0 : (double) pixelSums[c][p] / counts[c];
                classChannelTotals[p / plane] += pixelSums[c][p];
            }
            long classTotal = 0;
            double[] classChannelMeans = new double[channels];
            for (int ch = 0; ch < channels; ch++) {
                classTotal += classChannelTotals[ch];
                channelTotals[ch] += classChannelTotals[ch];
                classChannelMeans[ch] = counts[c] == 0 ? 0 : (double) classChannelTotals[ch] / ((long) counts[c] * plane);
            }
            double mean = counts[c] == 0 ? 0 : (double) classTotal / ((long) counts[c] * pixelsPerImage);
            classes.add(new ClassSummary(c, classNames.get(c), counts[c], mean, classChannelMeans));
        }
        double[] channelMeans = new double[channels];
        for (int ch = 0; ch < channels; ch++) {
            channelMeans[ch] = images.size() == 0 ? 0 : (double) channelTotals[ch] / ((long) images.size() * plane);
        }
        double[][] correlation = new double[classCount][classCount];
        for (int a = 0; a < classCount; a++) {
            for (int b = 0; b < classCount; b++) {
                correlation[a][b] = a == b ? 1.0 : pearson(meanImages[a], meanImages[b]);
            }
        }
        if (images.size() == 0) {
            min = 0;
        }
        double meanPixel = images.size() == 0 ? 0 : (double) total / ((long) images.size() * pixelsPerImage);
        return new DatasetStatistics(split, images.size(), channels, List.copyOf(classes), meanImages, correlation,
                min, max, meanPixel, channelMeans);
    }

    public boolean colour() {
        return channels == 3;
    }

    /** Pearson's r; 0 when either vector is constant (r is undefined there). */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varX = 0;
        double varY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varX += dx * dx;
            varY += dy * dy;
        }
        return varX == 0 || varY == 0 ? 0 : covariance / Math.sqrt(varX * varY);
    }

    /** The two different classes whose mean images are most alike. */
    public ClassPair mostSimilarPair() {
        return extremePair(true);
    }

    /** The two different classes whose mean images are least alike. */
    public ClassPair leastSimilarPair() {
        return extremePair(false);
    }

    private ClassPair extremePair(boolean most) {
        int bestA = 0;
        int bestB = 1;
        for (int a = 0; a < correlation.length; a++) {
            for (int b = a + 1; b < correlation.length; b++) {
                double r = correlation[a][b];
                double best = correlation[bestA][bestB];
                if (most ? r > best : r < best) {
                    bestA = a;
                    bestB = b;
                }
            }
        }
        return new ClassPair(classes.get(bestA), classes.get(bestB), correlation[bestA][bestB]);
    }
}
