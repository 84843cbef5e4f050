package org.convlab.i18n;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers and dates as the reader's language writes them: "485,514" and "0.91" in English, "485.514"
 * and "0,91" in German, "485.514" and "0,91" in Spanish. Code (DJL panels, JSON, CSV cells) keeps code
 * syntax and never comes through here.
 */
public final class LocalFormat {

    private LocalFormat() {}

    /** 485514 → "485,514" (en), "485.514" (de, es). */
    public static String integer(Locale locale, long n) {
        return NumberFormat.getIntegerInstance(Translations.supported(locale)).format(n);
    }

    /** Exactly {@code digits} decimals: 0.9123, 2 → "0.91" (en), "0,91" (de, es). */
    public static String decimal(Locale locale, double x, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Translations.supported(locale));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(x);
    }

    /** At most {@code digits} decimals, trailing zeros dropped: 0.5, 3 → "0.5" (en), "0,5" (de). */
    public static String decimalUpTo(Locale locale, double x, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Translations.supported(locale));
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(digits);
        return format.format(x);
    }

    /** A fraction as a percentage: 0.912, 1 → "91.2%" (en), "91,2 %" (de, es). */
    public static String percent(Locale locale, double fraction, int digits) {
        NumberFormat format = NumberFormat.getPercentInstance(Translations.supported(locale));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(fraction);
    }

    /** A date as the language writes it: "30 Nov 2026" (en), "30.11.2026" (de), "30 nov 2026" (es). */
    public static String date(Locale locale, ZonedDateTime when) {
        return dateFormat(Translations.supported(locale)).format(when);
    }

    /** A date and time: "30 Nov 2026, 14:05" (en), "30.11.2026, 14:05" (de), "30 nov 2026, 14:05" (es). */
    public static String dateTime(Locale locale, ZonedDateTime when) {
        Locale language = Translations.supported(locale);
        return dateFormat(language).format(when) + ", " + DateTimeFormatter.ofPattern("HH:mm", language).format(when);
    }

    /** English reads day-month-year as ConvLab always wrote it, not the American month first. */
    private static DateTimeFormatter dateFormat(Locale language) {
        return language.getLanguage().equals("en")
                ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language);
    }
}
