package org.convlab.cli;

import java.io.PrintWriter;
import org.convlab.dataset.DatasetException;
import org.convlab.model.InvalidModelException;
import org.convlab.training.engine.RunRefused;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure inside a command into one clear line on stderr and exit code 1. Learners run
 * these commands; a stack trace tells them nothing, and neither does the bare name of an exception
 * that carries no message ("NullPointerException"). Set CONVLAB_DEBUG=1 to see the trace.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    /** Keys of the lines for failures that carry no words of their own. */
    static final String NO_MESSAGE = "cli.error.no-message";
    static final String OUT_OF_MEMORY = "cli.error.out-of-memory";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(ex, cmd.getErr());
    }

    /** Prints the one line for {@code failure} (and its trace with CONVLAB_DEBUG) and returns 1. */
    static int report(Throwable failure, PrintWriter err) {
        err.println(CliText.t("cli.error.line", line(failure)));
        if (System.getenv("CONVLAB_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The one line: the message written for people, never an exception's bare class name. */
    static String line(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return CliText.t(OUT_OF_MEMORY);
        }
        // The command line may name the path the user gave; the web pages may not, so it is not in the message.
        String message = failure instanceof DatasetException data ? detail(data)
                : failure instanceof RunRefused refused ? CliText.t(refused.text())
                : failure instanceof InvalidModelException invalid ? CliText.t(invalid.oneLineText())
                : CliText.message(failure);
        if (failure instanceof Error || message == null || message.isBlank() || message.strip().equals("null")) {
            return CliText.t(NO_MESSAGE);
        }
        String first = message.strip().lines().findFirst().orElse(message);
        return first.length() > 800 ? first.substring(0, 800) + "…" : first;
    }

    /** A data set's problem in the process language and, when known, the path the user gave (as {@link DatasetException#detail()}). */
    static String detail(DatasetException data) {
        String words = CliText.t(data.text());
        return data.file().map(file -> words + " (" + file + ")").orElse(words);
    }
}
