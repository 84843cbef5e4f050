package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Hand-worked cases for the metrics DJL does not have. */
class MetricsTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    // expected 0 0 0 0 1 1 1 2 2 2
    // predicted 0 0 1 2 1 1 0 2 2 1
    private final ConfusionMatrix m = ConfusionMatrix.of(
            new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 0, 1, 2, 1, 1, 0, 2, 2, 1}, ABC);

    @Test
    void confusionMatrixRowsAreTrueClasses() {
        assertThat(m.counts()).isDeepEqualTo(new int[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}});
        assertThat(m.total()).isEqualTo(10);
        assertThat(m.correct()).isEqualTo(6);
        assertThat(m.accuracy()).isEqualTo(0.6);
        assertThat(m.support(0)).isEqualTo(4);
        assertThat(m.predictedAs(1)).isEqualTo(4);
    }

    @Test
    void perClassScoresWorkedByHand() {
        ClassificationReport r = ClassificationReport.of(m);
        // a: tp 2 of 3 predicted, 2 of 4 true
        assertThat(r.classes().get(0).precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.classes().get(0).recall()).isCloseTo(0.5, within(1e-12));
        assertThat(r.classes().get(0).f1()).isCloseTo(4.0 / 7, within(1e-12));
        // b: tp 2 of 4 predicted, 2 of 3 true
        assertThat(r.classes().get(1).precision()).isCloseTo(0.5, within(1e-12));
        assertThat(r.classes().get(1).recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.classes().get(1).f1()).isCloseTo(4.0 / 7, within(1e-12));
        // c: tp 2 of 3 predicted, 2 of 3 true
        assertThat(r.classes().get(2).f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.classes().get(2).support()).isEqualTo(3);
    }

    @Test
    void macroAndWeightedAveragesWorkedByHand() {
        ClassificationReport r = ClassificationReport.of(m);
        assertThat(r.macro().precision()).isCloseTo(11.0 / 18, within(1e-12));
        assertThat(r.macro().recall()).isCloseTo(11.0 / 18, within(1e-12));
        assertThat(r.macro().f1()).isCloseTo(38.0 / 63, within(1e-12));
        assertThat(r.weighted().precision()).isCloseTo(37.0 / 60, within(1e-12));
        assertThat(r.weighted().recall()).isCloseTo(0.6, within(1e-12)); // always equals accuracy
        assertThat(r.weighted().f1()).isCloseTo(0.6, within(1e-12));
        assertThat(r.accuracy()).isEqualTo(0.6);
        assertThat(r.support()).isEqualTo(10);
        assertThat(r.toText()).contains("macro avg").contains("weighted avg");
    }

    /** The report in the reader's language: German headings and decimal commas, English unchanged. */
    @Test
    void theReportIsWrittenInTheReadersLanguage() {
        ClassificationReport r = ClassificationReport.of(m);
        String german = r.toText(Locale.GERMAN);
        assertThat(german.lines().findFirst().orElseThrow()).contains("Präzision", "Trefferquote", "F1", "Testbilder");
        assertThat(german).contains("Genauigkeit", "Makro-Mittel", "0,6000").containsPattern("gewichtetes Mittel +0,6167")
                .doesNotContain("0.6000", "macro avg");
        String english = r.toText(Locale.ENGLISH);
        assertThat(english).isEqualTo(r.toText()).startsWith(String.format(Locale.ROOT, "%14s %9s %9s %9s %9s%n", "",
                "precision", "recall", "f1-score", "support")).contains("  weighted avg    0.6167    0.6000    0.6000        10");
    }

    @Test
    void aClassNeverPredictedOrNeverSeenScoresZeroNotNaN() {
        ConfusionMatrix skew = ConfusionMatrix.of(new int[] {0, 0, 1}, new int[] {0, 0, 0}, ABC);
        ClassificationReport r = ClassificationReport.of(skew);
        assertThat(r.classes().get(0).precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.classes().get(0).recall()).isEqualTo(1.0);
        assertThat(r.classes().get(0).f1()).isCloseTo(0.8, within(1e-12));
        assertThat(r.classes().get(1).precision()).isZero(); // never predicted
        assertThat(r.classes().get(1).f1()).isZero();
        assertThat(r.classes().get(2).recall()).isZero(); // no support
        assertThat(r.macro().f1()).isCloseTo(0.8 / 3, within(1e-12));
        assertThat(r.weighted().f1()).isCloseTo(0.8 * 2 / 3, within(1e-12));
    }

    @Test
    void perfectPredictions() {
        ClassificationReport r = ClassificationReport.of(ConfusionMatrix.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}, ABC));
        assertThat(r.macro().f1()).isEqualTo(1.0);
        assertThat(r.weighted().precision()).isEqualTo(1.0);
    }
}
