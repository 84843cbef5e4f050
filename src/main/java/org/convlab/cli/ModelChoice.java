package org.convlab.cli;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.nio.file.Path;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.Presets;
import picocli.CommandLine.Option;
import java.util.Iterator;

/** {@code --preset NAME | --spec FILE}, shared by the commands that take a model. */
final class ModelChoice {

    @Option(names = "--preset", descriptionKey = "cli.help.option.preset",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--spec", descriptionKey = "cli.help.option.spec")
    Path spec;

    ModelSpec load() {
        if ((preset == null) == (spec == null)) {
            throw new TextException(Text.of("cli.model.choose", String.join(", ", Presets.names())));
        }
        return preset != null ? Presets.require(preset) : ModelSpecJson.read(spec);
    }

    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }
}
