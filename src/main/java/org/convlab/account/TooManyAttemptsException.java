package org.convlab.account;

import org.convlab.i18n.Text;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because of too many wrong passwords just before (LoginThrottle). */
public class TooManyAttemptsException extends AuthenticationException {

    private final long seconds;
    private final transient Text text;

    public TooManyAttemptsException(Duration wait) {
        super("Too many wrong passwords. Try again in " + inWords(wait) + ".");
        this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        this.text = Text.of("account.login.too-many", duration(wait));
    }

    /** The refusal's words, for the sign-in page in the reader's language. */
    public Text text() {
        return text;
    }

    /** Whole seconds, rounded up: for a Retry-After header. */
    public long seconds() {
        return seconds;
    }

    static String inWords(Duration wait) {
        return duration(wait).toString();
    }

    /** "45 seconds", "3 minutes": seconds below 90, else whole minutes rounded up. */
    private static Text duration(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return Text.count("account.duration.seconds", seconds);
        }
        return Text.count("account.duration.minutes", (seconds + 59) / 60);
    }
}
