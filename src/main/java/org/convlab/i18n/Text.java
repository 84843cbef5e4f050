package org.convlab.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Words decided now and written later in the reader's language: a bundle key and the values for its
 * {@code {0}}, {@code {1}}… Services, the engine and grading return a Text instead of an English
 * sentence, so a teacher and a learner each read the same result in their own language.
 *
 * <p>A value may itself be a Text (a translated phrase inside a sentence). Whole numbers are grouped
 * and decimals written as the language writes them ({@link Translations#value}); a {@link java.math.BigDecimal}
 * keeps its scale, so {@code new BigDecimal("91.20")} reads "91,20" in German.
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        // A missing value reads as nothing ("" in the sentence), never as a crash.
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * A counted phrase: {@code key.one} when {@code count} is 1, else {@code key.other}, with the count
     * as {@code {0}} and {@code more} after it. English, German and Spanish all count this way.
     */
    public static Text count(String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return new Text(key + (count == 1 ? ".one" : ".other"), Arrays.asList(args));
    }

    /** These words in {@code locale}. */
    public String in(Locale locale) {
        return Translations.get(locale, key, args.toArray());
    }

    /** In English, for logs and for {@link Exception#getMessage()}. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
