package org.convlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless side of ConvLab. Every command prints a readable table by default and, with
 * {@code --json}, only the JSON document on stdout (logs and errors go to stderr), so scripts and
 * benchmarks can pipe it.
 */
@Command(
        name = "convlab",
        mixinStandardHelpOptions = true,
        versionProvider = ConvLabCli.Version.class,
        subcommands = {DataCommand.class, LessonCommand.class, SummaryCommand.class, TrainCommand.class,
            EvaluateCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class ConvLabCli {

    private ConvLabCli() {}

    /** True when the arguments name a command (or ask for help) rather than web-server options. */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        if (Set.of("-h", "--help", "-V", "--version", "help").contains(first)) {
            return true;
        }
        return new CommandLine(new ConvLabCli()).getSubcommands().containsKey(first);
    }

    /**
     * Why the arguments start nothing, when their first one is neither an option (Spring's
     * {@code --server.port=9000} and the like start the web app) nor a command: a typo must not
     * start a web server and create a database and a runs folder where it was typed.
     * {@code otherCommands} are those the jar handles itself ({@code worker}).
     */
    public static Optional<String> notACommand(String[] args, String... otherCommands) {
        if (args.length == 0 || args[0].startsWith("-") || isCommand(args)
                || Arrays.asList(otherCommands).contains(args[0])) {
            return Optional.empty();
        }
        List<String> commands = new ArrayList<>(new CommandLine(new ConvLabCli()).getSubcommands().keySet());
        commands.addAll(Arrays.asList(otherCommands));
        String typed = args[0];
        String shown = typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        String nearest = Suggestions.nearest(typed, commands);
        String commandList = String.join(", ", commands);
        return Optional.of(nearest != null
                ? CliText.t("cli.not-a-command.nearest", shown, nearest, commandList)
                : CliText.t("cli.not-a-command", shown, commandList));
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /**
     * Runs a command with the given streams; returns the process exit code. picocli hands only
     * Exceptions to {@link FriendlyErrors}; an Error (out of memory, a native library that will not
     * load) is caught here so it, too, is one line and exit code 1.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CliLogging.configure();
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return execute(cli, args);
    }

    /** The commands, unstarted (tests reach a command's object through it). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ConvLabCli());
        cli.setResourceBundle(new CliHelp(CliText.locale()));
        cli.setParameterExceptionHandler(new ParseErrors());
        return cli;
    }

    /** Executes with {@link FriendlyErrors} for Exceptions and Errors alike. */
    static int execute(CommandLine cli, String[] args) {
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        try {
            return cli.execute(args);
        } catch (Error e) {
            return FriendlyErrors.report(e, cli.getErr());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConvLabCli.class.getPackage().getImplementationVersion();
            return new String[] {"ConvLab " + (v == null ? CliText.t("cli.version.development") : v)};
        }
    }
}
