package org.convlab.account;

import java.util.Locale;

/**
 * Who a ConvLab server is for ({@code convlab.mode}, or {@code CONVLAB_MODE}): one learner at their
 * own computer, or a class sharing one server (docs/decisions/013).
 */
public enum AppMode {
    /** One learner and no sign-in: the person at the keyboard. The server listens on this computer only. */
    PERSONAL,
    /** Accounts, roles, classes, assignments and the gradebook. */
    CLASSROOM;

    public static final String PROPERTY = "convlab.mode";

    /** {@code personal} or {@code classroom}, in any case; nothing set means personal. */
    public static AppMode parse(String value) {
        if (value == null || value.isBlank()) {
            return PERSONAL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StartRefused("convlab.mode is \"" + value.strip() + "\", which ConvLab does not know.",
                    "Set convlab.mode (or CONVLAB_MODE) to personal (one learner on this computer) or classroom "
                            + "(accounts for a class).");
        }
    }

    public boolean isPersonal() {
        return this == PERSONAL;
    }
}
