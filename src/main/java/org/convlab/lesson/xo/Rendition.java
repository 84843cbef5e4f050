package org.convlab.lesson.xo;

import java.util.Locale;
import org.convlab.i18n.Translations;
import org.convlab.lesson.Matrix;

/** One way of drawing a letter, with a short caption for the lesson page. */
public record Rendition(String id, String title, String caption, Matrix image) {

    /** The title in {@code locale} ("X schräg"); {@link #title()} is the English one. */
    public String title(Locale locale) {
        return Translations.get(locale, "lesson.rendition." + id + ".title");
    }

    /** The caption in {@code locale}. */
    public String caption(Locale locale) {
        return Translations.get(locale, "lesson.rendition." + id + ".caption");
    }
}
