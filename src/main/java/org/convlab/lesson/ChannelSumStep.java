package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * One output cell of a multi-channel convolution: what each channel's kernel slice summed to at this
 * position, the bias, and their total, the value of the output map.
 *
 * @param output the output cell
 * @param channelNames the channels in order ("red", "green", "blue")
 * @param channelSums each channel's result at this cell, in the same order
 * @param bias the filter's bias
 * @param total the sum of the channel sums plus the bias
 */
public record ChannelSumStep(Cell output, List<String> channelNames, List<Double> channelSums, double bias,
        double total) {

    public ChannelSumStep {
        channelNames = List.copyOf(channelNames);
        channelSums = List.copyOf(channelSums);
    }

    /** "red 4 + green −1 + blue 2 + bias 1 = 6": each number labelled, so a negative one needs no brackets. */
    public String writtenSum(ValueFormat format) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < channelSums.size(); i++) {
            terms.add(channelNames.get(i) + " " + format.format(channelSums.get(i)));
        }
        terms.add("bias " + format.format(bias));
        return String.join(" + ", terms) + " = " + format.format(total);
    }

    /** A sentence for screen readers: "Output row 1, column 1: the red slice gives 4, …; with the bias 1 …". */
    public String description(ValueFormat format) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < channelSums.size(); i++) {
            parts.add("the " + channelNames.get(i) + " slice gives " + format.format(channelSums.get(i)));
        }
        String gives = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return "Output " + output.spoken() + ": " + gives + "; with the bias " + format.format(bias)
                + " they add up to " + format.format(total) + ".";
    }
}
