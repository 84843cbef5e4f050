package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MultiChannelConvolutionTest {

    private static final List<String> RGB = List.of("red", "green", "blue");

    private static Matrix random(Random random, int rows, int cols) {
        return Matrix.generate(rows, cols, (r, c) -> random.nextInt(7) - 3);
    }

    /** The textbook 3-D convolution, written independently: out = bias + Σ over channels and window. */
    private static Matrix direct(List<Matrix> image, List<Matrix> kernel, double bias, int stride, int padding) {
        int k = kernel.getFirst().rows();
        int rows = (image.getFirst().rows() - k + 2 * padding) / stride + 1;
        int cols = (image.getFirst().cols() - k + 2 * padding) / stride + 1;
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = bias;
                for (int ch = 0; ch < image.size(); ch++) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int y = r * stride + i - padding;
                            int x = c * stride + j - padding;
                            if (image.get(ch).contains(y, x)) {
                                sum += image.get(ch).get(y, x) * kernel.get(ch).get(i, j);
                            }
                        }
                    }
                }
                out[r][c] = sum;
            }
        }
        return Matrix.of(out);
    }

    @Test
    void channelSumsPlusBiasEqualADirect3dConvolution() {
        Random random = new Random(15);
        for (int run = 0; run < 20; run++) {
            int channels = 1 + random.nextInt(4);
            int size = 3 + random.nextInt(5);
            List<Matrix> image = Stream.generate(() -> random(random, size, size)).limit(channels).toList();
            List<Matrix> kernel = Stream.generate(() -> random(random, 3, 3)).limit(channels).toList();
            List<String> names = IntStream.range(0, channels).mapToObj(i -> "c" + i).toList();
            double bias = random.nextInt(5) - 2;
            int stride = 1 + random.nextInt(2);
            int padding = random.nextInt(2);

            MultiChannelTrace trace = new MultiChannelConvolution(
                    new Convolution2d(stride, ZeroPadding.of(padding), 1, false)).trace(names, image, kernel, bias);

            assertThat(trace.output()).isEqualTo(direct(image, kernel, bias, stride, padding));
            assertThat(trace.channels()).hasSize(channels);
            for (ChannelSumStep step : trace.steps()) {
                double fromChannels = bias;
                for (int ch = 0; ch < channels; ch++) {
                    double channelSum = trace.channels().get(ch).output().get(step.output());
                    assertThat(step.channelSums().get(ch)).isEqualTo(channelSum);
                    fromChannels += channelSum;
                }
                assertThat(step.total()).isCloseTo(fromChannels, within(1e-12));
                assertThat(trace.output().get(step.output())).isEqualTo(step.total());
            }
        }
    }

    @Test
    void writesEachCellOutWithTheRealNumbers() {
        // One 3×3 window per channel: the whole image is the window, so the output is one cell.
        List<Matrix> image = List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 2));
        Matrix centre = Matrix.of(new int[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        List<Matrix> kernel = List.of(centre.map(v -> 4 * v), centre.map(v -> -v), centre);
        MultiChannelTrace trace = MultiChannelConvolution.defaults().trace(RGB, image, kernel, 1);

        ChannelSumStep step = trace.step(0, 0);
        assertThat(step.channelSums()).containsExactly(4.0, -1.0, 2.0);
        assertThat(step.writtenSum(ValueFormat.plain())).isEqualTo("red 4 + green −1 + blue 2 + bias 1 = 6");
        assertThat(step.description(ValueFormat.plain())).isEqualTo("Output row 1, column 1: the red slice gives 4, "
                + "the green slice gives −1 and the blue slice gives 2; with the bias 1 they add up to 6.");
        assertThat(trace.output()).isEqualTo(Matrix.filled(1, 1, 6));
    }

    @Test
    void manyChannelsStillGiveOneOutputMap() {
        List<Matrix> image = List.of(Matrix.filled(5, 5, 1), Matrix.filled(5, 5, 2), Matrix.filled(5, 5, 3));
        List<Matrix> kernel = List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1));
        MultiChannelTrace trace = MultiChannelConvolution.defaults().trace(RGB, image, kernel, 0.5);
        assertThat(trace.output()).isEqualTo(Matrix.filled(3, 3, 9 + 18 + 27 + 0.5));
        assertThat(trace.steps()).hasSize(9);
    }

    @Test
    void refusesAKernelWhoseSlicesDoNotMatchTheChannels() {
        List<Matrix> three = List.of(Matrix.filled(5, 5, 1), Matrix.filled(5, 5, 1), Matrix.filled(5, 5, 1));
        List<Matrix> twoSlices = List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1));
        assertThatThrownBy(() -> MultiChannelConvolution.defaults().trace(RGB, three, twoSlices, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the kernel has 2 slices but the image has 3 channels;"
                        + " a kernel needs exactly one slice per input channel");
        List<Matrix> fourSlices = List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1),
                Matrix.filled(3, 3, 1));
        assertThatThrownBy(() -> MultiChannelConvolution.defaults().trace(RGB, three, fourSlices, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the kernel has 4 slices but the image has 3 channels");
        assertThatThrownBy(() -> MultiChannelConvolution.defaults().trace(List.of("grey"),
                List.of(Matrix.filled(5, 5, 1)), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the kernel has 0 slices but the image has 1 channel;");
        assertThatThrownBy(() -> MultiChannelConvolution.defaults().trace(List.of(), List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an image needs at least one channel");
    }

    @Test
    void refusesChannelsAndSlicesOfDifferentSizesAndOtherMisfits() {
        MultiChannelConvolution conv = MultiChannelConvolution.defaults();
        List<Matrix> slices = List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1));
        assertThatThrownBy(() -> conv.trace(RGB,
                List.of(Matrix.filled(5, 5, 1), Matrix.filled(4, 5, 1), Matrix.filled(5, 5, 1)), slices, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 2 (green) is 4×5, but channel 1 (red) is 5×5;"
                        + " all channels of an image have the same size");
        List<Matrix> image = List.of(Matrix.filled(5, 5, 1), Matrix.filled(5, 5, 1), Matrix.filled(5, 5, 1));
        assertThatThrownBy(() -> conv.trace(RGB, image,
                List.of(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1), Matrix.filled(2, 2, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel slice 3 (blue) is 2×2, but kernel slice 1 (red) is 3×3;"
                        + " all slices of a kernel have the same size");
        assertThatThrownBy(() -> conv.trace(List.of("red", "green"), image, slices, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 channel names given for 3 channels");
        assertThatThrownBy(() -> conv.trace(RGB, image, slices, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bias must be a finite number, got NaN");
        assertThatThrownBy(() -> conv.trace(RGB, image, slices, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the bias must be a finite number");
        // Slices larger than the channels: Convolution2d's own message says why.
        List<Matrix> big = List.of(Matrix.filled(6, 6, 1), Matrix.filled(6, 6, 1), Matrix.filled(6, 6, 1));
        assertThatThrownBy(() -> conv.trace(RGB, image, big, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("along the rows, the kernel size 6 is larger than the padded input (5 + 0 + 0 = 5)");
    }
}
