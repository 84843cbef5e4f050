package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line speaks the language of the process (LANG=de_DE.UTF-8 sets Java's default
 * locale): its tables, refusals and help in German or Spanish, with the numbers written as those
 * languages write them, while --json keeps code syntax.
 */
class GermanAndSpanishOutputTest {

    private Locale before;

    @BeforeEach
    void german() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void theSummaryIsGermanWithGermanNumbers() {
        CliRun r = CliRun.of("summary", "--preset", "keras-cnn");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Modell: \"keras-cnn\"", "Schicht (Typ)", "Ausgabeform",
                        "max_pooling2d_1 (MaxPooling2D)", "409.728", "Parameter insgesamt: 485.514")
                .doesNotContain("485,514", "Total params");
    }

    @Test
    void aModelThatCannotWorkIsRefusedInGerman(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\"layers\":[{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3},{\"type\":\"dense\",\"units\":10}]}");
        CliRun r = CliRun.of("summary", "--spec", spec.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Fehler: Schicht 2 (dense): Die Eingabe dieser Schicht ist ein Bild von 8×26×26"
                + " (Kanäle×Höhe×Breite); füge vor der ersten Dense-Schicht eine Flatten-Schicht (Abflachen) ein\n");
        assertThat(CliRun.of("summary").err()).startsWith("Fehler: Gib entweder --preset NAME oder --spec DATEI an");
    }

    @Test
    void theHelpIsGerman() {
        CliRun r = CliRun.of("train", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Aufruf: convlab train")
                .contains("Trainiert ein Modell auf einem Datensatz", "Lernrate (learning rate",
                        "Datenaugmentation: zufällige Drehung", "Zeigt diese Hilfe und beendet das Programm.")
                .doesNotContain("Learning rate");
        assertThat(CliRun.of("--help").out()).contains("Befehle:", "Lerne, wie Faltungsnetze (CNNs) funktionieren");
    }

    @Test
    void argumentsPicocliCannotReadAreExplainedInGerman() {
        CliRun missing = CliRun.of("explain", "--image", "0", "--layer", "1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Erforderliche Option fehlt: '--model'").contains("Aufruf: convlab explain");
        CliRun unknown = CliRun.of("summary", "--preset", "keras-cnn", "--bogus");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unbekannte Option oder unbekanntes Argument: '--bogus'");
    }

    @Test
    void jsonKeepsCodeSyntaxInGermanToo() throws Exception {
        CliRun r = CliRun.of("summary", "--preset", "keras-cnn", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("485514").doesNotContain("485.514");
        assertThat(JsonOutput.mapper().readTree(r.out()).get("totalParams").asLong()).isEqualTo(485_514);
    }

    @Test
    void spanishReadsSpanish() {
        Locale.setDefault(Locale.of("es", "ES"));
        CliRun r = CliRun.of("summary", "--preset", "keras-cnn");
        assertThat(r.out()).contains("Capa (tipo)", "Parámetros totales: 485.514");
        assertThat(CliRun.of("lesson", "xo").out()).contains("Ganadora: X", "X: posiciones 1, 4, 5, 10, 11 -> 0,9120");
    }

    private static final String TINY = """
            {"name": "tiny", "layers": [
              {"type": "conv2d", "filters": 4, "kernel": 3, "activation": "relu"},
              {"type": "maxpool", "pool": 2},
              {"type": "flatten"},
              {"type": "dense", "units": 10, "activation": "softmax"}]}""";

    @Test
    void trainAndEvaluatePrintTheReportAndExplainRefusesInGerman(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.json"), TINY);
        Path run = dir.resolve("run");
        CliRun trained = CliRun.of("train", "--spec", spec.toString(), "--epochs", "1", "--limit", "300",
                "--device", "cpu", "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("Präzision", "Trefferquote", "Testbilder", "Genauigkeit", "Makro-Mittel",
                "gewichtetes Mittel").doesNotContain("precision", "recall", "macro avg", "weighted avg");
        // every score in the table has a decimal comma: "0,1234", never "0.1234"
        assertThat(trained.out().lines().filter(line -> line.contains("Makro-Mittel")).findFirst().orElseThrow())
                .containsPattern("[01],\\d{4}").doesNotContainPattern("[01]\\.\\d{4}");

        CliRun evaluated = CliRun.of("evaluate", "--model", run.toString(), "--device", "cpu");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("Präzision", "gewichtetes Mittel").doesNotContain("weighted avg")
                .containsPattern("gewichtetes Mittel +[01],\\d{4}");

        CliRun explained = CliRun.of("explain", "--model", run.toString(), "--image", "0", "--layer", "9");
        assertThat(explained.exitCode()).isEqualTo(1);
        assertThat(explained.err()).isEqualTo("Fehler: Schicht 9 gibt es nicht (das Modell hat die Schichten 1..4)\n");
    }

    @Test
    void aModelThatDoesNotFitTheDataIsRefusedInGerman(@TempDir Path dir) throws Exception {
        Path datasets = dir.resolve("datasets");
        CliRun imported = CliRun.of("data", "import", DataImportCommandTest.shapesZip(dir.resolve("shapes.zip"), 10)
                .toString(), "--name", "Formen", "--color", "--datasets-dir", datasets.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path spec = Files.writeString(dir.resolve("tiny.json"), TINY);
        CliRun r = CliRun.of("train", "--spec", spec.toString(), "--dataset", "formen", "--datasets-dir",
                datasets.toString(), "--epochs", "1", "--device", "cpu", "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Fehler: 2 Probleme")
                .contains("das Modell erwartet Bilder der Form 1×28×28", "das Modell endet mit 10 Klassen, aber")
                .doesNotContain("the model");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aDataImportIsRefusedInGerman(@TempDir Path dir) throws Exception {
        Path notAZip = Files.writeString(dir.resolve("bilder.zip"), "keine Bilder");
        CliRun r = CliRun.of("data", "import", notAZip.toString(), "--name", "Bilder", "--datasets-dir",
                dir.resolve("datasets").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Fehler: die Datei ist kein Zip; wähle ein .zip mit einem Bilderordner pro Klasse\n");
    }

    @Test
    void aBrokenDataFolderIsExplainedInGermanWithItsPath(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("data", "stats", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Fehler: ").contains(dir.toString()).doesNotContain("not found", "file");
    }

    @Test
    void unknownSettingNamesAreRefusedInGerman() {
        assertThat(CliRun.of("train", "--preset", "dense", "--optimizer", "lbfgs").err())
                .startsWith("Fehler: unbekannter Optimierer 'lbfgs' (bekannt: sgd, momentum,");
        assertThat(CliRun.of("train", "--preset", "dense", "--device", "tpu").err())
                .isEqualTo("Fehler: unbekanntes Gerät 'tpu' (bekannt: cpu, gpu, auto)\n");
        assertThat(CliRun.of("train", "--preset", "dense", "--schedule", "exponential").err())
                .startsWith("Fehler: unbekannter Zeitplan für die Lernrate (learning-rate schedule) 'exponential'");
        assertThat(CliRun.of("train", "--recipe", "slow").err()).startsWith("Fehler: unbekanntes Rezept 'slow' (bekannt: ");
        assertThat(CliRun.of("train", "--preset", "dense", "--epochs", "0").err()).startsWith("Fehler: ")
                .doesNotContain("epochs");
    }

    @Test
    void aFolderThatIsNotARunIsRefusedInGerman(@TempDir Path dir) throws Exception {
        Path notARun = Files.createDirectory(dir.resolve("bilder"));
        assertThat(CliRun.of("evaluate", "--model", notARun.toString()).err())
                .isEqualTo("Fehler: bilder ist kein Laufordner von ConvLab (es fehlt run.json)\n");
        assertThat(CliRun.of("explain", "--model", notARun.toString(), "--image", "0", "--layer", "1").err())
                .isEqualTo("Fehler: bilder ist kein Laufordner von ConvLab (es fehlt run.json)\n");
        Path file = Files.writeString(dir.resolve("notizen.txt"), "bleibt");
        assertThat(CliRun.of("train", "--preset", "dense", "--limit", "10", "--out", file.toString()).err())
                .isEqualTo("Fehler: " + file + " gibt es schon, und es ist kein Ordner; ConvLab ersetzt es nicht."
                        + " Wähle einen neuen Ordner.\n");
        assertThat(file).hasContent("bleibt");
    }

    @Test
    void aDataSetThatCannotBeUsedIsListedWithItsProblemInGerman(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("dataset.json"), "  ");
        CliRun list = CliRun.of("data", "list", "--datasets-dir", dir.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("broken        nicht nutzbar: dataset.json: ist leer: Schreib ein JSON-Objekt hinein")
                .doesNotContain("is empty");
        CliRun json = CliRun.of("data", "list", "--datasets-dir", dir.toString(), "--json");
        assertThat(JsonOutput.mapper().readTree(json.out()).get(2).get("problem").asString())
                .startsWith("dataset.json: is empty: write a JSON object");
    }

    @Test
    void theXoLessonsTitlesAndCaptionsAreSpanish() {
        Locale.setDefault(Locale.of("es", "ES"));
        CliRun r = CliRun.of("lesson", "xo", "--image", "x-slanted");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Red X/O con «X inclinada» (--image x-slanted): La X de la presentación 001, algo girada")
                .contains("diagonal descendente").doesNotContain("slanted X", "falling diagonal");
    }
}
