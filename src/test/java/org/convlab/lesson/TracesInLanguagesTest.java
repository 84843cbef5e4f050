package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The step-by-step sums and sentences in the reader's language: the same exact numbers, written with
 * the language's decimal mark ("0,5" in German and Spanish), and the sentences from bundle i18n/lesson.
 */
class TracesInLanguagesTest {

    private static final Locale SPANISH = Locale.of("es");

    private final ConvolutionStep step = Convolution2d.defaults()
            .trace(Matrix.of(new double[][] {{0.5, 1}, {1.5, -0.25}}), Matrix.of(new double[][] {{1, -1}, {0.5, 2}}))
            .step(0, 0);

    @Test
    void theMultiplyAndSumReadsWithGermanDecimals() {
        assertThat(step.writtenSum(ValueFormat.plain(Locale.GERMAN), Locale.GERMAN))
                .isEqualTo("0,5·1 + 1·(−1) + 1,5·0,5 + (−0,25)·2 = −0,25");
        // English is as it always was.
        assertThat(step.writtenSum()).isEqualTo("0.5·1 + 1·(−1) + 1.5·0.5 + (−0.25)·2 = −0.25");
    }

    @Test
    void aConvolutionStepIsDescribedInGermanAndSpanish() {
        ConvolutionTrace trace = Convolution2d.defaults()
                .trace(Matrix.of(new double[][] {{0.5, 1}, {1.5, -0.25}}), Matrix.of(new double[][] {{1, -1}, {0.5, 2}}));
        ConvolutionStep first = trace.step(0, 0);
        assertThat(trace.description(first)).isEqualTo("Output row 1, column 1: the kernel covers rows 1 to 2, "
                + "columns 1 to 2 of the input. The 4 products add up to −0.25, the output value.");
        assertThat(trace.description(first, ValueFormat.plain(Locale.GERMAN), Locale.GERMAN)).isEqualTo(
                "Ausgabe in Zeile 1, Spalte 1: Der Kernel überdeckt die Zeilen 1 bis 2 und die Spalten 1 bis 2 der "
                        + "Eingabe. Die 4 Produkte ergeben zusammen −0,25, den Ausgabewert.");
        assertThat(trace.description(first, ValueFormat.plain(SPANISH), SPANISH)).isEqualTo(
                "Salida en fila 1, columna 1: el kernel cubre las filas 1 a 2 y las columnas 1 a 2 de la entrada. "
                        + "Los 4 productos suman −0,25, el valor de salida.");
    }

    /** Where the comma is the decimal mark, a list of numbers is separated by semicolons: "0,5; 1", never "0,5, 1". */
    @Test
    void aPoolingStepListsGermanDecimalsWithSemicolons() {
        PoolingTrace trace = Pooling.average(2, 2, EdgeRule.FLOOR).trace(Matrix.of(new double[][] {{0.5, 1}, {1.5, 2}}));
        assertThat(trace.description(trace.steps().getFirst(), ValueFormat.plain(Locale.GERMAN), Locale.GERMAN))
                .isEqualTo("Ausgabe in Zeile 1, Spalte 1: Das Fenster überdeckt die Zeilen 1 bis 2 und die Spalten 1 bis 2 "
                        + "und enthält 0,5; 1; 1,5; 2. Der Mittelwert ist (0,5 + 1 + 1,5 + 2) / 4 = 1,25.");
        assertThat(trace.description(trace.steps().getFirst())).isEqualTo("Output row 1, column 1: the window covers "
                + "rows 1 to 2, columns 1 to 2 and holds 0.5, 1, 1.5, 2. The mean is (0.5 + 1 + 1.5 + 2) / 4 = 1.25.");
    }

    @Test
    void fractionsKeepTheirSlashAndTakeTheDecimalMark() {
        assertThat(Fractions.label(7 / 9.0, 9, Locale.GERMAN)).isEqualTo("7/9 ≈ 0,78");
        assertThat(Fractions.label(7 / 9.0, 9)).isEqualTo("7/9 ≈ 0.78");
        assertThat(ValueFormat.fractionsOf(9, SPANISH).format(0.125)).isEqualTo("0,125");
    }

    /** A kernel too large for its input: the learner reads why in their language; the message stays English. */
    @Test
    void aSizeThatCannotWorkIsExplainedInGerman() {
        SizeException tooLarge = org.assertj.core.api.Assertions.catchThrowableOfType(SizeException.class,
                () -> OutputSize.of("rows", 3, 4, 1, ZeroPadding.valid(), 1));
        assertThat(tooLarge).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("along the rows, the kernel size 4 is larger than the padded input (3 + 0 + 0 = 3)");
        assertThat(tooLarge.text().in(Locale.GERMAN))
                .isEqualTo("entlang der Zeilen ist die Kernelgröße 4 größer als die aufgefüllte Eingabe (3 + 0 + 0 = 3)");
        assertThat(ActivationFunction.leakyRelu(0.1).formula(Locale.GERMAN)).isEqualTo("x für x > 0, sonst 0,1·x");
        assertThat(ActivationFunction.leakyRelu(0.1).formula()).isEqualTo("x if x > 0, else 0.1·x");
    }
}
