package org.convlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.convlab.i18n.HasText;
import org.convlab.i18n.LocalFormat;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.i18n.Translations;

/**
 * The words and numbers of a page in the reader's language (the UI's locale), through Vaadin's
 * {@link I18NProvider}. Static, so a view's small helpers use it as the view does:
 * {@code import static org.convlab.base.ui.I18n.t;} then {@code new Button(t("training.start"))}.
 * Outside a page (a unit test building a component on its own) it reads English.
 */
public final class I18n {

    private I18n() {}

    /** The page's language; English outside a page. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return Translations.supported(ui == null ? null : ui.getLocale());
    }

    /** The text under {@code key}, with {@code {i}} replaced by {@code args[i]} written for the page's language. */
    public static String t(String key, Object... args) {
        Locale locale = locale();
        return provider().map(p -> p.getTranslation(key, locale, args))
                .orElseGet(() -> Translations.get(locale, key, args));
    }

    /** Words a service decided, in the page's language. */
    public static String t(Text text) {
        return t(text.key(), text.args().toArray());
    }

    /**
     * What a refusal says to the reader: a {@link TextException}'s words in the page's language, any
     * other exception's message as it is.
     */
    public static String message(Throwable refusal) {
        return refusal instanceof HasText words ? t(words.text()) : refusal.getMessage();
    }

    /** {@code key.one} or {@code key.other} with the count as {@code {0}}: "1 layer", "3 layers". */
    public static String count(String key, long count, Object... more) {
        return t(Text.count(key, count, more));
    }

    public static String integer(long n) {
        return LocalFormat.integer(locale(), n);
    }

    public static String decimal(double x, int digits) {
        return LocalFormat.decimal(locale(), x, digits);
    }

    public static String decimalUpTo(double x, int digits) {
        return LocalFormat.decimalUpTo(locale(), x, digits);
    }

    public static String percent(double fraction, int digits) {
        return LocalFormat.percent(locale(), fraction, digits);
    }

    /** A date in this server's time zone, as the page's language writes it. */
    public static String date(Instant when) {
        return LocalFormat.date(locale(), when.atZone(ZoneId.systemDefault()));
    }

    /** A date and time in this server's time zone, as the page's language writes it. */
    public static String dateTime(Instant when) {
        return LocalFormat.dateTime(locale(), when.atZone(ZoneId.systemDefault()));
    }

    private static Optional<I18NProvider> provider() {
        VaadinService service = VaadinService.getCurrent();
        return service == null ? Optional.empty() : Optional.ofNullable(service.getInstantiator().getI18NProvider());
    }
}
