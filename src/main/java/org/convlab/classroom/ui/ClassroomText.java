package org.convlab.classroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.convlab.account.NotYours;
import org.convlab.classroom.NotAllowed;
import org.convlab.base.ui.I18n;

/**
 * Dates as the classroom pages write them. Times are shown and entered in the server's time zone:
 * a class shares one server, usually in its own town.
 */
final class ClassroomText {

    static final ZoneId ZONE = ZoneId.systemDefault();

    private ClassroomText() {}

    /**
     * A sentence with a link inside: {@code key}'s text has {@code {0}} where the link goes, so each
     * language puts the link where its sentence needs it.
     */
    static Paragraph withLink(String key, String href, String linkKey) {
        String marker = "\u0000";
        String[] parts = I18n.t(key, marker).split(marker, 2);
        Paragraph p = new Paragraph(new Span(parts[0]), new Anchor(href, I18n.t(linkKey)));
        if (parts.length > 1 && !parts[1].isEmpty()) {
            p.add(new Span(parts[1]));
        }
        return p;
    }

    /**
     * A refusal in the page's language: one of {@link NotYours}'s, a {@link NotAllowed}'s or a
     * {@code TextException}'s, else its message.
     */
    static String refusal(Throwable e) {
        if (e instanceof NotAllowed notAllowed) {
            return I18n.t(notAllowed.text());
        }
        return NotYours.text(e.getMessage()).map(I18n::t).orElseGet(() -> I18n.message(e));
    }

    /** "Tue 3 Mar 2026, 14:00", "Di., 3. März 2026, 14:00": each language's pattern is in its bundle. */
    static String when(Instant t) {
        return DateTimeFormatter.ofPattern(I18n.t("classroom.date.pattern"), I18n.locale()).withZone(ZONE).format(t);
    }

    /** "Due Tue 3 Mar 2026, 14:00", "No due date". */
    static String due(Instant dueAt) {
        return dueAt == null ? I18n.t("classroom.due.none") : I18n.t("classroom.due", when(dueAt));
    }

    static String rules(int n) {
        return I18n.count("classroom.rules", n);
    }
}
