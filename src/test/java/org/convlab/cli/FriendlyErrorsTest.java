package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FriendlyErrorsTest {

    /** A command that fails the way the named failure says. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final String how;

        Failing(String how) {
            this.how = how;
        }

        @Override
        public Integer call() throws Exception {
            Throwable failure = switch (how) {
                case "npe" -> new NullPointerException();
                case "null-message" -> new IllegalStateException((String) null);
                case "message-null" -> new IllegalStateException("null");
                case "oom" -> new OutOfMemoryError("Java heap space");
                case "stack" -> new StackOverflowError();
                case "link" -> new UnsatisfiedLinkError("no torch in java.library.path");
                default -> new IllegalArgumentException("first line\n\tat some.Trace(Trace.java:1)");
            };
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"npe", "null-message", "message-null", "oom", "stack", "link", "two-lines"})
    void everyFailureIsOneReadableLineAndExitCodeOne(String how) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Failing(how));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int code = ConvLabCli.execute(cli, new String[0]);

        assertThat(code).isEqualTo(1);
        String line = err.toString().strip();
        assertThat(line).startsWith("error: ").doesNotContain("\n", "Exception", "Error", "\tat ")
                .isNotEqualTo("error: null");
        switch (how) {
            case "oom" -> assertThat(line).isEqualTo("error: " + CliText.t(FriendlyErrors.OUT_OF_MEMORY));
            case "two-lines" -> assertThat(line).isEqualTo("error: first line");
            default -> assertThat(line).isEqualTo("error: " + CliText.t(FriendlyErrors.NO_MESSAGE));
        }
    }
}
