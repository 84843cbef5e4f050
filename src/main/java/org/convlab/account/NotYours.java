package org.convlab.account;

import java.util.Map;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refusals for things that are missing or someone else's. Both read exactly alike and are the same
 * exception, so a refusal names nothing of anyone else's (no class name, no owner) and an id cannot
 * be used to find out whether a thing exists.
 */
public final class NotYours {

    public static final String CLASS = "No such class, or it is not yours.";
    public static final String ASSIGNMENT = "No such assignment, or it is not yours.";
    public static final String SUBMISSION = "No such submission, or it is not yours.";
    public static final String RUN = "No such run, or it is not yours.";

    /** Each refusal's words, for pages that show it in the reader's language (the exception is Spring's). */
    private static final Map<String, Text> TEXTS = Map.of(
            CLASS, Text.of("account.not-yours.class"),
            ASSIGNMENT, Text.of("account.not-yours.assignment"),
            SUBMISSION, Text.of("account.not-yours.submission"),
            RUN, Text.of("account.not-yours.run"));

    private NotYours() {}

    /** The words of one of these refusals, given its English message; empty for any other message. */
    public static Optional<Text> text(String message) {
        return Optional.ofNullable(message == null ? null : TEXTS.get(message));
    }

    public static AccessDeniedException clazz() {
        return new AccessDeniedException(CLASS);
    }

    public static AccessDeniedException assignment() {
        return new AccessDeniedException(ASSIGNMENT);
    }

    public static AccessDeniedException submission() {
        return new AccessDeniedException(SUBMISSION);
    }
}
