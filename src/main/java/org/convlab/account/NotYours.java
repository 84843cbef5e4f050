package org.convlab.account;

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

    private NotYours() {}

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
