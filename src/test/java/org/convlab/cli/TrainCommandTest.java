package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** train → JSON on stdout only → saved run → evaluate gives the same accuracy. */
class TrainCommandTest {

    private static final String TINY = """
            {"name": "tiny", "layers": [
              {"type": "conv2d", "filters": 8, "kernel": 3, "padding": "same", "activation": "relu"},
              {"type": "maxpool", "pool": 2},
              {"type": "flatten"},
              {"type": "dense", "units": 32, "activation": "relu"},
              {"type": "dense", "units": 10, "activation": "softmax"}]}
            """;

    @Test
    void trainsEvaluatesSavesAndReEvaluates(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, TINY);
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--spec", spec.toString(), "--epochs", "1",
                "--limit", "2000", "--device", "cpu", "--out", run.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out()); // stdout is nothing but JSON
        assertThat(json.get("device").asString()).startsWith("cpu");
        assertThat(json.get("params").asLong()).isEqualTo(80 + 1568 * 32 + 32 + 330);
        // --limit 2000 with the default 10% stratified validation split (rounded per class)
        assertThat(json.get("trainImages").asInt() + json.get("validationImages").asInt()).isEqualTo(2000);
        assertThat(json.get("trainImages").asInt()).isBetween(1790, 1810);
        JsonNode epoch = json.get("history").get(0);
        assertThat(epoch.get("seconds").asDouble()).isPositive();
        assertThat(epoch.get("imagesPerSecond").asDouble()).isPositive();
        double accuracy = json.get("testAccuracy").asDouble();
        assertThat(accuracy).isGreaterThan(0.5);
        assertThat(json.get("testLoss").asDouble()).isPositive();
        assertThat(json.get("confusionMatrix").size()).isEqualTo(10);
        assertThat(json.get("report").get("macro").get("f1").asDouble()).isPositive();
        assertThat(run.resolve("run.json")).exists();

        CliRun again = CliRun.of("evaluate", "--model", run.toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(JsonOutput.mapper().readTree(again.out()).get("testAccuracy").asDouble()).isEqualTo(accuracy);
    }

    /** --recipe: the recipe's model and settings; an option given as well replaces only that setting. */
    @Test
    void aRecipeGivesItsModelAndSettingsAndOptionsGivenGoOverThem(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("train", "--recipe", "quick", "--epochs", "1", "--limit", "1000", "--device", "cpu",
                "--out", dir.resolve("run").toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("model").asString()).isEqualTo("quick-cnn");
        JsonNode hp = json.get("hyperparameters");
        assertThat(hp.get("epochs").asInt()).isEqualTo(1);
        assertThat(hp.get("limit").asInt()).isEqualTo(1000);
        assertThat(hp.get("batchSize").asInt()).isEqualTo(128);
        assertThat(hp.get("learningRate").asDouble()).isEqualTo(0.003);
        assertThat(hp.get("validationSplit").asDouble()).isZero();
        assertThat(hp.get("schedule").get("kind").asString()).isEqualTo("one-cycle");
        assertThat(json.get("trainImages").asInt()).isEqualTo(1000);

        assertThat(CliRun.of("train", "--recipe", "slow").err())
                .isEqualTo("error: unknown recipe 'slow' (known: " + String.join(", ",
                        org.convlab.training.engine.Recipes.names()) + ")\n");
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThat(CliRun.of("train", "--preset", "dense", "--epochs", "0").err())
                .isEqualTo("error: epochs must be at least 1, not 0\n");
        assertThat(CliRun.of("train", "--preset", "dense", "--optimizer", "lbfgs").err())
                .startsWith("error: unknown optimizer 'lbfgs'");
        assertThat(CliRun.of("train", "--preset", "dense", "--device", "gpu", "--limit", "10").err())
                .startsWith("error: a GPU was asked for but none is usable");
        assertThat(CliRun.of("train", "--preset", "dense", "--schedule", "exponential").err())
                .contains("unknown learning-rate schedule 'exponential' (known: constant, step, cosine, one-cycle)");
        assertThat(CliRun.of("train", "--preset", "dense", "--epochs", "2", "--schedule", "cosine", "--warmup", "2").err())
                .contains("warm-up is 2 epochs but the run has 2");
        assertThat(CliRun.of("train", "--preset", "dense", "--warmup", "-1").err())
                .contains("warm-up must be 0 (none) or more epochs, not -1");
        assertThat(CliRun.of("evaluate", "--model", "/nonexistent").err())
                .contains("is not a ConvLab run folder");
    }

    @Test
    void outNeverReplacesSomeoneElsesFileOrFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("essay.txt");
        Files.writeString(file, "my essay");
        Path folder = dir.resolve("project");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("main.py"), "print('hi')");
        for (Path out : new Path[] {file, folder}) {
            CliRun r = CliRun.of("train", "--preset", "dense", "--epochs", "1", "--limit", "100", "--device", "cpu",
                    "--out", out.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("error: " + out).contains("ConvLab will not replace it").doesNotContain("\tat ");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
        assertThat(file).hasContent("my essay");
        assertThat(folder.resolve("main.py")).hasContent("print('hi')");
    }

    @Test
    void runFoldersStayInsideTheRunsFolderWhateverTheModelIsCalled(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        for (String name : new String[] {"../../escaped", "..", ".", "/etc/passwd", "a/b/../../../c", "x".repeat(300)}) {
            Path folder = TrainCommand.freshRunFolder(runs, name);
            assertThat(folder.getParent()).isEqualTo(runs);
            assertThat(folder.normalize().startsWith(runs)).isTrue();
            assertThat(folder.getFileName().toString()).doesNotStartWith(".").hasSizeLessThan(100);
        }
        Files.createDirectories(TrainCommand.freshRunFolder(runs, "same"));
        assertThat(TrainCommand.freshRunFolder(runs, "same")).as("never an existing folder").doesNotExist();
    }

    @Test
    void hostileSettingsAndSpecsAreRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        assertThat(CliRun.of("train", "--preset", "dense", "--threads", "100000").err())
                .startsWith("error: threads is 100000; this server allows at most");
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"name\":\"huge\",\"input\":{\"channels\":1,\"height\":100000,\"width\":100000},"
                + "\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]}");
        assertThat(CliRun.of("train", "--spec", huge.toString()).err())
                .contains("input: height must be at most 1,024, not 100,000").doesNotContain("overflow");
        Path fraction = dir.resolve("fraction.json");
        Files.writeString(fraction, "{\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10.7}]}");
        assertThat(CliRun.of("train", "--spec", fraction.toString()).err()).contains("layer 2: units: must be a whole number, not 10.7");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[300 * 1024]);
        assertThat(CliRun.of("train", "--spec", big.toString()).err()).contains("is larger than 256 KB");
        assertThat(CliRun.of("train", "--spec", dir.resolve("missing.json").toString()).err()).contains("is not a file");
    }
}
