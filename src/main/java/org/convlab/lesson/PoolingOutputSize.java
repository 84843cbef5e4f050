package org.convlab.lesson;

import org.convlab.i18n.Text;

/** The size of a pooling output along one axis, with the formula a page can show. */
public record PoolingOutputSize(int input, int window, int stride, EdgeRule rule, int output) {

    public static PoolingOutputSize of(String axis, int input, int window, int stride, EdgeRule rule) {
        requireValid(window, stride);
        if (input < 1) {
            throw new IllegalArgumentException("input size must be at least 1, got " + input);
        }
        if (rule == EdgeRule.FLOOR && window > input) {
            throw new SizeException(Text.of("lesson.size.window", Text.of("lesson.axis." + axis), window, input));
        }
        return new PoolingOutputSize(input, window, stride, rule, count(input, window, stride, rule));
    }

    /** Shared with {@link Pooling}, which checks when it is made rather than at the first input. */
    static void requireValid(int window, int stride) {
        if (window < 1) {
            throw new IllegalArgumentException("pooling window must be at least 1, got " + window);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
    }

    private static int count(int input, int window, int stride, EdgeRule rule) {
        return switch (rule) {
            case FLOOR -> Math.floorDiv(input - window, stride) + 1;
            // Enough windows to reach the last cell, but none that would start past the edge.
            case COVER -> Math.min(uncappedCover(input, window, stride), Math.ceilDiv(input, stride));
        };
    }

    private static int uncappedCover(int input, int window, int stride) {
        return Math.ceilDiv(input - window, stride) + 1;
    }

    /** e.g. "o = floor((11 − 2) / 2) + 1 = 5" or "o = ceil((7 − 2) / 2) + 1 = 4". */
    public String evaluation() {
        return evaluation(java.util.Locale.ENGLISH);
    }

    /** {@link #evaluation()} in {@code locale}: the words of the capped COVER case are its own. */
    public String evaluation(java.util.Locale locale) {
        String rounding = rule == EdgeRule.FLOOR ? "floor" : "ceil";
        String text = "o = " + rounding + "((" + input + " − " + window + ") / " + stride + ") + 1";
        if (rule == EdgeRule.COVER && uncappedCover(input, window, stride) != output) {
            return org.convlab.i18n.Translations.get(locale, "lesson.formula.cover-capped", text,
                    String.valueOf(uncappedCover(input, window, stride)), String.valueOf(output));
        }
        return text + " = " + output;
    }
}
