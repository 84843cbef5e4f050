package org.convlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.ImageFolderImport;
import org.convlab.dataset.ImageFolderImport.ImportCancelled;
import org.convlab.dataset.ImageFolderImport.ImportRefused;
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
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import your own images: a zip or folder with one folder of PNG or JPEG images per class",
            "(or train/<class>/… and test/<class>/…). The data set gets a key made from --name;",
            "train on it with `train --dataset KEY`. Ctrl-C cancels and stores nothing."})
final class DataImportCommand implements Callable<Integer> {

    /** The exit code of an import cancelled with Ctrl-C, as shells report a command Ctrl-C stopped. */
    static final int CANCELLED = 130;

    @Parameters(index = "0", paramLabel = "ZIP|DIR", description = "The zip file or folder of images.")
    Path source;

    @Option(names = "--name", required = true, description = "The data set's name, as pages and lists show it.")
    String name;

    @Option(names = "--size", paramLabel = "28|32",
            description = "Image size in pixels, square (default: 28, or 32 with --color).")
    Integer size;

    @Option(names = {"--color", "--colour"}, description = "Keep the colours (3 channels); without it, grayscale.")
    boolean colour;

    @Option(names = "--test-share", defaultValue = "0.2",
            description = "Share of each class kept for testing when the images are not split already (default 0.2).")
    double testShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default 42).")
    long seed;

    @Mixin
    DatasetsFolder datasets;

    @Option(names = "--json", description = "Print only a JSON document on stdout.")
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
            throw new ImportRefused("\"" + key + "\" is the key of a data set that comes with ConvLab; choose another --name");
        }
        Path target = root.resolve(key);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportRefused("a data set named \"" + key + "\" exists already (" + target
                    + "); choose another --name");
        }
        boolean folder = Files.isDirectory(source);
        if (!folder && !Files.isRegularFile(source)) {
            throw new ImportRefused(source + " is neither a zip file nor a folder");
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
                err.println("error: " + e.getMessage());
                err.flush();
                return CANCELLED;
            } catch (IOException e) {
                throw new IllegalStateException("could not write the data set into " + root + ": " + e.getMessage(), e);
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
        out.printf(Locale.ROOT, "Imported \"%s\" as the data set %s: %d classes, %d×%d %s, %,d training and %,d test images%n",
                r.name(), key, r.classes().size(), r.size(), r.size(), r.channels() == 3 ? "colour" : "grayscale",
                r.trainCount(), r.testCount());
        int width = Math.max(12, r.classes().stream().mapToInt(String::length).max().orElse(0));
        String column = "%-" + width + "s";
        out.printf(Locale.ROOT, "%n  %-3s " + column + " %7s %7s%n", "#", "class", "train", "test");
        for (int c = 0; c < r.classes().size(); c++) {
            out.printf(Locale.ROOT, "  %-3d " + column + " %,7d %,7d%n", c, r.classes().get(c),
                    r.trainPerClass().get(c), r.testPerClass().get(c));
        }
        out.println();
        out.println(r.splitGiven() ? "The zip's own train/test split was kept."
                : "Split at random into training and test images (--test-share, --seed).");
        r.notes().forEach(note -> out.println("Note: " + note));
        out.println("Stored in " + target);
        out.println("Train on it: convlab train --dataset " + key + " --preset "
                + (r.channels() == 3 ? "cifar-cnn" : "keras-cnn"));
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
