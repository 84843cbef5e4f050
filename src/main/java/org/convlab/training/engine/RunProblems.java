package org.convlab.training.engine;

import java.util.regex.Pattern;
import org.convlab.i18n.HasText;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever stopped a run into one line a learner can read: never "null", never a native
 * stack trace, never a path on the server (the full exception goes to the log).
 */
public final class RunProblems {

    private static final int MAX_LENGTH = 300;
    /** An absolute path of two or more parts: only its last part is kept. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.~])(?:/[^\\s/:'\",;()]+)+/([^\\s/:'\",;()]+)");

    private RunProblems() {}

    /** {@link #text}, in English: what a stored run's problem says (the log and the database keep English). */
    public static String describe(Throwable error) {
        return text(error).toString();
    }

    /** What stopped a run, in words each reader reads in their own language where the cause carries them. */
    public static Text text(Throwable error) {
        Throwable cause = error;
        while ((cause.getMessage() == null || cause instanceof CompletionException
                || cause instanceof ExecutionException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof OutOfMemoryError) {
            return Text.of("training.problem.out-of-memory");
        }
        if (cause instanceof HasText words) {
            return words.text();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return Text.of("training.problem.engine-stopped", cause.getClass().getSimpleName());
        }
        return Text.of("training.refused.as-is", readable(message));
    }

    /** The first line of a message, without server paths, at most 300 characters. */
    public static String readable(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        line = ABSOLUTE_PATH.matcher(line).replaceAll("$1");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
    }
}
