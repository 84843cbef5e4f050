package org.convlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** bench/class.sh's options: the issue's defaults, one clear line for each mistake, and which short run is used. */
class ClassBenchmarkOptionsTest {

    @TempDir
    Path dir;
    private List<String> given;

    @BeforeEach
    void scriptArguments() throws IOException {
        Path jar = Files.createFile(dir.resolve("convlab.jar"));
        Path data = Files.createDirectory(dir.resolve("data"));
        given = new ArrayList<>(List.of("--work", dir.toString(), "--logs", dir.toString(), "--jar", jar.toString(),
                "--data-dir", data.toString()));
    }

    private ClassBenchmarkOptions parse(String... more) {
        List<String> args = new ArrayList<>(given);
        args.addAll(List.of(more));
        return ClassBenchmarkOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void withoutOptionsItIsTheIssuesClass() {
        ClassBenchmarkOptions o = parse();

        assertThat(o.learners()).isEqualTo(30);
        assertThat(o.policies()).containsExactly("fifo", "fair");
        assertThat(o.slice()).isEqualTo(30);
        assertThat(o.longImages()).isEqualTo(30_000);
        assertThat(o.longEpochs()).isEqualTo(2);
        assertThat(o.shortPreset()).isEqualTo("keras-cnn");
        assertThat(o.shortImages()).isEqualTo(2_000);
        assertThat(o.shortEpochs()).isEqualTo(1);
        assertThat(o.maxMinutes()).isEqualTo(60);
    }

    @Test
    void optionsChangeTheClass() {
        ClassBenchmarkOptions o = parse("--learners", "3", "--policies", "fair", "--slice", "12.5", "--long-images", "2000",
                "--long-epochs", "1", "--short-images", "500", "--max-minutes", "20");

        assertThat(o.learners()).isEqualTo(3);
        assertThat(o.policies()).containsExactly("fair");
        assertThat(o.slice()).isEqualTo(12.5);
        assertThat(o.longImages()).isEqualTo(2000);
        assertThat(o.shortImages()).isEqualTo(500);
        assertThat(o.maxMinutes()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--learners|x|--learners must be a whole number",
        "--learners|0|--learners must be from 1 to 200",
        "--learners|201|--learners must be from 1 to 200",
        "--learners|''|--learners must be a whole number",
        "--learners|3.5|--learners must be a whole number",
        "--policies|lifo|--policies takes fifo and/or fair",
        "--policies|fifo,fifo|--policies names fifo twice",
        "--policies|fair,|--policies takes fifo and/or fair",
        "--policies|''|--policies takes fifo and/or fair",
        "--slice|0|--slice must be from 1 to 3600",
        "--slice|-30|--slice must be from 1 to 3600",
        "--slice|NaN|--slice must be from 1 to 3600",
        "--slice|thirty|--slice must be a number",
        "--long-images|99|--long-images must be from 100 to 60000",
        "--long-images|60001|--long-images must be from 100 to 60000",
        "--long-epochs|0|--long-epochs must be from 1 to 100",
        "--short-images|-1|--short-images must be from 100 to 60000",
        "--short-epochs|101|--short-epochs must be from 1 to 100",
        "--short-preset|../etc/passwd|--short-preset must be a preset's name",
        "--short-preset|''|--short-preset must be a preset's name",
        "--max-minutes|0|--max-minutes must be from 1 to 1440",
        "--max-minutes|Infinity|--max-minutes must be from 1 to 1440",
        "--learner|3|unknown option '--learner'",
    })
    void aMistakeIsNamedInOneLine(String option, String value, String message) {
        assertThatThrownBy(() -> parse(option, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> parse("--slice")).hasMessage("--slice needs a value");
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws IOException {
        Files.delete(dir.resolve("convlab.jar"));

        assertThatThrownBy(this::parse).hasMessageContaining("./mvnw -B -q -o -DskipTests package");
    }

    @Test
    void theShortRunIsTheTrainPagesDefaultWhenTheAppGivesIt() {
        ObjectNode run = ClassBenchmark.shortRun(200,
                "{\"preset\":\"baseline-cnn\",\"hyperparameters\":{\"epochs\":1,\"limit\":6000},\"estimatedSeconds\":40}", parse());

        assertThat(run.get("source").asString()).isEqualTo("GET /api/runs/defaults");
        assertThat(run.get("request").get("preset").asString()).isEqualTo("baseline-cnn");
        assertThat(run.get("request").get("hyperparameters").get("limit").asInt()).isEqualTo(6000);
        assertThat(run.get("estimatedSeconds").asInt()).isEqualTo(40);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404|{}|answered 404",
        "-1||answered nothing",
        "200|<html>|answered 200 with no JSON",
        "200|{\"estimatedSeconds\":40}|answered 200 without a preset and hyperparameters",
        "200|{\"preset\":\"dense\"}|answered 200 without a preset and hyperparameters",
    })
    void otherwiseItIsTheOptionsRun(int status, String body, String why) {
        ObjectNode run = ClassBenchmark.shortRun(status, body, parse("--short-preset", "dense", "--short-images", "700"));

        assertThat(run.get("source").asString()).isEqualTo("options (GET /api/runs/defaults " + why + ")");
        assertThat(run.get("request").get("preset").asString()).isEqualTo("dense");
        assertThat(run.get("request").get("hyperparameters").get("limit").asInt()).isEqualTo(700);
        assertThat(run.get("request").get("hyperparameters").get("epochs").asInt()).isEqualTo(1);
    }
}
