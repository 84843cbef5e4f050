package org.convlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Arguments picocli cannot read (a missing option, an unknown one): said in the process language,
 * then the suggestions or the usage, as picocli does. picocli's own sentences are English, so English
 * keeps them word for word; German and Spanish say the two common mistakes in their own words and
 * anything rarer as picocli says it.
 */
final class ParseErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(message(ex));
        List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatched.getSuggestions() : List.of();
        if (english()) {
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                cmd.usage(err);
            }
        } else if (!suggestions.isEmpty()) {
            err.println(CliText.t("cli.parse.did-you-mean", String.join(", ", suggestions)));
        } else {
            cmd.usage(err);
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex) {
        if (english()) {
            return ex.getMessage();
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return CliText.t("cli.parse.missing", missing.getMissing().stream().map(ParseErrors::name)
                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return CliText.t("cli.parse.unknown", unmatched.getUnmatched().stream().map(a -> "'" + a + "'")
                    .collect(Collectors.joining(", ")));
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? "'" + option.longestName() + "'" : "'" + arg.paramLabel() + "'";
    }

    private static boolean english() {
        return CliText.locale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
