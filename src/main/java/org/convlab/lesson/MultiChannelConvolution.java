package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One filter of a convolutional layer over a multi-channel image, e.g. red, green and blue: the
 * kernel has one slice per input channel, each slice slides over its own channel with {@link
 * Convolution2d}, and at every position the channels' sums are added together with the filter's one
 * bias. However many channels go in, a filter gives ONE output map.
 */
public final class MultiChannelConvolution {

    private final Convolution2d convolution;

    public MultiChannelConvolution(Convolution2d convolution) {
        this.convolution = Objects.requireNonNull(convolution, "convolution");
    }

    /** Stride 1, no padding, no dilation, no division: a Conv2D layer's defaults. */
    public static MultiChannelConvolution defaults() {
        return new MultiChannelConvolution(Convolution2d.defaults());
    }

    /**
     * @param channelNames what each channel is called in sums and sentences ("red", "green", "blue")
     * @param image one matrix per channel, all the same size
     * @param kernel one slice per channel, in the same order, all the same size
     * @param bias the filter's bias, added once per output cell
     * @throws IllegalArgumentException when the channels, slices and names do not fit together
     */
    public MultiChannelTrace trace(List<String> channelNames, List<Matrix> image, List<Matrix> kernel, double bias) {
        List<String> names = List.copyOf(Objects.requireNonNull(channelNames, "channelNames"));
        List<Matrix> channels = List.copyOf(Objects.requireNonNull(image, "image"));
        List<Matrix> slices = List.copyOf(Objects.requireNonNull(kernel, "kernel"));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one channel");
        }
        if (slices.size() != channels.size()) {
            throw new IllegalArgumentException("the kernel has " + count(slices.size(), "slice") + " but the image has "
                    + count(channels.size(), "channel") + "; a kernel needs exactly one slice per input channel");
        }
        if (names.size() != channels.size()) {
            throw new IllegalArgumentException(count(names.size(), "channel name") + " given for "
                    + count(channels.size(), "channel"));
        }
        requireSameSize(channels, names, "channel", "all channels of an image have the same size");
        requireSameSize(slices, names, "kernel slice", "all slices of a kernel have the same size");
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("the bias must be a finite number, got " + bias);
        }

        List<ConvolutionTrace> traces = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            traces.add(convolution.trace(channels.get(i), slices.get(i)));
        }
        Matrix first = traces.getFirst().output();
        List<ChannelSumStep> steps = new ArrayList<>(first.size());
        for (int r = 0; r < first.rows(); r++) {
            for (int c = 0; c < first.cols(); c++) {
                List<Double> sums = new ArrayList<>(traces.size());
                double total = bias;
                for (ConvolutionTrace trace : traces) {
                    double sum = trace.step(r, c).result();
                    sums.add(sum);
                    total += sum;
                }
                steps.add(new ChannelSumStep(new Cell(r, c), names, sums, bias, total));
            }
        }
        Matrix output = Matrix.generate(first.rows(), first.cols(), (r, c) -> steps.get(r * first.cols() + c).total());
        return new MultiChannelTrace(names, traces, bias, steps, output);
    }

    private static void requireSameSize(List<Matrix> matrices, List<String> names, String what, String why) {
        Matrix first = Objects.requireNonNull(matrices.getFirst(), what + " 1");
        for (int i = 1; i < matrices.size(); i++) {
            Matrix m = Objects.requireNonNull(matrices.get(i), what + " " + (i + 1));
            if (m.rows() != first.rows() || m.cols() != first.cols()) {
                throw new IllegalArgumentException(what + " " + (i + 1) + " (" + names.get(i) + ") is " + m.rows() + "×"
                        + m.cols() + ", but " + what + " 1 (" + names.getFirst() + ") is " + first.rows() + "×"
                        + first.cols() + "; " + why);
            }
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
