package org.convlab.account.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.convlab.i18n.HasText;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.i18n.Translations;

/**
 * The account pages' words in the page's language. The same as {@code base.ui.I18n}, which the
 * account feature may not use (base depends on account, not the other way round).
 */
final class Words {

    private Words() {}

    static Locale locale() {
        UI ui = UI.getCurrent();
        return Translations.supported(ui == null ? null : ui.getLocale());
    }

    static String t(String key, Object... args) {
        return Translations.get(locale(), key, args);
    }

    static String t(Text text) {
        return text.in(locale());
    }

    /** A refusal's words in the page's language; any other exception's message as it is. */
    static String message(Throwable refusal) {
        return refusal instanceof HasText words ? t(words.text()) : refusal.getMessage();
    }
}
