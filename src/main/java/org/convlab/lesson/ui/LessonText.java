package org.convlab.lesson.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.base.ui.I18n;
import org.convlab.i18n.Translations;

/**
 * The words of one lesson, kept out of the code in {@code lessons/<slug>.properties} (UTF-8) so that a
 * teacher or translator changes a sentence without touching Java (docs/decisions/019). Keys name what
 * the text is for ({@code intro.1}, {@code animation.title}, {@code quiz.why-pool.question}); a
 * {@code {0}}, {@code {1}}… in a text is replaced literally by the page's own formatted values, never
 * through {@link java.text.MessageFormat}, so an apostrophe in a sentence needs no escaping.
 */
final class LessonText implements LiveNetwork.Words {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final ResourceBundle bundle;
    private final Locale locale;

    private LessonText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = Translations.supported(locale);
    }

    /**
     * The lesson's words in the page's language ({@code lessons/<slug>_de.properties} for German),
     * the English file where the language has none; a missing English file is a packaging mistake
     * and fails the page at once. The control never falls back to the server's default locale, so
     * an English page reads the English file on any machine.
     */
    static LessonText of(Lesson lesson) {
        return of(lesson, I18n.locale());
    }

    static LessonText of(Lesson lesson, Locale locale) {
        return new LessonText(ResourceBundle.getBundle("lessons." + lesson.slug(), language(locale), NO_FALLBACK), locale);
    }

    /**
     * The lesson's quiz: its numeric questions' wording and its conceptual questions, kept in
     * {@code lessons/quiz/<slug>.properties} apart from the page's prose ({@link ConceptQuestion}).
     */
    static LessonText quizOf(Lesson lesson) {
        return new LessonText(ResourceBundle.getBundle("lessons.quiz." + lesson.slug(), language(I18n.locale()),
                NO_FALLBACK), I18n.locale());
    }

    /** English is the base file itself (there is no {@code _en} file). */
    private static Locale language(Locale locale) {
        Locale supported = Translations.supported(locale);
        return supported.getLanguage().equals("en") ? Locale.ROOT : supported;
    }

    /**
     * A counted noun: {@code key.one} for 1 ("1 channel"), else {@code key.other} ("3 channels"),
     * with {@code {0}} the count; so no text says "1 channels" or "channel(s)".
     */
    String count(String key, long count, String formatted) {
        return get(key + (count == 1 ? ".one" : ".other"), formatted);
    }

    /**
     * The text under {@code key}, with {@code {i}} replaced by {@code values[i]} as the interface's
     * bundles do it ({@link Translations#value}: a whole number grouped for the language), in one pass.
     */
    @Override
    public String get(String key, Object... values) {
        return PLACEHOLDER.matcher(bundle.getString(key)).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return Matcher.quoteReplacement(i < values.length ? Translations.value(locale, values[i]) : m.group());
        });
    }

    @Override
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
