package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    @Test
    void printsKerasTable() {
        CliRun r = CliRun.of("summary", "--preset", "keras-cnn");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Total params: 485,514").contains("max_pooling2d_1 (MaxPooling2D)");
    }

    @Test
    void printsTheColourPresetForCifar() {
        CliRun r = CliRun.of("summary", "--preset", "cifar-cnn");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Model: \"cifar-cnn\"").contains("conv2d (Conv2D)").contains("(None, 30, 30, 32)")
                .contains("896").contains("(None, 1600)").contains("Total params: 890,410");
    }

    @Test
    void printsJson() throws Exception {
        CliRun r = CliRun.of("summary", "--preset", "baseline-cnn", "--json");
        assertThat(r.exitCode()).isZero();
        var node = JsonOutput.mapper().readTree(r.out());
        assertThat(node.get("totalParams").asLong()).isEqualTo(542_230);
        assertThat(node.get("layers").get(0).get("outputShape").asString()).isEqualTo("(None, 26, 26, 32)");
    }

    @Test
    void readsASpecFileAndReportsProblemsOnOneLine(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\"layers\":[{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3},{\"type\":\"dense\",\"units\":10}]}");
        CliRun r = CliRun.of("summary", "--spec", spec.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: layer 2 (dense): its input is an image");
    }

    @Test
    void needsExactlyOneModel() {
        assertThat(CliRun.of("summary").err()).contains("give either --preset NAME or --spec FILE");
        assertThat(CliRun.of("summary", "--preset", "nope").err()).contains("unknown preset 'nope'");
    }
}
