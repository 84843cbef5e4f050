package org.convlab.cli;

import java.io.PrintWriter;
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
        description = {
            "ConvLab: learn how convolutional neural networks work, then train real ones.",
            "Run with no command to start the web app on port 8080 (--server.port=N to change).",
            "Run 'worker' to join the web app's training queue as one more worker (no web server; same",
            "database and runs folder: add --spring.profiles.active=postgres for a shared PostgreSQL)."
        },
        subcommands = {DataCommand.class, LessonCommand.class, SummaryCommand.class, TrainCommand.class,
            EvaluateCommand.class})
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

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs a command with the given streams; returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CliLogging.configure();
        CommandLine cli = new CommandLine(new ConvLabCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConvLabCli.class.getPackage().getImplementationVersion();
            return new String[] {"ConvLab " + (v == null ? "(development build)" : v)};
        }
    }
}
