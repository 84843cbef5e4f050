package org.convlab.cli;

import java.util.Locale;
import org.convlab.i18n.HasText;
import org.convlab.i18n.LocalFormat;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.i18n.Translations;
import org.convlab.training.engine.RefusedArgument;

/**
 * The command line's words in the language of the process ({@code LANG=de_DE.UTF-8} writes German),
 * from the {@code cli} bundle. Numbers for people follow that language ("485.514", "0,9123"); JSON
 * output never comes through here and keeps code syntax.
 */
final class CliText {

    private CliText() {}

    static Locale locale() {
        return Translations.ofProcess();
    }

    static String t(String key, Object... args) {
        return Translations.get(locale(), key, args);
    }

    static String t(Text text) {
        return text.in(locale());
    }

    /** A refusal's words in the process language; any other exception's message as it is. */
    static String message(Throwable failure) {
        return failure instanceof HasText words ? t(words.text())
                : failure instanceof RefusedArgument refused ? t(refused.text())
                : failure.getMessage();
    }

    /** A decimal with exactly {@code digits} places: "0.9123" (en), "0,9123" (de). */
    static String decimal(double x, int digits) {
        return LocalFormat.decimal(locale(), x, digits);
    }

    /** At most {@code digits} places, trailing zeros dropped: "0.25" (en), "0,25" (de). */
    static String decimalUpTo(double x, int digits) {
        return LocalFormat.decimalUpTo(locale(), x, digits);
    }

    static String integer(long n) {
        return LocalFormat.integer(locale(), n);
    }
}
