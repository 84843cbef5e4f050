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

    @Test
    void badSettingsAreRefusedClearly() {
        assertThat(CliRun.of("train", "--preset", "dense", "--epochs", "0").err())
                .isEqualTo("error: epochs must be at least 1, not 0\n");
        assertThat(CliRun.of("train", "--preset", "dense", "--optimizer", "lbfgs").err())
                .startsWith("error: unknown optimizer 'lbfgs'");
        assertThat(CliRun.of("train", "--preset", "dense", "--device", "gpu", "--limit", "10").err())
                .startsWith("error: a GPU was asked for but none is usable");
        assertThat(CliRun.of("evaluate", "--model", "/nonexistent").err())
                .contains("is not a ConvLab run folder");
    }
}
