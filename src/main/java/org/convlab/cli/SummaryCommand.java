package org.convlab.cli;

import java.util.concurrent.Callable;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code summary --preset NAME | --spec FILE [--json]}: Keras-style layer table with parameter counts. */
@Command(name = "summary", mixinStandardHelpOptions = true)
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    ModelChoice model;

    @Option(names = "--json", descriptionKey = "cli.help.option.summary.json")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        ModelSummary summary = ModelSummary.of(model.load(), ModelLimits.fromSystemProperties());
        if (json) {
            JsonOutput.print(command.commandLine().getOut(), summary);
        } else {
            command.commandLine().getOut().print(summary.toText(CliText.locale()));
            command.commandLine().getOut().flush();
        }
        return 0;
    }
}
