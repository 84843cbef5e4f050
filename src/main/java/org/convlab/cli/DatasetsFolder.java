package org.convlab.cli;

import java.nio.file.Path;
import org.convlab.dataset.DatasetLibrary;
import picocli.CommandLine.Option;

/** {@code --datasets-dir}: where imported data sets live, for every command that reads or writes them. */
final class DatasetsFolder {

    @Option(names = "--datasets-dir", paramLabel = "DIR",
            descriptionKey = "cli.help.option.datasets-dir")
    Path dir;

    /** The folder given, else the one the web app uses too. */
    Path root() {
        return dir != null ? dir : DatasetLibrary.fromEnvironment().importedRoot();
    }
}
