package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convlab.dataset.HostileData;
import org.convlab.dataset.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class DataCommandTest {

    @Test
    void statsAsJsonCarryEveryFigure() {
        CliRun result = CliRun.of("data", "stats", "--split", "test", "--json",
                "--data", DatasetService.defaultFolder().toString());
        assertThat(result.exitCode()).isZero();
        JsonNode root = JsonOutput.mapper().readTree(result.out());
        assertThat(root.get("dataset").asString()).isEqualTo("Fashion-MNIST");
        JsonNode test = root.get("splits").get(0);
        assertThat(test.get("split").asString()).isEqualTo("test");
        assertThat(test.get("images").asInt()).isEqualTo(10_000);
        assertThat(test.get("classes")).hasSize(10);
        assertThat(test.get("classes").get(9).get("name").asString()).isEqualTo("Ankle boot");
        assertThat(test.get("classes").get(9).get("count").asInt()).isEqualTo(1_000);
        assertThat(test.get("pixelRange").get("min").asInt()).isZero();
        assertThat(test.get("pixelRange").get("max").asInt()).isEqualTo(255);
        JsonNode matrix = test.get("classMeanCorrelation").get("matrix");
        assertThat(matrix).hasSize(10);
        assertThat(matrix.get(3)).hasSize(10);
        assertThat(matrix.get(3).get(3).asDouble()).isEqualTo(1.0);
        assertThat(test.get("classMeanCorrelation").get("mostSimilar").get("classes")).hasSize(2);
    }

    @Test
    void bothSplitsAsATable() {
        CliRun result = CliRun.of("data", "stats", "--data", DatasetService.defaultFolder().toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("train split: 60,000 images", "test split: 10,000 images",
                "Ankle boot", "Most alike:", "Least alike:");
    }

    /** Class names longer than Fashion-MNIST's ("purple circle") widen the column instead of shifting the rows. */
    @Test
    void theColourDemoSetsTableStaysAligned() {
        CliRun result = CliRun.of("data", "stats", "--split", "test", "--data", "data/colour-shapes");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Colour shapes, test split: 1,500 images");
        List<String> rows = result.out().lines().filter(l -> l.matches("  \\d+ +\\S.*")).toList();
        assertThat(rows).hasSize(10);
        assertThat(rows).extracting(l -> l.indexOf(" 150 ")).containsOnly(rows.getFirst().indexOf(" 150 "));
        List<String> matrix = result.out().lines().filter(l -> l.matches("  [a-z]+ (circle|square) .*")).toList();
        assertThat(matrix).hasSize(10);
        assertThat(matrix).extracting(String::length).containsOnly(matrix.getFirst().length());
    }

    @Test
    void aBrokenDataFolderGivesOneLineAndNoStackTrace(@TempDir Path empty) {
        CliRun result = CliRun.of("data", "stats", "--json", "--data", empty.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).startsWith("error: train-images-idx3-ubyte.gz: file not found")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    /**
     * The hostile corpus through the command a learner types: one line on stderr naming the file
     * and the problem (and the path the user gave, which the command line may show), exit code 1,
     * nothing on stdout, no stack trace, no OutOfMemoryError, no "NullPointerException".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convlab.dataset.HostileData#cases")
    void everyHostileDataFolderGivesOneClearLine(HostileData.Case bad, @TempDir Path dir) throws IOException {
        Path folder = bad.prepare(dir);

        CliRun result = CliRun.of("data", "stats", "--json", "--data", folder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        String line = result.err().strip();
        assertThat(line).doesNotContain("\n", "Exception", "\tat ").contains(bad.problem(), folder.toString());
        assertThat(line).startsWith("error: " + (bad.file() == null ? "data folder data " : bad.file() + ": "));
    }

    @Test
    void commandsAreRecognisedAndWebOptionsAreNot() {
        assertThat(ConvLabCli.isCommand(new String[] {"data", "stats"})).isTrue();
        assertThat(ConvLabCli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(ConvLabCli.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(ConvLabCli.isCommand(new String[0])).isFalse();
        assertThat(ConvLabCli.isCommand(new String[] {"help"})).isTrue();
    }

    @Test
    void helpIsACommand() {
        CliRun result = CliRun.of("help", "data");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: convlab data");
    }
}
