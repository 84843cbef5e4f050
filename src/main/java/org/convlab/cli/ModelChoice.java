package org.convlab.cli;

import java.nio.file.Path;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.Presets;
import picocli.CommandLine.Option;
import java.util.Iterator;

/** {@code --preset NAME | --spec FILE}, shared by the commands that take a model. */
final class ModelChoice {

    @Option(names = "--preset", description = "A model from the decks: ${COMPLETION-CANDIDATES}",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--spec", description = "A model spec in JSON (see README, \"Model specs\").")
    Path spec;

    ModelSpec load() {
        if ((preset == null) == (spec == null)) {
            throw new IllegalArgumentException("give either --preset NAME or --spec FILE (presets: "
                    + String.join(", ", Presets.names()) + ")");
        }
        return preset != null ? Presets.get(preset) : ModelSpecJson.read(spec);
    }

    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }
}
