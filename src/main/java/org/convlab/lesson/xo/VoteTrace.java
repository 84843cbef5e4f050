package org.convlab.lesson.xo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convlab.i18n.Translations;
import org.convlab.lesson.ValueFormat;

/**
 * How one letter scored a vector: the positions that letter lights up, the vector's values there,
 * their sum and their mean, the score.
 *
 * @param positions zero-based positions in the vector
 */
public record VoteTrace(String letter, List<Integer> positions, List<Double> values, double sum, double score) {

    public VoteTrace {
        positions = List.copyOf(positions);
        values = List.copyOf(values);
    }

    /** e.g. "(0.9 + 0.87 + 0.96 + 0.89 + 0.94) / 5 = 0.912". */
    public String writtenSum(ValueFormat format) {
        String terms = values.stream().map(format::format).collect(Collectors.joining(" + "));
        return "(" + terms + ") / " + values.size() + " = " + format.format(score);
    }

    /** e.g. "X lights up values 1, 4, 5, 10 and 11; they add up to 4.56, and 4.56 / 5 = 0.912." */
    public String description(ValueFormat format) {
        return description(format, Locale.ENGLISH);
    }

    /** {@link #description(ValueFormat)} in {@code locale}; {@code format} writes the numbers. */
    public String description(ValueFormat format, Locale locale) {
        List<String> numbers = positions.stream().map(p -> Integer.toString(p + 1)).toList();
        String listed = numbers.size() == 1
                ? numbers.get(0)
                : Translations.get(locale, "lesson.trace.vote.and", String.join(", ", numbers.subList(0, numbers.size() - 1)),
                        numbers.getLast());
        return Translations.get(locale, "lesson.trace.vote.description", letter, listed, format.format(sum),
                values.size(), format.format(score));
    }
}
