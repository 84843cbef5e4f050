package org.convlab.base.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.convlab.i18n.LocalFormat;
import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;

/**
 * How long ago something happened, the way a person says it: "just now", "2 min ago", "3 hours ago",
 * "yesterday", "4 days ago", and a date beyond a week. No library the project has does this (Java's
 * own formatters write dates, not distances), and a few lines suffice.
 */
public final class RelativeTime {

    private RelativeTime() {}

    /** {@code then} as seen at {@code now}, in English; a time in the future (another machine's clock) is "just now". */
    public static String ago(Instant then, Instant now, ZoneId zone) {
        return ago(then, now, zone, Locale.ENGLISH);
    }

    /** {@code then} as seen at {@code now}, in {@code language}; beyond a week, the date as the language writes it. */
    public static String ago(Instant then, Instant now, ZoneId zone, Locale language) {
        Duration since = Duration.between(then, now);
        if (since.toMinutes() < 1) {
            return Translations.get(language, "common.ago.now");
        }
        if (since.toHours() < 1) {
            return Translations.get(language, "common.ago.minutes", since.toMinutes());
        }
        if (since.toDays() < 1) {
            return Text.count("common.ago.hours", since.toHours()).in(language);
        }
        if (since.toDays() < 2) {
            return Translations.get(language, "common.ago.yesterday");
        }
        if (since.toDays() < 7) {
            return Translations.get(language, "common.ago.days", since.toDays());
        }
        return Translations.get(language, "common.ago.on", LocalFormat.date(language, then.atZone(zone)));
    }

    /** As {@link #ago(Instant, Instant, ZoneId, Locale)}, now, in this server's time zone and the page's language. */
    public static String ago(Instant then) {
        return ago(then, Instant.now(), ZoneId.systemDefault(), I18n.locale());
    }
}
