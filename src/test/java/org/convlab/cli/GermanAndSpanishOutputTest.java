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
}
