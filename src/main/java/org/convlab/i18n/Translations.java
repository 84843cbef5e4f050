package org.convlab.i18n;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word ConvLab shows, looked up by key in the reader's language. A key's first part names its
 * bundle: {@code training.start} lives in {@code i18n/training.properties} (English) with
 * {@code training_de.properties} and {@code training_es.properties} beside it, so each feature keeps its
 * own words. Files are UTF-8, and {@code {0}}, {@code {1}}… are replaced literally (not through
 * {@link java.text.MessageFormat}), so an apostrophe in a sentence needs no escaping.
 *
 * <p>A language ConvLab does not have reads English; a key missing from every bundle reads
 * {@code !{key}!}, which the bundle tests and the browser tests look for.
 */
public final class Translations {

    /** The languages ConvLab is written in; the first is the fallback. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.of("es"));

    /** Base file first, then the language's own; never the JVM's default language in between. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static final System.Logger LOG = System.getLogger(Translations.class.getName());

    private Translations() {}

    /** The text under {@code key} in {@code locale}, with {@code {i}} replaced by {@code args[i]} as the language writes it. */
    public static String get(Locale locale, String key, Object... args) {
        Locale language = supported(locale);
        String text = lookup(language, key);
        if (text == null) {
            LOG.log(System.Logger.Level.WARNING, "No text for key {0}", key);
            return "!{" + key + "}!";
        }
        // One pass, so a value that itself holds "{1}" (a learner's name) is never filled in again.
        return PLACEHOLDER.matcher(text).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return Matcher.quoteReplacement(i < args.length ? value(language, args[i]) : m.group());
        });
    }

    /** Whether {@code key} has a text (in English, which every language mirrors). */
    public static boolean has(String key) {
        return lookup(Locale.ENGLISH, key) != null;
    }

    /** {@code value} as {@code locale} writes it: a {@link Text} translated, a number localised. */
    public static String value(Locale locale, Object value) {
        return switch (value) {
            case null -> "";
            case Text text -> get(locale, text.key(), text.args().toArray());
            case Integer n -> LocalFormat.integer(locale, n);
            case Long n -> LocalFormat.integer(locale, n);
            case Short n -> LocalFormat.integer(locale, n);
            case BigInteger n -> LocalFormat.integer(locale, n.longValueExact());
            case BigDecimal n -> LocalFormat.decimal(locale, n.doubleValue(), Math.max(0, n.scale()));
            case Double n -> LocalFormat.decimalUpTo(locale, n, 4);
            case Float n -> LocalFormat.decimalUpTo(locale, n, 4);
            default -> String.valueOf(value);
        };
    }

    /** The language ConvLab writes for {@code wanted}: its own if ConvLab has it, else English. */
    public static Locale supported(Locale wanted) {
        if (wanted != null) {
            for (Locale locale : LOCALES) {
                if (locale.getLanguage().equals(wanted.getLanguage())) {
                    return locale;
                }
            }
        }
        return LOCALES.getFirst();
    }

    /** Whether ConvLab is written in {@code wanted}'s language. */
    public static boolean isSupported(Locale wanted) {
        return wanted != null && LOCALES.stream().anyMatch(l -> l.getLanguage().equals(wanted.getLanguage()));
    }

    /**
     * The language of this process, for the command line: {@code LANG=de_DE.UTF-8} writes German;
     * an unset or unknown language writes English.
     */
    public static Locale ofProcess() {
        return supported(Locale.getDefault());
    }

    private static String lookup(Locale locale, String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n." + key.substring(0, dot), locale, NO_FALLBACK);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
