package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ModelValidator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's Download zip read back by RunImport: the same model comes back, and every kind of
 * hostile or broken upload is refused with one line, leaving the runs folder exactly as it was.
 */
class RunImportTest {

    private static final String PARAMS = "model-0000.params";
    private static final RunImport.Limits CAPS = RunImport.Limits.DEFAULT;

    @TempDir
    Path runs;

    private RunImport.Imported upload(byte[] zip, RunImport.Limits caps) throws IOException {
        return RunImport.read(new ByteArrayInputStream(zip), runs, "uploaded-1", RunImport.Dataset.FASHION_MNIST,
                ModelLimits.DEFAULT, caps);
    }

    /** What a server with the colour demo set (and Fashion-MNIST) answers for each key an upload may name. */
    private static final RunImport.Dataset COLOUR = new RunImport.Dataset(3, 32, 32, List.of("red", "green"), "Colour shapes");

    private static RunImport.Dataset colourServer(String key) {
        if (key == null || key.equals("fashion-mnist")) {
            return RunImport.Dataset.FASHION_MNIST;
        }
        if (key.equals("colour-shapes")) {
            return COLOUR;
        }
        throw RunImport.notHere("\"" + key + "\"");
    }

    private RunImport.Imported uploadTo(byte[] zip, RunImport.Datasets server) throws IOException {
        return RunImport.read(new ByteArrayInputStream(zip), runs, "uploaded-1", server, ModelLimits.DEFAULT, CAPS);
    }

    @Test
    void aDownloadedColourRunComesBackPredictingIdentically() throws IOException {
        Path original = UploadFixtures.colourRun();
        RunImport.Imported imported = uploadTo(UploadFixtures.colourZip("colour-shapes"), RunImportTest::colourServer);

        RunRecord after = RunStore.readRecord(imported.dir());
        assertThat(after.hyperparameters().dataset()).isEqualTo("colour-shapes");
        assertThat(after.spec().inputOrDefault().channels()).isEqualTo(3);
        assertThat(after.classNames()).containsExactly("red", "green");
        ImageSet test = ColourTrainingTest.patches(40, 3);
        try (TrainedModel a = RunStore.load(original, Device.cpu()); TrainedModel b = RunStore.load(imported.dir(), Device.cpu())) {
            assertThat(b.probabilities(test.pixels(), test.size())).isDeepEqualTo(a.probabilities(test.pixels(), test.size()));
        }
        assertThat(listing()).containsExactly("uploaded-1");
    }

    /** Runs trained on a data set this server does not have, or not as the run says: one line each, nothing stored. */
    @Test
    void aRunOnADataSetThisServerDoesNotHaveIsRefusedAndNothingIsStored() throws IOException {
        String notHere = "This run was trained on a data set this server does not have (";
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put("\"cats-1x2y3z\"", UploadFixtures.colourZip("cats-1x2y3z"));
        // A colour run whose settings name no data set (or Fashion-MNIST): its shape is not Fashion-MNIST's.
        uploads.put("its model takes 3×32×32 (colour) images; Fashion-MNIST here has 1×28×28 (grayscale)",
                UploadFixtures.colourZip(null));
        uploads.put("its model takes 3×32×32 (colour) images; Fashion-MNIST here has 1×28×28 (grayscale))",
                UploadFixtures.colourZip("fashion-mnist"));
        // A grayscale run that claims to have trained on the colour set.
        uploads.put("its model takes 1×28×28 (grayscale) images; Colour shapes here has 3×32×32 (colour)",
                UploadFixtures.zip("colour-shapes"));
        for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
            assertThatThrownBy(() -> uploadTo(upload.getValue(), RunImportTest::colourServer)).as(upload.getKey())
                    .isInstanceOf(RunImport.RefusedException.class)
                    .hasMessageStartingWith(notHere).hasMessageContaining(upload.getKey())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(runs.toString()));
            assertThat(listing()).as("nothing stored").isEmpty();
        }
        // The right shape but other classes: a 3×32×32 set of cats and dogs.
        RunImport.Datasets catsAndDogs = key -> new RunImport.Dataset(3, 32, 32, List.of("cat", "dog"), "Pets");
        assertThatThrownBy(() -> uploadTo(UploadFixtures.colourZip("colour-shapes"), catsAndDogs))
                .isInstanceOf(RunImport.RefusedException.class)
                .hasMessage(notHere + "its classes are red, green; Pets here has 2 classes, not those); upload it to the"
                        + " ConvLab it was trained on, or import that data set here first");
        assertThat(listing()).isEmpty();
    }

    @Test
    void aDownloadedRunComesBackPredictingIdentically() throws IOException {
        Path original = UploadFixtures.run();
        RunImport.Imported imported = upload(UploadFixtures.zip(), CAPS);

        assertThat(imported.dir()).isEqualTo(runs.toAbsolutePath().normalize().resolve("uploaded-1"));
        assertThat(RunStore.isRunFolder(imported.dir())).isTrue();
        RunRecord before = RunStore.readRecord(original);
        RunRecord after = RunStore.readRecord(imported.dir());
        assertThat(after.spec()).isEqualTo(before.spec());
        assertThat(after.hyperparameters()).isEqualTo(before.hyperparameters());
        assertThat(after.history()).hasSameSizeAs(before.history());
        assertThat(after.history().getFirst().loss()).isEqualTo(before.history().getFirst().loss());
        assertThat(after.history().getFirst().validationLoss()).isNaN();
        assertThat(after.metrics().testAccuracy()).isEqualTo(before.metrics().testAccuracy());
        assertThat(after.metrics().confusionMatrix()).isDeepEqualTo(before.metrics().confusionMatrix());

        ImageSet test = FashionMnistArrays.test().first(200);
        try (TrainedModel a = RunStore.load(original, Device.cpu()); TrainedModel b = RunStore.load(imported.dir(), Device.cpu())) {
            assertThat(b.probabilities(test.pixels(), test.size())).isDeepEqualTo(a.probabilities(test.pixels(), test.size()));
        }
        // Only the new run is left: no temporary zip or folder.
        assertThat(listing()).containsExactly("uploaded-1");
    }

    @Test
    void filesAtTheTopOfTheZipAndAFolderEntryAreAcceptedToo() throws IOException {
        Map<String, byte[]> files = files();
        byte[] zip = zip(out -> {
            put(out, "my-run/", new byte[0]);
            put(out, "my-run/run.json", files.get("run.json"));
            put(out, "my-run/" + PARAMS, files.get(PARAMS));
        });
        assertThat(upload(zip, CAPS).record().spec()).isEqualTo(RunStore.readRecord(UploadFixtures.run()).spec());
        OwnFolder.delete(runs.resolve("uploaded-1"));
        byte[] flat = zip(out -> {
            put(out, "run.json", files.get("run.json"));
            put(out, PARAMS, files.get(PARAMS));
        });
        assertThat(upload(flat, CAPS).dir()).exists();
    }

    @Test
    void anExistingFolderIsNeverReplaced() throws IOException {
        Files.createDirectories(runs.resolve("uploaded-1"));
        Files.writeString(runs.resolve("uploaded-1").resolve("mine.txt"), "keep");
        assertThatThrownBy(() -> upload(UploadFixtures.zip(), CAPS)).isInstanceOf(IllegalStateException.class);
        assertThat(runs.resolve("uploaded-1").resolve("mine.txt")).hasContent("keep");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileOrBrokenUploadIsRefusedWithOneLineAndLeavesNothing(byte[] zip, RunImport.Limits caps,
            String expected) throws IOException {
        assertThatThrownBy(() -> upload(zip, caps))
                .isInstanceOf(RunImport.RefusedException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(runs.toString())
                        .doesNotContain("/tmp").hasSizeLessThan(400));
        assertThat(listing()).isEmpty();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    static Stream<Arguments> hostile() throws IOException {
        Map<String, byte[]> files = files();
        byte[] json = files.get("run.json");
        byte[] params = files.get(PARAMS);
        byte[] good = UploadFixtures.zip();
        List<Arguments> cases = new ArrayList<>();
        // Not a zip at all, or a broken one
        cases.add(bad("a text file", "hello, I am not a zip".getBytes(StandardCharsets.UTF_8), "not a zip"));
        cases.add(bad("an empty file", new byte[0], "empty"));
        cases.add(bad("a PNG renamed .zip", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "not a zip"));
        cases.add(bad("a zip cut in half", Arrays.copyOf(good, good.length / 2), "damaged"));
        cases.add(bad("a zip's header and nothing else", Arrays.copyOf(good, 30), "damaged"));
        cases.add(bad("an empty zip", zip(out -> {}), "no run.json"));
        // Bombs and sizes
        cases.add(bad("weights that expand 1000-fold (zip bomb)", zip(out -> {
            put(out, "r/run.json", json);
            put(out, "r/" + PARAMS, new byte[5 << 20]);
        }), "zip bomb"));
        cases.add(bad("a run.json of 5 MB", zip(out -> {
            put(out, "r/run.json", new byte[5 << 20]);
            put(out, "r/" + PARAMS, params);
        }), "more than a ConvLab run's file can be"));
        cases.add(Arguments.of(Named.of("an upload over the size cap", good),
                new RunImport.Limits(1000, 48L << 20, 4, 40L << 20, 4L << 20, 100), "larger than 1000 bytes"));
        cases.add(Arguments.of(Named.of("a zip unpacking past the total cap", good),
                new RunImport.Limits(40L << 20, 1000, 4, 40L << 20, 4L << 20, 100), "unpacks to more than"));
        cases.add(bad("a central directory that understates the weights' size", understated(good), "size does not match"));
        cases.add(bad("five entries", zip(out -> {
            put(out, "r/run.json", json);
            put(out, "r/" + PARAMS, params);
            for (int i = 1; i <= 3; i++) {
                put(out, "r/model-000" + i + ".params", params);
            }
        }), "5 entries"));
        // Paths
        for (String name : List.of("../run.json", "r/../../run.json", "/etc/run.json", "r\\..\\run.json", "C:/run.json",
                "c:run.json", "r/./run.json", "r//run.json", "r/run\u0000.json", "r/run\n.json", "a/b/c/run.json")) {
            cases.add(bad("an entry named " + name.replace("\n", "\\n").replace("\u0000", "\\0"), zip(out -> {
                put(out, name, json);
                put(out, "r/" + PARAMS, params);
            }), name.startsWith("a/b") ? "nested deeper" : "a path outside its own folder"));
        }
        cases.add(bad("run.json as a symlink", zip(out -> {
            ZipArchiveEntry link = new ZipArchiveEntry("r/run.json");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            write(out, link, "/etc/passwd".getBytes(StandardCharsets.UTF_8));
            put(out, "r/" + PARAMS, params);
        }), "a link"));
        cases.add(bad("run.json twice", zip(out -> {
            put(out, "r/run.json", json);
            put(out, "r/run.json", json);
            put(out, "r/" + PARAMS, params);
        }), "twice"));
        cases.add(bad("a folder named run.json", zip(out -> {
            put(out, "r/run.json/", new byte[0]);
            put(out, "r/" + PARAMS, params);
        }), "a folder"));
        cases.add(bad("an extra notes.txt", zip(out -> {
            put(out, "r/run.json", json);
            put(out, "r/" + PARAMS, params);
            put(out, "r/notes.txt", "hi".getBytes(StandardCharsets.UTF_8));
        }), "not part of a ConvLab run"));
        cases.add(bad("two weights files", zip(out -> {
            put(out, "r/run.json", json);
            put(out, "r/" + PARAMS, params);
            put(out, "r/model-0001.params", params);
        }), "not part of a ConvLab run"));
        cases.add(bad("files in two folders", zip(out -> {
            put(out, "a/run.json", json);
            put(out, "b/" + PARAMS, params);
        }), "not all in one run folder"));
        cases.add(bad("only the weights", zip(out -> put(out, "r/" + PARAMS, params)), "no run.json"));
        cases.add(bad("only run.json", zip(out -> put(out, "r/run.json", json)), "no weights"));
        // run.json that is not a run record
        cases.add(bad("run.json that is not JSON", withJson("this is not json"), "run.json is not a ConvLab run record"));
        cases.add(bad("run.json that is null", withJson("null"), "run.json"));
        cases.add(bad("run.json that is an array", withJson("[1, 2]"), "run.json is not a ConvLab run record"));
        cases.add(bad("run.json with trailing tokens", withJson(new String(json, StandardCharsets.UTF_8) + " {}"),
                "goes on after its closing"));
        cases.add(bad("run.json with an unknown field", mutated(r -> r.put("owner", "admin")), "owner"));
        cases.add(bad("params given as text", mutated(r -> r.put("params", "26000")), "params"));
        cases.add(bad("run format 2", mutated(r -> r.put("format", 2)), "run format 2"));
        cases.add(bad("no spec", mutated(r -> r.remove("spec")), "no model spec"));
        cases.add(bad("no settings", mutated(r -> r.remove("hyperparameters")), "no settings"));
        cases.add(bad("a layer type that does not exist", mutated(r -> layer(r, 0).put("type", "quantum")), "quantum"));
        cases.add(bad("a dense layer of 0 units", mutated(r -> layer(r, 5).put("units", 0)), "model is not one this server accepts"));
        cases.add(bad("a model too large for the server", mutated(r -> layer(r, 5).put("units", 4_000_000)),
                "model is not one this server accepts"));
        cases.add(bad("a model with no output layer", mutated(r -> ((ArrayNode) r.get("spec").get("layers")).remove(6)),
                "model is not one this server accepts"));
        cases.add(bad("a model for 32×32 colour images", mutated(r -> ((ObjectNode) r.get("spec")).putObject("input")
                .put("height", 32).put("width", 32).put("channels", 3)), "This run was trained on a data set this server does not have (its model takes 3×32×32 (colour) images; Fashion-MNIST here has 1×28×28 (grayscale))"));
        cases.add(bad("other classes", mutated(r -> ((ArrayNode) r.get("classNames")).set(0, "Cat")), "classes"));
        cases.add(bad("no class names", mutated(r -> r.remove("classNames")), "classes"));
        cases.add(bad("epochs of -1", mutated(r -> ((ObjectNode) r.get("hyperparameters")).put("epochs", -1)),
                "settings are not ones this server accepts"));
        cases.add(bad("a batch size of a billion", mutated(r -> ((ObjectNode) r.get("hyperparameters")).put("batchSize",
                1_000_000_000)), "settings are not ones this server accepts"));
        cases.add(bad("a parameter count that lies", mutated(r -> r.put("params", 7)), "params says 7"));
        cases.add(bad("a test accuracy of 7", mutated(r -> ((ObjectNode) r.get("metrics")).put("testAccuracy", 7)),
                "testAccuracy"));
        cases.add(bad("a test loss of -1", mutated(r -> ((ObjectNode) r.get("metrics")).put("testLoss", -1)), "testLoss"));
        cases.add(bad("an absurd loss in the history", mutated(r -> ((ObjectNode) r.get("history").get(0)).put("loss", 1e300)),
                "loss"));
        cases.add(bad("a history longer than the epochs", mutated(r -> ((ArrayNode) r.get("history"))
                .add(r.get("history").get(0).deepCopy()).add(r.get("history").get(0).deepCopy())), "history"));
        cases.add(bad("a history out of order", mutated(r -> ((ObjectNode) r.get("history").get(0)).put("epoch", 9)),
                "history entry 1"));
        cases.add(bad("a 3×3 confusion matrix", mutated(r -> ((ObjectNode) r.get("metrics")).putArray("confusionMatrix")
                .add(r.arrayNode().add(1).add(2).add(3))), "confusion matrix"));
        cases.add(bad("negative counts in the confusion matrix", mutated(r -> ((ArrayNode) r.get("metrics")
                .get("confusionMatrix").get(0)).set(0, -5)), "confusion matrix"));
        cases.add(bad("no metrics (an unfinished run)", mutated(r -> r.putNull("metrics")), "metrics are missing"));
        cases.add(bad("a creation time that is not a time", mutated(r -> r.put("createdAt", "yesterday")), "createdAt"));
        cases.add(bad("a 1,000-character stop reason", mutated(r -> r.put("stopReason", "x".repeat(1000))), "stopReason"));
        cases.add(bad("a device name with a line break", mutated(r -> r.put("device", "cpu\nrm -rf /")), "device"));
        cases.add(bad("negative training images", mutated(r -> r.put("trainImages", -1)), "trainImages"));
        cases.add(bad("infinite training seconds", mutated(r -> r.put("trainSeconds", 1e308)), "trainSeconds"));
        // Weights that are not the spec's
        cases.add(bad("weights that are random bytes", withParams(new byte[4096]), "missing from the file"));
        cases.add(bad("weights cut short", withParams(Arrays.copyOf(params, params.length / 2)), "ends too early"));
        cases.add(bad("weights of another model (9 filters, not 8)", mutated(r -> {
            layer(r, 0).put("filters", 9);
            r.put("params", ModelValidator.validate(ModelSpecJson.parse(r.get("spec").toString())).totalParams());
        }), "should be (9, 1, 3, 3), the file has (8, 1, 3, 3)"));
        return cases.stream();
    }

    /** The zip with the weights' uncompressed size in the central directory set to 100 bytes. */
    private static byte[] understated(byte[] zip) {
        byte[] patched = zip.clone();
        for (int i = 0; i + 46 < patched.length; i++) {
            if (patched[i] == 'P' && patched[i + 1] == 'K' && patched[i + 2] == 1 && patched[i + 3] == 2) {
                int nameLength = (patched[i + 28] & 0xff) | (patched[i + 29] & 0xff) << 8;
                String name = new String(patched, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.endsWith(".params")) {
                    patched[i + 24] = 100;
                    patched[i + 25] = 0;
                    patched[i + 26] = 0;
                    patched[i + 27] = 0;
                }
            }
        }
        return patched;
    }

    private static Arguments bad(String name, byte[] zip, String expected) {
        return Arguments.of(Named.of(name, zip), CAPS, expected);
    }

    private static ObjectNode layer(ObjectNode record, int index) {
        return (ObjectNode) record.get("spec").get("layers").get(index);
    }

    /** The good run's two files. */
    private static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(UploadFixtures.zip()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName().substring(e.getName().indexOf('/') + 1), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] mutated(Consumer<ObjectNode> change) {
        try {
            ObjectNode record = (ObjectNode) OwnJson.MAPPER.readTree(files().get("run.json"));
            change.accept(record);
            return withJson(OwnJson.MAPPER.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withJson(String json) {
        try {
            byte[] params = files().get(PARAMS);
            return zip(out -> {
                put(out, "r/run.json", json.getBytes(StandardCharsets.UTF_8));
                put(out, "r/" + PARAMS, params);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withParams(byte[] params) {
        try {
            byte[] json = files().get("run.json");
            return zip(out -> {
                put(out, "r/run.json", json);
                put(out, "r/" + PARAMS, params);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Entries {
        void write(ZipArchiveOutputStream out) throws IOException;
    }

    /** A zip written entry by entry, as an attacker might: duplicates, links and odd names allowed. */
    static byte[] zip(Entries entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            entries.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void put(ZipArchiveOutputStream out, String name, byte[] data) throws IOException {
        write(out, new ZipArchiveEntry(name), data);
    }

    private static void write(ZipArchiveOutputStream out, ZipArchiveEntry entry, byte[] data) throws IOException {
        out.putArchiveEntry(entry);
        out.write(data);
        out.closeArchiveEntry();
    }

}
