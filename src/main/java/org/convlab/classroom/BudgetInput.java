package org.convlab.classroom;

import org.convlab.i18n.Text;
import java.util.Locale;
import java.util.regex.Pattern;
import org.convlab.account.AccountException;

/**
 * Reads what a teacher or the admin typed into a budget field. Empty means "not set" (null), so
 * the next level's value applies; a number may be grouped ("250,000", "250 000"); anything else is
 * refused with one line naming the field and changes nothing.
 */
public final class BudgetInput {

    /** No run on a server can use more than this (the full set for 100 epochs is 6,000,000): larger is a typo. */
    public static final long MAX_IMAGE_EPOCHS = 10_000_000;
    /** A class of 30 has no use for more waiting runs each; larger is a typo. */
    public static final int MAX_WAITING_RUNS = 100;
    /**
     * The least images × epochs a limit may allow: the Train page's smallest subset (1,000 images)
     * for one epoch. Below it no run on the Train page fits, and the class could not train at all.
     */
    public static final long MIN_IMAGE_EPOCHS = 1_000;

    public static final String IMAGE_EPOCHS = "Most images × epochs per run";
    public static final String WAITING_RUNS = "Most waiting runs per learner";

    /** Digits, optionally grouped by commas, spaces, apostrophes or underscores between them. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[, '_\u00a0\u202f]\\d{3})+|\\d+");
    private static final int QUOTED = 24;

    private BudgetInput() {}

    public static Long imageEpochs(String text) {
        Long value = parse(IMAGE_EPOCHS, text, MAX_IMAGE_EPOCHS);
        if (value != null && value > 0 && value < MIN_IMAGE_EPOCHS) {
            throw new AccountException(Text.of("classroom.budget.invalid.too-small", label(IMAGE_EPOCHS),
                    MIN_IMAGE_EPOCHS));
        }
        return value;
    }

    public static Integer waitingRuns(String text) {
        Long value = parse(WAITING_RUNS, text, MAX_WAITING_RUNS);
        return value == null ? null : value.intValue();
    }

    private static Long parse(String field, String text, long max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        boolean negative = typed.startsWith("-") || typed.startsWith("\u2212");
        String digits = negative ? typed.substring(1).strip() : typed;
        if (!GROUPED.matcher(digits).matches()) {
            throw new AccountException(typed.length() <= QUOTED
                    ? Text.of("classroom.budget.invalid.whole.quoted", label(field), example(max), typed)
                    : Text.of("classroom.budget.invalid.whole", label(field), example(max)));
        }
        if (negative) {
            throw new AccountException(Text.of("classroom.budget.invalid.negative", label(field)));
        }
        String plain = digits.replaceAll("\\D", "");
        long value;
        try {
            value = plain.length() > 18 ? Long.MAX_VALUE : Long.parseLong(plain);
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value > max) {
            throw new AccountException(Text.of("classroom.budget.invalid.too-large", label(field), max));
        }
        return value;
    }

    /** A field's name in the reader's language (its English is the constant above). */
    private static Text label(String field) {
        return Text.of(field.equals(IMAGE_EPOCHS) ? "classroom.budget.image-epochs" : "classroom.budget.waiting-runs");
    }

    /** A number to type, grouped as the reader's language groups it and this class reads it ("250 000" in German). */
    private static Object example(long max) {
        return max == MAX_IMAGE_EPOCHS ? Text.of("classroom.budget.example.image-epochs") : "3";
    }

    /** A limit as a page shows it: "250,000", or "no limit" for 0. */
    public static String describe(long limit) {
        return limit == 0 ? "no limit" : String.format(Locale.ROOT, "%,d", limit);
    }
}
