package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Your own data from the command line: {@code data import} a zip into a data sets folder given with
 * {@code --datasets-dir}, then {@code data list}, {@code data stats --dataset}, {@code train --dataset}
 * and {@code evaluate} (which follows the run's data set) all find it by its key.
 */
class DataImportCommandTest {

    @TempDir
    Path dir;

    private static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE};
    private static final String[] CLASSES = {"red", "green", "blue"};

    /** A colour PNG: black, with a square of {@code fill} in the middle. */
    static byte[] png(Color fill, int shift) throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 40, 40);
        g.setColor(fill);
        g.fillRect(8 + shift, 8, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Three classes (red, green, blue squares) of {@code perClass} images each, one folder per class. */
    static Path shapesZip(Path file, int perClass) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int c = 0; c < CLASSES.length; c++) {
                for (int i = 0; i < perClass; i++) {
                    zip.putNextEntry(new ZipEntry("shapes/" + CLASSES[c] + "/" + i + ".png"));
                    zip.write(png(COLOURS[c], i % 5));
                    zip.closeEntry();
                }
            }
        }
        return file;
    }

    private Path root() {
        return dir.resolve("datasets");
    }

    private CliRun importZip(Path zip, String name, String... more) {
        return CliRun.of(Stream.concat(Stream.of("data", "import", zip.toString(), "--name", name,
                "--datasets-dir", root().toString()), Stream.of(more)).toArray(String[]::new));
    }

    /** What is in the data sets folder, hidden folders (an import under way) included. */
    private List<String> stored() throws IOException {
        if (!Files.exists(root())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anImportedSetIsListedDescribedTrainedOnAndEvaluatedByItsKey() throws Exception {
        CliRun imported = importZip(shapesZip(dir.resolve("shapes.zip"), 10), "My Shapes!", "--color", "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode result = JsonOutput.mapper().readTree(imported.out());
        assertThat(result.get("key").asString()).isEqualTo("my-shapes");
        assertThat(result.get("name").asString()).isEqualTo("My Shapes!");
        assertThat(result.get("channels").asInt()).isEqualTo(3);
        assertThat(result.get("size").asInt()).isEqualTo(32);
        assertThat(result.get("classes")).hasSize(3);
        assertThat(result.get("classes").get(0).get("name").asString()).isEqualTo("blue");
        assertThat(result.get("trainImages").asInt() + result.get("testImages").asInt()).isEqualTo(30);
        assertThat(root().resolve("my-shapes").resolve("dataset.json")).exists();
        int trainImages = result.get("trainImages").asInt();

        CliRun list = CliRun.of("data", "list", "--datasets-dir", root().toString(), "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode sets = JsonOutput.mapper().readTree(list.out());
        assertThat(sets).extracting(s -> s.get("key").asString())
                .containsExactly("fashion-mnist", "colour-shapes", "my-shapes");
        JsonNode mine = sets.get(2);
        assertThat(mine.get("name").asString()).isEqualTo("My Shapes!");
        assertThat(mine.get("classes").asInt()).isEqualTo(3);
        assertThat(mine.get("channels").asInt()).isEqualTo(3);
        assertThat(mine.get("trainImages").asInt()).isEqualTo(trainImages);
        assertThat(CliRun.of("data", "list", "--datasets-dir", root().toString()).out())
                .contains("my-shapes", "My Shapes!", "32×32 colour", "fashion-mnist", "28×28 gray");

        CliRun stats = CliRun.of("data", "stats", "--dataset", "my-shapes", "--datasets-dir", root().toString(),
                "--split", "train", "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode classes = JsonOutput.mapper().readTree(stats.out()).get("splits").get(0).get("classes");
        JsonNode red = classes.get(2);
        assertThat(red.get("name").asString()).isEqualTo("red");
        JsonNode rgb = red.get("meanPerChannel");
        assertThat(rgb).hasSize(3);
        assertThat(rgb.get(0).asDouble()).isGreaterThan(50).isGreaterThan(rgb.get(1).asDouble() + 40);
        assertThat(classes.get(0).get("meanPerChannel").get(2).asDouble()).isGreaterThan(50);  // blue is blue
        assertThat(CliRun.of("data", "stats", "--dataset", "my-shapes", "--datasets-dir", root().toString()).out())
                .contains("My Shapes!, train split", "red", "green", "blue", "mean pixel");

        Path run = dir.resolve("run");
        CliRun trained = CliRun.of("train", "--dataset", "my-shapes", "--datasets-dir", root().toString(),
                "--preset", "dense", "--epochs", "1", "--limit", "100000", "--device", "cpu",
                "--out", run.toString(), "--json");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode train = JsonOutput.mapper().readTree(trained.out());
        assertThat(train.get("trainImages").asInt() + train.get("validationImages").asInt()).isEqualTo(trainImages);
        assertThat(train.get("confusionMatrix")).hasSize(3);
        JsonNode saved = JsonOutput.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(saved.get("hyperparameters").get("dataset").asString()).isEqualTo("my-shapes");

        CliRun evaluated = CliRun.of("evaluate", "--model", run.toString(), "--datasets-dir", root().toString(), "--json");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        JsonNode evaluation = JsonOutput.mapper().readTree(evaluated.out());
        assertThat(evaluation.get("classNames")).extracting(JsonNode::asString).containsExactly("blue", "green", "red");
        assertThat(evaluation.get("testAccuracy").asDouble()).isEqualTo(train.get("testAccuracy").asDouble());

        // Another data set, named explicitly, that the model does not fit: one line, no crash.
        CliRun elsewhere = CliRun.of("evaluate", "--model", run.toString(), "--dataset", "fashion-mnist");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err()).startsWith("error: ").contains("the model takes 3×32×32 images").doesNotContain("\tat ");
        assertThat(elsewhere.err().lines().count()).isEqualTo(1);

        CliRun explained = CliRun.of("explain", "--model", run.toString(), "--datasets-dir", root().toString(),
                "--image", "0", "--layer", "2");
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).matches("(?s)Test image 0 \\((red|green|blue)\\), .*");
        int testImages = result.get("testImages").asInt();
        assertThat(CliRun.of("explain", "--model", run.toString(), "--datasets-dir", root().toString(),
                "--image", "" + testImages, "--layer", "2").err())
                .isEqualTo("error: image " + testImages + " does not exist (the test set has images 0.."
                        + (testImages - 1) + ")\n");

        // A spec file is taken as given: one that takes Fashion-MNIST's images is refused in one line.
        Path spec = dir.resolve("gray.json");
        Files.writeString(spec, "{\"name\":\"gray\",\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]}");
        CliRun misfit = CliRun.of("train", "--dataset", "my-shapes", "--datasets-dir", root().toString(),
                "--spec", spec.toString(), "--epochs", "1", "--device", "cpu", "--out", dir.resolve("run2").toString());
        assertThat(misfit.exitCode()).isEqualTo(1);
        assertThat(misfit.err()).startsWith("error: ").contains("the model takes 1×28×28 images", "3×32×32 (colour)",
                        "the model ends in 10 classes but My Shapes! has 3")
                .doesNotContain("\tat ");
        assertThat(misfit.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("run2")).doesNotExist();
    }

    @Test
    void anExistingKeyOrABuiltInOneIsRefusedAndNothingIsReplaced() throws Exception {
        Path zip = shapesZip(dir.resolve("shapes.zip"), 3);
        assertThat(importZip(zip, "pets").exitCode()).isZero();
        Path metadata = root().resolve("pets").resolve("dataset.json");
        String before = Files.readString(metadata);

        CliRun again = importZip(zip, "Pets", "--color");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: a data set named \"pets\" exists already").endsWith("choose another --name\n");
        assertThat(again.err().lines().count()).isEqualTo(1);
        assertThat(Files.readString(metadata)).isEqualTo(before);

        for (String name : new String[] {"Fashion MNIST", "Colour shapes"}) {
            CliRun builtIn = importZip(zip, name);
            assertThat(builtIn.exitCode()).isEqualTo(1);
            assertThat(builtIn.err()).contains("is the key of a data set that comes with ConvLab; choose another --name");
        }
        assertThat(stored()).containsExactly("pets");
    }

    static Stream<Arguments> badImports() {
        return Stream.of(
                Arguments.of("not a zip", (Maker) d -> Files.writeString(d.resolve("notes.zip"), "just text"), List.of(),
                        "error: "),
                Arguments.of("no such file", (Maker) d -> d.resolve("missing.zip"), List.of(),
                        "is neither a zip file nor a folder"),
                Arguments.of("an empty zip", (Maker) d -> {
                    Path file = d.resolve("empty.zip");
                    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                        zip.finish();
                    }
                    return file;
                }, List.of(), "error: "),
                Arguments.of("one class only", (Maker) d -> {
                    Path file = d.resolve("one.zip");
                    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                        for (int i = 0; i < 4; i++) {
                            zip.putNextEntry(new ZipEntry("cats/" + i + ".png"));
                            zip.write(png(Color.WHITE, i));
                            zip.closeEntry();
                        }
                    }
                    return file;
                }, List.of(), "error: "),
                Arguments.of("a picture that is not one", (Maker) d -> {
                    Path file = d.resolve("broken.zip");
                    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                        for (String c : new String[] {"a", "b"}) {
                            for (int i = 0; i < 3; i++) {
                                zip.putNextEntry(new ZipEntry(c + "/" + i + ".png"));
                                zip.write(i == 2 && c.equals("b") ? "not a png".getBytes() : png(Color.WHITE, i));
                                zip.closeEntry();
                            }
                        }
                    }
                    return file;
                }, List.of(), "error: "),
                Arguments.of("size 30", (Maker) d -> shapesZip(d.resolve("s.zip"), 3), List.of("--size", "30"),
                        "error: images can be 28×28 or 32×32 pixels, not 30"),
                Arguments.of("test share 1.5", (Maker) d -> shapesZip(d.resolve("s.zip"), 3),
                        List.of("--test-share", "1.5"), "error: the share of test images must be between 0 and 1"),
                Arguments.of("a blank name", (Maker) d -> shapesZip(d.resolve("s.zip"), 3), List.of("--name", " "),
                        "error: the data set needs a name"),
                Arguments.of("a name with a control character", (Maker) d -> shapesZip(d.resolve("s.zip"), 3),
                        List.of("--name", "cats\u0007"), "error: the data set's name has control characters"));
    }

    interface Maker {
        Path make(Path dir) throws IOException;
    }

    /** Each bad input: one line on stderr, exit code 1, no stack trace, nothing stored. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badImports")
    void aBadImportIsOneLineAndLeavesNothing(String what, Maker maker, List<String> options, String says)
            throws Exception {
        Path source = maker.make(dir);
        boolean named = options.contains("--name");
        CliRun r = named
                ? importZip(source, options.get(1), options.subList(2, options.size()).toArray(String[]::new))
                : importZip(source, "stuff", options.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains(says).doesNotContain("\tat ", "Exception");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(stored()).isEmpty();
    }

    /** Ctrl-C (here: the same "stop" pressed after a few images) cancels: exit 130, nothing stored, not even a hidden folder. */
    @Test
    void aCancelledImportLeavesNothing() throws Exception {
        Path zip = shapesZip(dir.resolve("shapes.zip"), 10);
        CommandLine cli = ConvLabCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        DataImportCommand command = cli.getSubcommands().get("data").getSubcommands().get("import").getCommand();
        AtomicInteger asked = new AtomicInteger();
        command.alsoStop = () -> asked.incrementAndGet() > 5;
        int code = ConvLabCli.execute(cli, new String[] {"data", "import", zip.toString(), "--name", "cancelled",
            "--datasets-dir", root().toString()});
        assertThat(code).isEqualTo(DataImportCommand.CANCELLED);
        assertThat(err.toString()).isEqualTo("error: the import was cancelled; nothing was stored\n");
        assertThat(asked.get()).isGreaterThan(5);
        assertThat(stored()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    /** A folder that does not load is listed with its problem; an import under way (hidden) is not listed. */
    @Test
    void aBrokenFolderIsListedWithItsProblem() throws Exception {
        Files.createDirectories(root().resolve("broken"));
        Files.writeString(root().resolve("broken").resolve("dataset.json"), "{ not json");
        Files.createDirectories(root().resolve(".importing-abc"));
        Files.writeString(root().resolve("Not A Key"), "x");
        CliRun list = CliRun.of("data", "list", "--datasets-dir", root().toString(), "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode sets = JsonOutput.mapper().readTree(list.out());
        assertThat(sets).extracting(s -> s.get("key").asString())
                .containsExactly("fashion-mnist", "colour-shapes", "broken");
        assertThat(sets.get(2).get("problem").asString()).contains("dataset.json");
        assertThat(CliRun.of("data", "list", "--datasets-dir", root().toString()).out())
                .contains("broken        cannot be used: ");
    }

    @Test
    void anUnknownKeyIsOneLine() {
        for (String key : new String[] {"nope", "../etc", "Bad Key"}) {
            CliRun r = CliRun.of("train", "--dataset", key, "--datasets-dir", root().toString(), "--preset", "dense",
                    "--epochs", "1");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("error: there is no data set \"" + key + "\" on this machine");
            assertThat(CliRun.of("data", "stats", "--dataset", key, "--datasets-dir", root().toString()).err())
                    .startsWith("error: there is no data set");
        }
        assertThat(CliRun.of("data", "stats", "--dataset", "colour-shapes", "--data", "data/fashion-mnist").err())
                .isEqualTo("error: give either --data DIR or --dataset KEY, not both\n");
    }

    /** The demo set trains with the colour preset, and the run names it. */
    @Test
    void theColourDemoSetTrainsByItsKey() throws Exception {
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--dataset", "colour-shapes", "--preset", "cifar-cnn", "--epochs", "1",
                "--limit", "500", "--device", "cpu", "--out", run.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("trainImages").asInt() + json.get("validationImages").asInt()).isEqualTo(500);
        assertThat(json.get("hyperparameters").get("dataset").asString()).isEqualTo("colour-shapes");
        assertThat(json.get("classNames")).hasSize(10);
    }
}
