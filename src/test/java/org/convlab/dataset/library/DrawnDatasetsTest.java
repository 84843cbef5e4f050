package org.convlab.dataset.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetLoader;
import org.convlab.dataset.LabeledImages;
import org.convlab.dataset.library.DrawnDatasets.DrawnClass;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TestModels;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.TrainingRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A data set drawn on the sketchpad: X's and O's become a registered 28×28 grayscale set with a
 * test share in every class, a network learns it far above chance, and every bad input is refused
 * in one line with nothing stored (no data set, no folder, no leftover drawings).
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class DrawnDatasetsTest {

    @Autowired DrawnDatasets drawn;
    @Autowired DatasetCatalog catalog;
    @Autowired StoredDatasetRepository stored;
    @Autowired AppUserRepository users;
    @TempDir Path runs;

    AppUser learner;

    @BeforeEach
    void aLearner() {
        String name = "dr" + UUID.randomUUID().toString().substring(0, 8);
        learner = users.save(new AppUser(name, name, "{noop}x", Role.LEARNER));
    }

    @Test
    void tenXsAndTenOsBecomeARegisteredDataSetWithTestImagesInEachClass() {
        DatasetChoice set = drawn.make(learner, "", List.of(
                new DrawnClass(" X ", Sketches.xs(10, 1)), new DrawnClass("O", Sketches.os(10, 2))));

        assertThat(set.name()).isEqualTo("Drawings: X, O");
        assertThat(set.classNames()).containsExactly("X", "O");
        assertThat(set.imageSize()).isEqualTo(28);
        assertThat(set.channels()).isEqualTo(1);
        assertThat(set.trainCount()).isEqualTo(16);
        assertThat(set.testCount()).isEqualTo(4);
        assertThat(stored.findByKey(set.key()).orElseThrow().getSource()).isEqualTo(StoredDataset.Source.DRAWN);
        assertThat(catalog.require(Optional.of(learner), set.key()).classNames()).containsExactly("X", "O");

        Dataset dataset = DatasetLoader.load(catalog.library().importedRoot().resolve(set.key()));
        assertThat(dataset.classNames()).containsExactly("X", "O");
        assertThat(counts(dataset.train())).containsExactly(8, 8);
        assertThat(counts(dataset.test())).containsExactly(2, 2);
        assertThat(dataset.train().rows()).isEqualTo(28);
        assertThat(dataset.train().channels()).isEqualTo(1);
        // Prepared as uploads are: light strokes on a black background, not a white sheet.
        byte[] pixels = dataset.train().pixels();
        assertThat(pixels[0]).isZero();
        assertThat(mean(pixels)).isBetween(10.0, 128.0);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void fromSketchesToATrainedNetworkThatTellsXFromO() {
        DatasetChoice set = drawn.make(learner, "My X and O", List.of(
                new DrawnClass("X", Sketches.xs(30, 3)), new DrawnClass("O", Sketches.os(30, 4))));
        Dataset dataset = catalog.library().dataset(set.key());
        ImageSet train = FashionMnistArrays.of(dataset.train(), dataset.classNames());
        ImageSet test = FashionMnistArrays.of(dataset.test(), dataset.classNames());
        var model = ModelValidator.validate(TestModels.tinyCnn().spec().forData(1, 28, 2));
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(8).withBatchSize(8).withValidationSplit(0)
                .withDevice(DeviceChoice.CPU).withDataset(set.key());

        TrainingRun.Outcome outcome = TrainingRun.execute(model, hp, train, test, runs.resolve("drawn"),
                ModelLimits.from(key -> null), ProgressListener.NONE, new TrainingControl());

        assertThat(test.labels()).hasSize(12);
        assertThat(outcome.evaluation().testAccuracy()).as("chance is 0.5").isGreaterThanOrEqualTo(0.9);
        assertThat(outcome.record().classNames()).containsExactly("X", "O");
    }

    static Stream<Arguments> badInputs() {
        byte[] x = Sketches.x(new java.util.Random(9));
        List<byte[]> five = Sketches.xs(5, 5);
        List<byte[]> fiveOs = Sketches.os(5, 6);
        byte[] truncated = Arrays.copyOf(x, x.length / 2);
        return Stream.of(
                Arguments.of("one class", "", List.of(new DrawnClass("X", five)), "Name at least 2 classes"),
                Arguments.of("no classes", "", List.of(), "Name at least 2 classes"),
                Arguments.of("eleven classes", "", Collections.nCopies(11, new DrawnClass("X", five)), "at most 10"),
                Arguments.of("a blank name", "", List.of(new DrawnClass("X", five), new DrawnClass("  ", fiveOs)),
                        "Class 2 has no name yet."),
                Arguments.of("a missing name", "", List.of(new DrawnClass(null, five), new DrawnClass("O", fiveOs)),
                        "Class 1 has no name yet."),
                Arguments.of("the same name but for capitals", "", List.of(new DrawnClass("x", five),
                        new DrawnClass("X ", fiveOs)), "Classes 1 and 2 are both called \"X\""),
                Arguments.of("a control character", "", List.of(new DrawnClass("X\nO", five), new DrawnClass("O", fiveOs)),
                        "Class 1's name has control characters"),
                Arguments.of("a name of 41 characters", "", List.of(new DrawnClass("X", five),
                        new DrawnClass("O".repeat(41), fiveOs)), "Class 2's name is 41 characters long; at most 40"),
                Arguments.of("too few drawings", "", List.of(new DrawnClass("X", five),
                        new DrawnClass("O", fiveOs.subList(0, 4))), "\"O\" has 4 drawings; each class needs at least 5"),
                Arguments.of("a class with none", "", List.of(new DrawnClass("X", five), new DrawnClass("O", List.of())),
                        "\"O\" has 0 drawings"),
                Arguments.of("too many in a class", "", List.of(new DrawnClass("X", Collections.nCopies(201, x)),
                        new DrawnClass("O", fiveOs)), "\"X\" has 201 drawings; at most 200 per class"),
                Arguments.of("too many in all", "", Stream.of("a", "b", "c", "d", "e", "f")
                        .map(n -> new DrawnClass(n, Collections.nCopies(200, x))).toList(), "1,200 drawings"),
                Arguments.of("an empty file", "", withDrawing(five, fiveOs, new byte[0]),
                        "O drawing 3 cannot be used: The drawing did not arrive"),
                Arguments.of("not a picture", "", withDrawing(five, fiveOs, "hello".getBytes()),
                        "O drawing 3 cannot be used: This file is not a picture"),
                Arguments.of("a damaged PNG", "", withDrawing(five, fiveOs, truncated),
                        "O drawing 3 cannot be used: The picture could not be read"),
                Arguments.of("a blank sheet", "", withDrawing(five, fiveOs, Sketches.blank()),
                        "O drawing 3 cannot be used: The drawing is empty"),
                Arguments.of("a huge file", "", withDrawing(five, fiveOs, new byte[300 * 1024]),
                        "larger than any sketch"),
                Arguments.of("a GIF", "", withDrawing(five, fiveOs, gif()), "This is a GIF file"),
                Arguments.of("a 4×4 picture", "", withDrawing(five, fiveOs, png(4)), "only 4×4 pixels"),
                Arguments.of("a data set name of 101 characters", "n".repeat(101),
                        List.of(new DrawnClass("X", five), new DrawnClass("O", fiveOs)), "101 characters long; at most 100"),
                Arguments.of("a data set name with a control character", "X\u0000O",
                        List.of(new DrawnClass("X", five), new DrawnClass("O", fiveOs)), "control characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachBadInputIsRefusedInOneLineAndNothingIsStored(String what, String name, List<DrawnClass> classes,
            String line) throws IOException {
        long before = stored.countByOwnerId(learner.getId());
        List<Path> folders = folders();

        assertThatThrownBy(() -> drawn.make(learner, name, classes))
                .isInstanceOf(DatasetRefused.class)
                .hasMessageContaining(line)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "/", "Exception"));

        assertThat(stored.countByOwnerId(learner.getId())).isEqualTo(before);
        assertThat(folders()).isEqualTo(folders);
    }

    /** The same refusals in the learner's language: German and Spanish words, no key left over. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachBadInputIsRefusedInGermanAndSpanishToo(String what, String name, List<DrawnClass> classes, String line) {
        DatasetRefused refused = catchThrowableOfType(DatasetRefused.class, () -> drawn.make(learner, name, classes));
        for (Locale language : List.of(Locale.GERMAN, Locale.of("es"))) {
            assertThat(refused.text().in(language)).as(language.toString()).doesNotContain("!{")
                    .isNotEqualTo(refused.getMessage());
        }
    }

    @Test
    void aClassWithoutANameIsNamedInGerman() {
        assertThat(DrawnDatasets.nameProblems(Arrays.asList("", "O")).getFirst().in(Locale.GERMAN))
                .isEqualTo("Klasse 1 hat noch keinen Namen.");
        assertThat(catchThrowableOfType(DatasetRefused.class, () -> drawn.make(learner, "", null)).text()
                .in(Locale.of("es"))).isEqualTo("Pon nombre al menos a 2 clases: una red aprende a distinguir clases.");
    }

    @Test
    void nullClassesAreRefusedToo() {
        assertThatThrownBy(() -> drawn.make(learner, "", null)).isInstanceOf(DatasetRefused.class)
                .hasMessageContaining("Name at least 2 classes");
    }

    private static List<DrawnClass> withDrawing(List<byte[]> xs, List<byte[]> os, byte[] bad) {
        List<byte[]> third = new ArrayList<>(os);
        third.set(2, bad);
        return List.of(new DrawnClass("X", xs), new DrawnClass("O", third));
    }

    private static byte[] gif() {
        return image("gif", 40);
    }

    private static byte[] png(int side) {
        return image("png", side);
    }

    private static byte[] image(String format, int side) {
        var image = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFFFFFF);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private List<Path> folders() throws IOException {
        Path root = catalog.library().importedRoot();
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.sorted().toList();
        }
    }

    private List<Path> leftovers() {
        try {
            return folders().stream().filter(p -> p.getFileName().toString().startsWith(".drawing-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] counts(LabeledImages images) {
        int[] counts = new int[2];
        for (int i = 0; i < images.size(); i++) {
            counts[images.label(i)]++;
        }
        return counts;
    }

    private static double mean(byte[] pixels) {
        double sum = 0;
        for (byte b : pixels) {
            sum += b & 0xFF;
        }
        return sum / pixels.length;
    }
}
