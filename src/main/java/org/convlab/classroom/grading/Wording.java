package org.convlab.classroom.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.convlab.i18n.Text;

/**
 * The numbers and counted phrases the rules put into their words. Numbers go into a {@link Text} as
 * numbers (counts as Long, measured values as BigDecimal with the scale to show), so each reader sees
 * them written the way their language writes them ("542,230" in English, "542.230" in German).
 */
final class Wording {

    static final String CONV = "classroom.rule.layers.conv";
    static final String POOLING = "classroom.rule.layers.pooling";
    static final String MAX_POOLING = "classroom.rule.layers.max-pooling";
    static final String AVERAGE_POOLING = "classroom.rule.layers.average-pooling";
    static final String BATCH_NORM = "classroom.rule.layers.batch-norm";
    static final String DROPOUT = "classroom.rule.layers.dropout";
    static final String ANY = "classroom.rule.layers.any";

    private Wording() {}

    /** "1 convolution layer", "3 convolution layers": {@code kind} is one of the constants above. */
    static Text layers(long n, String kind) {
        return Text.count(kind, n);
    }

    /** A percentage: "90%" in English, "90 %" in German; {@code value} is already times 100. */
    static Text percent(BigDecimal value) {
        return Text.of("classroom.rule.percent", value);
    }

    /** A threshold, as short as it is exact: 0.9 → "90%", 0.885 → "88.5%". */
    static Text percent(double fraction) {
        BigDecimal p = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return percent(p.scale() < 0 ? p.setScale(0) : p);
    }

    /**
     * A measured accuracy with two decimals ("91.23%"); with four when two would hide why it
     * missed the threshold (89.996% is not 90%).
     */
    static Text accuracy(double fraction, double threshold) {
        BigDecimal p = BigDecimal.valueOf(fraction * 100);
        if (fraction < threshold && Math.round(fraction * 10_000) >= Math.round(threshold * 10_000)) {
            return percent(p.setScale(4, RoundingMode.HALF_UP));
        }
        return percent(p.setScale(2, RoundingMode.HALF_UP));
    }

    /** 95.25 → 95.3, 120 → 120 (as a number with the decimals worth showing). */
    static BigDecimal seconds(double s) {
        BigDecimal d = BigDecimal.valueOf(s).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
