package org.convlab.cli;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.ImageFolderImport;
import org.convlab.dataset.ImageFolderImport.ImportCancelled;
import org.convlab.dataset.ImageFolderImport.Options;
import org.convlab.dataset.ImageFolderImport.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code data import ZIP|DIR --name NAME}: an image-folder zip or folder (one folder of PNG or JPEG
 * images per class) becomes a data set of this machine, in the folder the web app reads too, under
 * a key made from the name. Never replaces anything: an existing key is refused.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
final class DataImportCommand implements Callable<Integer> {

    /** The exit code of an import cancelled with Ctrl-C, as shells report a command Ctrl-C stopped. */
    static final int CANCELLED = 130;

    @Parameters(index = "0", paramLabel = "ZIP|DIR", descriptionKey = "cli.help.option.data.import.source")
    Path source;

    @Option(names = "--name", required = true, descriptionKey = "cli.help.option.data.import.name")
    String name;

    @Option(names = "--size", paramLabel = "28|32",
            descriptionKey = "cli.help.option.data.import.size")
    Integer size;

    @Option(names = {"--color", "--colour"}, descriptionKey = "cli.help.option.data.import.colour")
    boolean colour;

    @Option(names = "--test-share", defaultValue = "0.2",
            descriptionKey = "cli.help.option.data.import.test-share")
    double testShare;

    @Option(names = "--seed", defaultValue = "42", descriptionKey = "cli.help.option.data.import.seed")
    long seed;

    @Mixin
    DatasetsFolder datasets;

    @Option(names = "--json", descriptionKey = "cli.help.option.data.import.json")
    boolean json;

    @Spec
    CommandSpec command;

    /** A second way to say "stop" besides Ctrl-C (tests press it; null: Ctrl-C only). */
    BooleanSupplier alsoStop;

    @Override
    public Integer call() {
        Path root = datasets.root();
        String key = DatasetLibrary.keyFor(name);
        if (DatasetLibrary.builtIn(key)) {
            throw new TextException(Text.of("cli.import.built-in-key", key));
        }
        Path target = root.resolve(key);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TextException(Text.of("cli.import.exists", key, target));
        }
        boolean folder = Files.isDirectory(source);
        if (!folder && !Files.isRegularFile(source)) {
            throw new TextException(Text.of("cli.import.not-zip-or-folder", source));
        }
        Options options = new Options(name, size != null ? size : colour ? 32 : 28, colour, seed, testShare);
        Result result;
        try (CtrlC ctrlC = CtrlC.watch()) {
            BooleanSupplier stop = alsoStop == null ? ctrlC::pressed : () -> ctrlC.pressed() || alsoStop.getAsBoolean();
            ImportProgress progress = new ImportProgress(System.err, System.console() != null, stop);
            try {
                result = folder
                        ? ImageFolderImport.fromFolder(source, target, options, ImageFolderImport.Limits.DEFAULT, progress)
                        : ImageFolderImport.fromZip(source, target, options, ImageFolderImport.Limits.DEFAULT, progress);
            } catch (ImportCancelled e) {
                // Said before the Ctrl-C hook is released: the JVM stops as soon as it is.
                PrintWriter err = command.commandLine().getErr();
                err.println(CliText.t("cli.error.line", CliText.message(e)));
                err.flush();
                return CANCELLED;
            } catch (IOException e) {
                throw new TextException(Text.of("cli.import.unwritable", root, e.getMessage()), e);
            } finally {
                progress.finish();
            }
        }
        print(key, target, result);
        return 0;
    }

    private void print(String key, Path target, Result r) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(key, target, r));
            return;
        }
        out.println(CliText.t(r.channels() == 3 ? "cli.import.done.colour" : "cli.import.done.grayscale", r.name(), key,
                r.classes().size(), r.size() + "×" + r.size(), r.trainCount(), r.testCount()));
        int width = Math.max(12, r.classes().stream().mapToInt(String::length).max().orElse(0));
        String column = "%-" + width + "s";
        out.printf(CliText.locale(), "%n  %-3s " + column + " %7s %7s%n", "#", CliText.t("cli.data.column.class"),
                CliText.t("cli.data.column.train"), CliText.t("cli.data.column.test"));
        for (int c = 0; c < r.classes().size(); c++) {
            out.printf(CliText.locale(), "  %-3d " + column + " %,7d %,7d%n", c, r.classes().get(c),
                    r.trainPerClass().get(c), r.testPerClass().get(c));
        }
        out.println();
        out.println(CliText.t(r.splitGiven() ? "cli.import.split-kept" : "cli.import.split-random"));
        r.notes().forEach(note -> out.println(CliText.t("cli.import.note", note)));
        out.println(CliText.t("cli.import.stored", target));
        out.println(CliText.t("cli.import.train-on-it", "convlab train --dataset " + key + " --preset "
                + (r.channels() == 3 ? "cifar-cnn" : "keras-cnn")));
        out.flush();
    }

    static Map<String, Object> toJson(String key, Path target, Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("name", r.name());
        m.put("folder", target.toAbsolutePath().normalize().toString());
        m.put("channels", r.channels());
        m.put("colour", r.channels() == 3);
        m.put("size", r.size());
        m.put("trainImages", r.trainCount());
        m.put("testImages", r.testCount());
        m.put("splitGiven", r.splitGiven());
        List<ClassCount> classes = new ArrayList<>();
        for (int c = 0; c < r.classes().size(); c++) {
            classes.add(new ClassCount(c, r.classes().get(c), r.trainPerClass().get(c), r.testPerClass().get(c)));
        }
        m.put("classes", classes);
        m.put("notes", r.notes());
        return m;
    }

    record ClassCount(int label, String name, int train, int test) {}
}
