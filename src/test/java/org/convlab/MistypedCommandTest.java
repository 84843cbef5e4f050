package org.convlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convlab.cli.ConvLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A first argument that is neither an option nor a command starts nothing: a typo is not a web server. */
class MistypedCommandTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"trian, train", "dat, data", "DATA, data", "woker, worker", "evalute, evaluate",
        "lessons, lesson", "sumary, summary", "hepl, help", "explian, explain"})
    void aTypoIsRefusedWithTheNearestCommand(String typed, String meant) {
        assertThat(ConvLabCli.notACommand(new String[] {typed}, ConvLabApplication.WORKER)).get().asString()
                .startsWith("convlab: '" + typed + "' is not a command. Did you mean '" + meant + "'?")
                .contains("Commands: data, lesson, summary, train, evaluate, explain, help, worker").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"serve", "start", "x", "8080", "/etc/passwd", "runs"})
    void aWordFarFromEveryCommandGetsTheList(String typed) {
        assertThat(ConvLabCli.notACommand(new String[] {typed, "--server.port=9000"}, ConvLabApplication.WORKER))
                .get().asString().startsWith("convlab: '" + typed + "' is not a command. Commands: data,");
    }

    @Test
    void aHugeOrControlCharacterArgumentIsShownShortAndPrintable() {
        String refusal = ConvLabCli.notACommand(new String[] {"\u001b[2J" + "a".repeat(10_000)}).orElseThrow();
        assertThat(refusal).hasSizeLessThan(300).doesNotContain("\u001b");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--server.port=9000", "--spring.profiles.active=postgres", "-Dx=y", "worker", "data",
        "help", "--help", "-V"})
    void optionsCommandsAndWorkerAreNotRefused(String first) {
        assertThat(ConvLabCli.notACommand(new String[] {first}, ConvLabApplication.WORKER)).isEmpty();
        assertThat(ConvLabCli.notACommand(new String[0], ConvLabApplication.WORKER)).isEmpty();
    }

    /**
     * As a learner runs it: a JVM in an empty folder. Before, "trian" started the web app on port
     * 8080 and made db/ and runs/ there (and never exited, which the wait below would catch).
     */
    @Test
    void theJarExitsNonZeroAndCreatesNothing(@TempDir Path here, @TempDir Path logs)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = logs.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ConvLabApplication.class.getName(), "trian", "--epochs", "1"))
                .directory(here.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);

        assertThat(exited).as("the process exits by itself; stderr: %s", err).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.strip()).startsWith("convlab: 'trian' is not a command. Did you mean 'train'?")
                .doesNotContain("\n");
        try (var created = Files.list(here)) {
            assertThat(created).as("files created in the working folder").isEmpty();
        }
    }
}
