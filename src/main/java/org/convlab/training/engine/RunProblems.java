package org.convlab.training.engine;

import java.util.regex.Pattern;
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

    public static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause.getMessage() == null || cause instanceof CompletionException
                || cause instanceof ExecutionException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof OutOfMemoryError) {
            return "the run needed more memory than the server has; try a smaller batch size or a smaller model";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "the training engine stopped unexpectedly (" + cause.getClass().getSimpleName()
                    + "); the details are in the server's log";
        }
        return readable(message);
    }

    /** The first line of a message, without server paths, at most 300 characters. */
    public static String readable(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        line = ABSOLUTE_PATH.matcher(line).replaceAll("$1");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
    }
}
