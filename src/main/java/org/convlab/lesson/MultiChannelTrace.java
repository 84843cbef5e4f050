package org.convlab.lesson;

import java.util.List;

/**
 * A whole multi-channel convolution: one {@link ConvolutionTrace} per channel (its slice of the
 * kernel sliding over it), then per output cell the channels' sums added with the bias ({@link
 * ChannelSumStep}, in reading order), and the one output map those totals make.
 */
public record MultiChannelTrace(
        List<String> channelNames,
        List<ConvolutionTrace> channels,
        double bias,
        List<ChannelSumStep> steps,
        Matrix output) {

    public MultiChannelTrace {
        channelNames = List.copyOf(channelNames);
        channels = List.copyOf(channels);
        steps = List.copyOf(steps);
    }

    public ChannelSumStep step(int row, int col) {
        return steps.get(row * output.cols() + col);
    }
}
