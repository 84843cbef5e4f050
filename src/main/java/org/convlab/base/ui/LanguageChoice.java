package org.convlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * Which language a new page speaks: the account's choice, else this browser's choice (a cookie, so a
 * guest keeps it and it is there before the page is built), else the best of the browser's preferred
 * languages, which Vaadin has already picked. The page's {@code <html lang>} follows, so screen readers
 * read German as German (WCAG 3.1.1).
 */
@Component
public class LanguageChoice implements VaadinServiceInitListener {

    /** The cookie the header's switch writes; its value is a language tag ("de"). */
    static final String COOKIE = "convlab.lang";

    private final CurrentUser currentUser;

    public LanguageChoice(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> choose(init.getUI()));
    }

    private void choose(UI ui) {
        Optional<Locale> chosen = currentUser.get().flatMap(AppUser::getLanguage).or(LanguageChoice::fromCookie);
        chosen.filter(Translations::isSupported).map(Translations::supported).ifPresent(ui::setLocale);
        Locale language = Translations.supported(ui.getLocale());
        ui.setLocale(language);
        ui.getElement().executeJs("document.documentElement.lang = $0", language.toLanguageTag());
    }

    private static Optional<Locale> fromCookie() {
        return fromCookie(VaadinRequest.getCurrent());
    }

    /** The language this browser chose with the switch, if it did. */
    static Optional<Locale> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v != null && v.matches("[a-zA-Z]{2,3}"))
                .map(Locale::forLanguageTag)
                .findFirst();
    }
}
