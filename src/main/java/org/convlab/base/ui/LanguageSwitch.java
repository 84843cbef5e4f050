package org.convlab.base.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import java.util.Locale;
import java.util.Optional;
import org.convlab.account.AccountLanguage;
import org.convlab.account.AppUser;
import org.convlab.i18n.Translations;

/**
 * The header's language switch. Each language is named in itself ("Deutsch", "Español"), so a reader
 * who cannot read the current one still finds theirs. A choice is remembered for the account and, in a
 * cookie, for this browser (a guest's only memory); the page then reloads in the new language.
 */
final class LanguageSwitch extends Select<Locale> {

    LanguageSwitch(Optional<AppUser> user, AccountLanguage accounts) {
        addClassName("language-switch");
        addThemeVariants(SelectVariant.LUMO_SMALL);
        setAriaLabel(t("common.language.switch"));
        setItems(Translations.LOCALES);
        setItemLabelGenerator(LanguageSwitch::ownName);
        setValue(I18n.locale());
        addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null || e.getValue().equals(e.getOldValue())) {
                return;
            }
            Locale chosen = e.getValue();
            user.ifPresent(account -> accounts.remember(account, chosen));
            getElement().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax';"
                    + " location.reload()", LanguageChoice.COOKIE, chosen.toLanguageTag());
        });
    }

    /** "English", "Deutsch", "Español": a language's name in that language. */
    static String ownName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
