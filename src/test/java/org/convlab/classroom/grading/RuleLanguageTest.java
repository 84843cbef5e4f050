package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convlab.classroom.grading.SampleRuns.TWO_STAGE_CNN;
import static org.convlab.classroom.grading.SampleRuns.run;

import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.junit.jupiter.api.Test;

/** One graded run reads in each reader's language, its numbers written the way that language writes them. */
class RuleLanguageTest {

    private static final Locale SPANISH = Locale.of("es");

    private static final List<Rule> RULES = List.of(new Rule.MinTestAccuracy(0.9), new Rule.MaxParams(150_000),
            new Rule.MaxTrainSeconds(120), new Rule.MinConvLayers(3));

    private static List<String> explanations(Grade grade, Locale locale) {
        return grade.results().stream().map(r -> r.explanation().in(locale)).toList();
    }

    @Test
    void oneGradedRunReadsInEnglishGermanAndSpanish() {
        Grade grade = Grader.grade(RULES, SampleRuns.withOutcome(0.9123, 8, 542_230L, 95.25));

        assertThat(explanations(grade, Locale.ENGLISH)).containsExactly(
                "Test accuracy 91.23%.",
                "The model has 542,230 parameters, 392,230 over the limit of 150,000.",
                "Training took 95.3 seconds.",
                "The model has 2 convolution layers; it needs at least 3.");
        assertThat(explanations(grade, Locale.GERMAN)).containsExactly(
                "Testgenauigkeit 91,23 %.",
                "Das Modell hat 542.230 Parameter, 392.230 mehr als die Grenze von 150.000.",
                "Das Training dauerte 95,3 Sekunden.",
                "Das Modell hat 2 Faltungsschichten; nötig sind mindestens 3.");
        assertThat(explanations(grade, SPANISH)).containsExactly(
                "Exactitud de prueba: 91,23 %.",
                "El modelo tiene 542.230 parámetros, 392.230 más que el límite de 150.000.",
                "El entrenamiento duró 95,3 segundos.",
                "El modelo tiene 2 capas convolucionales; necesita al menos 3.");
        assertThat(grade.results().getFirst().rule().in(Locale.GERMAN))
                .isEqualTo("Genauigkeit auf den Testdaten von mindestens 90 %");
        assertThat(grade.summary().in(Locale.GERMAN)).isEqualTo("2 von 4 Regeln erfüllt");
        assertThat(grade.summary().in(SPANISH)).isEqualTo("2 de 4 reglas cumplidas");
    }

    @Test
    void storedResultsKeepTheirNumbersAsNumbers() {
        Grade grade = Grader.grade(RULES, SampleRuns.withOutcome(0.9123, 8, 542_230L, 95.25));
        List<RuleResult> reloaded = RuleJson.parseResults(RuleJson.writeResults(grade.results()));

        assertThat(reloaded).isEqualTo(grade.results());
        assertThat(reloaded.get(1).explanation().in(Locale.GERMAN))
                .isEqualTo("Das Modell hat 542.230 Parameter, 392.230 mehr als die Grenze von 150.000.");
        assertThat(RuleJson.writeResults(grade.results())).contains("\"decimal\":\"91.23\"").contains("542230")
                .doesNotContain("Test accuracy");
    }

    @Test
    void resultsStoredAsEnglishSentencesStillRead() {
        String old = "[{\"rule\":\"At least 2 convolution layers\",\"passed\":true,"
                + "\"explanation\":\"The model has 3 convolution layers.\"}]";

        RuleResult r = RuleJson.parseResults(old).getFirst();

        assertThat(r.passed()).isTrue();
        assertThat(r.rule().in(Locale.GERMAN)).isEqualTo("At least 2 convolution layers");
        assertThat(r.explanation().in(SPANISH)).isEqualTo("The model has 3 convolution layers.");
    }

    @Test
    void augmentationListsItsChangesInOneSentence() {
        RuleResult r = new Rule.RequiresAugmentation().check(SampleRuns.withAugmentation(
                new org.convlab.training.engine.Augmentation(12.5, 2, true)));

        assertThat(r.explanation().in(Locale.ENGLISH)).isEqualTo("Trained with rotation up to ±12.5°, shifts up to ±2 px, mirroring.");
        assertThat(r.explanation().in(Locale.GERMAN))
                .isEqualTo("Trainiert mit Drehung bis ±12,5°, Verschiebung bis ±2 px und Spiegelung.");
        assertThat(Text.of(RuleResult.AS_WRITTEN, "x").in(SPANISH)).isEqualTo("x");
    }

    @Test
    void modelRulesNameTheirLayersInTheReadersLanguage() {
        RuleResult r = new Rule.PoolingType(Rule.Pooling.MAX).check(run(TWO_STAGE_CNN));

        assertThat(r.rule().in(Locale.GERMAN)).isEqualTo("Pooling-Schichten nutzen nur Max-Pooling");
        assertThat(r.explanation().in(SPANISH)).isEqualTo("Las 2 capas de pooling usan max pooling (agrupación máxima).");
    }

    /** Grades stored in the database name their keys: renaming one would turn old grades into "!{…}!". */
    @Test
    void aGradeStoredWithTodaysKeysReadsInEveryLanguage() {
        String stored = "[{\"rule\":{\"key\":\"classroom.rule.max-params\",\"args\":[150000]},"
                + "\"passed\":false,\"explanation\":{\"key\":\"classroom.rule.max-params.unknown\","
                + "\"args\":[]}}]";
        RuleResult result = RuleJson.parseResults(stored).getFirst();
        for (java.util.Locale language : org.convlab.i18n.Translations.LOCALES) {
            assertThat(result.rule().in(language) + result.explanation().in(language)).as(language.toString())
                    .doesNotContain("!{").contains("150");
        }
        assertThat(result.rule().in(java.util.Locale.GERMAN)).isEqualTo("Höchstens 150.000 Parameter");
    }
}
