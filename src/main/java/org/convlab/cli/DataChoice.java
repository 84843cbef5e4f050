package org.convlab.cli;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetService;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which data set a command works with, shared by every command that reads one: the default
 * (Fashion-MNIST, or the folder {@code --data} names), or any data set of this machine by its key
 * ({@code --dataset}), found as the web app finds it ({@link DatasetLibrary}).
 */
final class DataChoice {

    @Option(names = "--data", paramLabel = "DIR",
            descriptionKey = "cli.help.option.data")
    Path folder;

    @Option(names = "--dataset", paramLabel = "KEY",
            descriptionKey = "cli.help.option.dataset")
    String key;

    @Mixin
    DatasetsFolder datasets = new DatasetsFolder();

    /** The data sets of this machine, the default one being {@code --data}'s folder when given. */
    DatasetLibrary library() {
        Path root = datasets.root();
        DatasetService defaultSet = new DatasetService(folder != null ? folder : DatasetService.defaultFolder());
        return new DatasetLibrary(defaultSet, Path.of("data", DatasetLibrary.DEMO_KEY), root);
    }

    /** The key to record in a run's settings: null for the default set (as the web app records it). */
    String recordedKey() {
        service();  // refuses a key this machine has not, in this command's words
        return key == null || DatasetLibrary.DEFAULT_KEY.equals(key) ? null : key;
    }

    /** The chosen set's service; {@code runsKey} (a saved run's data set) is followed when no option chose one. */
    DatasetService service(String runsKey) {
        checkOneChoice();
        String chosen = key != null ? key : folder != null ? null : runsKey;
        DatasetLibrary library = library();
        if (!DatasetLibrary.builtIn(chosen) && (!DatasetLibrary.KEY.matcher(chosen).matches()
                || library.importedRoot() == null
                || !Files.isDirectory(library.importedRoot().resolve(chosen), LinkOption.NOFOLLOW_LINKS))) {
            throw new TextException(Text.of("cli.data.no-such-set", DatasetLibrary.shown(chosen)));
        }
        return library.service(chosen);
    }

    /** A key as typed, cut short and without control characters, for a message. */

    DatasetService service() {
        return service(null);
    }

    Dataset dataset() {
        return service().dataset();
    }

    /** --data names the default set's folder; with another key as well it would be ignored, so it is refused. */
    private void checkOneChoice() {
        if (folder != null && key != null && !DatasetLibrary.DEFAULT_KEY.equals(key)) {
            throw new TextException(Text.of("cli.data.both-given"));
        }
    }
}
