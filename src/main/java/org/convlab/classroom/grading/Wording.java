package org.convlab.classroom.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers and plurals as the rules write them; fixed formats, so the same run reads the same everywhere. */
final class Wording {

    private Wording() {}

    /** "1 convolution layer", "3 convolution layers". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    static String layers(long n, String kind) {
        return count(n, kind + " layer", kind + " layers");
    }

    /** 542230 → "542,230". */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A threshold, as short as it is exact: 0.9 → "90%", 0.885 → "88.5%". */
    static String percent(double fraction) {
        BigDecimal p = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.toPlainString() + "%";
    }

    /**
     * A measured accuracy with two decimals ("91.23%"); with four when two would hide why it
     * missed the threshold (89.996% is not 90%).
     */
    static String accuracy(double fraction, double threshold) {
        String two = String.format(Locale.ROOT, "%.2f%%", fraction * 100);
        if (fraction < threshold && Math.round(fraction * 10_000) >= Math.round(threshold * 10_000)) {
            return String.format(Locale.ROOT, "%.4f%%", fraction * 100);
        }
        return two;
    }

    /** 95.25 → "95.3", 120 → "120". */
    static String seconds(double s) {
        return BigDecimal.valueOf(s).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
