package org.convlab.base.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How long ago something happened, the way a person says it: "just now", "2 min ago", "3 hours ago",
 * "yesterday", "4 days ago", and a date beyond a week. No library the project has does this (Java's
 * own formatters write dates, not distances), and a few lines suffice.
 */
public final class RelativeTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RelativeTime() {}

    /** {@code then} as seen at {@code now}; a time in the future (another machine's clock) is "just now". */
    public static String ago(Instant then, Instant now, ZoneId zone) {
        Duration since = Duration.between(then, now);
        if (since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min ago";
        }
        if (since.toDays() < 1) {
            return plural(since.toHours(), "hour") + " ago";
        }
        if (since.toDays() < 2) {
            return "yesterday";
        }
        if (since.toDays() < 7) {
            return since.toDays() + " days ago";
        }
        return "on " + DATE.format(then.atZone(zone));
    }

    /** As {@link #ago(Instant, Instant, ZoneId)}, now, in this server's time zone. */
    public static String ago(Instant then) {
        return ago(then, Instant.now(), ZoneId.systemDefault());
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
