package org.convlab.cli;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code data list}: the data sets of this machine, by key: the default one, the colour demo set and
 * each folder under the data sets folder. One that does not load is listed with its problem, so a
 * broken folder is found here rather than when a run starts.
 */
@Command(name = "list", mixinStandardHelpOptions = true)
final class DataListCommand implements Callable<Integer> {

    /** Folders looked at, at most: a data sets folder of thousands is listed in part, not read for minutes. */
    static final int MAX_FOLDERS = 500;

    @Option(names = "--data", paramLabel = "DIR",
            descriptionKey = "cli.help.option.data.list.data")
    Path folder;

    @Mixin
    DatasetsFolder datasets;

    @Option(names = "--json", descriptionKey = "cli.help.option.data.list.json")
    boolean json;

    @Spec
    CommandSpec command;

    /** One data set: everything but key and folder is null when it does not load, and problem says why. */
    record Entry(String key, String name, String folder, Integer classes, List<String> classNames, Integer channels,
            Integer size, Integer trainImages, Integer testImages, String problem) {}

    @Override
    public Integer call() {
        DataChoice choice = new DataChoice();
        choice.folder = folder;
        choice.datasets = datasets;
        DatasetLibrary library = choice.library();
        List<Entry> entries = new ArrayList<>();
        entries.add(entry(library, DatasetLibrary.DEFAULT_KEY, library.defaultSet().folder(), json));
        entries.add(entry(library, DatasetLibrary.DEMO_KEY, library.service(DatasetLibrary.DEMO_KEY).folder(), json));
        for (String key : importedKeys(library.importedRoot())) {
            entries.add(entry(library, key, library.importedRoot().resolve(key), json));
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, entries);
        } else {
            print(out, entries, library.importedRoot());
        }
        return 0;
    }

    /** The folders under the data sets folder named as keys; hidden ones (an import under way) are not data sets. */
    static List<String> importedKeys(Path root) {
        TreeSet<String> keys = new TreeSet<>();
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            int seen = 0;
            for (Path child : children) {
                if (++seen > MAX_FOLDERS) {
                    break;
                }
                String name = child.getFileName().toString();
                if (DatasetLibrary.KEY.matcher(name).matches() && !DatasetLibrary.builtIn(name)
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    keys.add(name);
                }
            }
        } catch (IOException e) {
            throw new TextException(Text.of("cli.data.list.unreadable", root, e.getMessage()), e);
        }
        return List.copyOf(keys);
    }

    /** {@code json}: the problem in English, as JSON keeps it; otherwise in the process language. */
    private static Entry entry(DatasetLibrary library, String key, Path folder, boolean json) {
        String shownFolder = folder.toAbsolutePath().normalize().toString();
        try {
            Dataset set = library.dataset(key);
            return new Entry(key, set.name(), shownFolder, set.classNames().size(), set.classNames(),
                    set.train().channels(), set.train().rows(), set.train().size(), set.test().size(), null);
        } catch (DatasetException e) {
            return new Entry(key, null, shownFolder, null, null, null, null, null, null,
                    json ? e.detail() : FriendlyErrors.detail(e));
        } finally {
            library.forget(key);  // one set in memory at a time, however many there are
        }
    }

    private static void print(PrintWriter out, List<Entry> entries, Path root) {
        int keyWidth = Math.max(13, entries.stream().mapToInt(e -> e.key().length()).max().orElse(0));
        String keyColumn = "%-" + keyWidth + "s";
        out.printf(CliText.locale(), "  " + keyColumn + " %-24s %7s %-16s %8s %7s%n", CliText.t("cli.data.column.key"),
                CliText.t("cli.data.column.name"), CliText.t("cli.data.column.classes"), CliText.t("cli.data.column.images"),
                CliText.t("cli.data.column.train"), CliText.t("cli.data.column.test"));
        for (Entry e : entries) {
            if (e.problem() != null) {
                out.printf(CliText.locale(), "  " + keyColumn + " %s%n", e.key(), CliText.t("cli.data.list.unusable", e.problem()));
                continue;
            }
            String name = e.name().length() > 24 ? e.name().substring(0, 23) + "…" : e.name();
            out.printf(CliText.locale(), "  " + keyColumn + " %-24s %7d %-16s %,8d %,7d%n", e.key(), name, e.classes(),
                    CliText.t(e.channels() == 3 ? "cli.data.list.colour" : "cli.data.list.gray", e.size() + "×" + e.size()),
                    e.trainImages(),
                    e.testImages());
        }
        out.println();
        out.println(CliText.t("cli.data.list.folder", root == null ? CliText.t("cli.data.list.no-folder")
                : root.toAbsolutePath().normalize()));
        out.flush();
    }
}
