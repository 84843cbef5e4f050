package org.convlab.classroom;

import org.convlab.i18n.Text;
import org.springframework.security.access.AccessDeniedException;

/**
 * Signed in, but not the one who may do this (a teacher handing in, a learner marking): still an
 * {@link AccessDeniedException} for Spring, with its reason as a {@link Text} for the page to show in
 * the reader's language. {@link #getMessage()} stays English.
 */
public final class NotAllowed extends AccessDeniedException {

    private final transient Text text;

    public NotAllowed(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
