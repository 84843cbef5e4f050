package org.convlab.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because of too many wrong passwords just before (LoginThrottle). */
public class TooManyAttemptsException extends AuthenticationException {

    private final long seconds;

    public TooManyAttemptsException(Duration wait) {
        super("Too many wrong passwords. Try again in " + inWords(wait) + ".");
        this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whole seconds, rounded up: for a Retry-After header. */
    public long seconds() {
        return seconds;
    }

    static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
