package org.convlab.lesson;

import java.util.Locale;
import org.convlab.i18n.Text;

/**
 * A size the lesson's arithmetic cannot work with (a kernel or window larger than its input), said in
 * the learner's words: {@link #text()} in any language, {@link #getMessage()} in English. It stays an
 * {@link IllegalArgumentException}, so code that checks settings catches it as before.
 */
public final class SizeException extends IllegalArgumentException {

    private final transient Text text;

    public SizeException(Text text) {
        super(text.in(Locale.ENGLISH));
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
