package org.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Translations;

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
        return writtenSum(format, Locale.ENGLISH);
    }

    /** {@link #writtenSum(ValueFormat)} in {@code locale}: "rot 4 + grün −1 + blau 2 + Bias 1 = 6". */
    public String writtenSum(ValueFormat format, Locale locale) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < channelSums.size(); i++) {
            terms.add(channel(i, locale) + " " + format.format(channelSums.get(i)));
        }
        terms.add(Translations.get(locale, "lesson.trace.channel.bias", format.format(bias)));
        return String.join(" + ", terms) + " = " + format.format(total);
    }

    /** A sentence for screen readers: "Output row 1, column 1: the red slice gives 4, …; with the bias 1 …". */
    public String description(ValueFormat format) {
        return description(format, Locale.ENGLISH);
    }

    /** {@link #description(ValueFormat)} in {@code locale}. */
    public String description(ValueFormat format, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < channelSums.size(); i++) {
            parts.add(Translations.get(locale, "lesson.trace.channel.slice", channel(i, locale),
                    format.format(channelSums.get(i))));
        }
        String gives = parts.size() == 1 ? parts.getFirst()
                : Translations.get(locale, "lesson.trace.channel.and",
                        String.join(", ", parts.subList(0, parts.size() - 1)), parts.getLast());
        return Translations.get(locale, "lesson.trace.channel.description", output.spoken(locale), gives,
                format.format(bias), format.format(total));
    }

    /** A channel's name in {@code locale} ("red" → "rot"); a name without a translation as it is. */
    private String channel(int i, Locale locale) {
        String key = "lesson.channel." + channelNames.get(i);
        return Translations.has(key) ? Translations.get(locale, key) : channelNames.get(i);
    }
}
