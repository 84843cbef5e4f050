package org.convlab.classroom.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the classroom pages write them. Times are shown and entered in the server's time zone:
 * a class shares one server, usually in its own town.
 */
final class ClassroomText {

    static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZONE);

    private ClassroomText() {}

    /** "Tue 3 Mar 2026, 14:00". */
    static String when(Instant t) {
        return WHEN.format(t);
    }

    /** "Due Tue 3 Mar 2026, 14:00", "No due date". */
    static String due(Instant dueAt) {
        return dueAt == null ? "No due date" : "Due " + when(dueAt);
    }

    static String rules(int n) {
        return n + (n == 1 ? " rule" : " rules");
    }
}
