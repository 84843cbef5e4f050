package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.convlab.classroom.AssignmentTemplates.AssignmentTemplate;
import org.convlab.classroom.grading.GradedRun;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleJson;
import org.convlab.classroom.grading.RuleResult;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.convlab.training.engine.RunState;

class AssignmentTemplatesTest {

    /** A finished run of a preset that reached {@code accuracy} in {@code epochs}. */
    private static GradedRun preset(String name, double accuracy, int epochs) {
        ModelSpec spec = Presets.get(name);
        return new GradedRun("r", name, true, spec, Hyperparameters.defaults().withEpochs(epochs),
                accuracy, epochs, ModelValidator.validate(spec).totalParams(), 60.0);
    }

    private static List<Boolean> verdicts(String template, GradedRun run) {
        return AssignmentTemplates.find(template).orElseThrow().rules().stream()
                .map(rule -> rule.check(run)).map(RuleResult::passed).toList();
    }

    @Test
    void theDecksExercisesAreAllThereEachWithInstructionsAndAnOutcomeRule() {
        assertThat(AssignmentTemplates.all()).extracting(AssignmentTemplate::id).containsExactly(
                "deeper-cnn", "pooling-type", "batch-norm", "augmentation", "dropout", "weight-penalty",
                "fully-connected", "convolutional", "fewer-filters");
        for (AssignmentTemplate t : AssignmentTemplates.all()) {
            assertThat(t.title()).isNotBlank();
            assertThat(t.source()).startsWith("Deck 00");
            assertThat(t.instructions()).hasSizeGreaterThan(200).doesNotContain("  ");
            assertThat(t.rules()).hasAtLeastOneElementOfType(Rule.MinTestAccuracy.class)
                    .hasAtLeastOneElementOfType(Rule.MaxEpochs.class);
            assertThat(RuleJson.parse(RuleJson.write(t.rules()))).isEqualTo(t.rules());
        }
        assertThat(AssignmentTemplates.find("nope")).isEmpty();
    }

    @Test
    void everyTemplateIsWrittenInGermanAndSpanishWithTheSameRulesAndQuestionCount() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.of("es"))) {
            List<AssignmentTemplate> written = AssignmentTemplates.all(locale);
            assertThat(written).hasSameSizeAs(AssignmentTemplates.all());
            for (int i = 0; i < written.size(); i++) {
                AssignmentTemplate english = AssignmentTemplates.all().get(i);
                AssignmentTemplate t = written.get(i);
                assertThat(t.id()).isEqualTo(english.id());
                assertThat(t.rules()).isEqualTo(english.rules());
                assertThat(t.questions()).hasSameSizeAs(english.questions()).doesNotContainAnyElementsOf(english.questions());
                assertThat(t.title()).isNotEqualTo(english.title()).doesNotContain("!{");
                assertThat(t.instructions()).isNotEqualTo(english.instructions()).contains("\n\n").doesNotContain("  ");
            }
        }
        AssignmentTemplate german = AssignmentTemplates.find("fully-connected", Locale.GERMAN).orElseThrow();
        assertThat(german.title()).isEqualTo("Eine voll verbundene Basislinie");
        assertThat(german.source()).isEqualTo("Foliensatz 000, voll verbunden gegen Faltung (Teil 1)");
        assertThat(german.instructions()).contains("150.000 Parametern");
        assertThat(AssignmentTemplates.find("fully-connected", Locale.of("es")).orElseThrow().title())
                .isEqualTo("Una línea base totalmente conectada");
        // A language ConvLab is not written in reads English, as the e2e tests pick it.
        assertThat(AssignmentTemplates.find("fully-connected", Locale.JAPANESE).orElseThrow().title())
                .isEqualTo("A fully connected baseline");
    }

    @Test
    void deck003sDeeperNetworkIsWhatTheKerasCnnPresetIsAndTheBaselineIsNot() {
        assertThat(verdicts("deeper-cnn", preset("keras-cnn", 0.91, 5))).containsOnly(true);
        assertThat(verdicts("deeper-cnn", preset("baseline-cnn", 0.91, 5))).containsExactly(false, false, true, true);
    }

    @Test
    void deck000sComparisonSplitsIntoAFullyConnectedAndAConvolutionalRun() {
        assertThat(verdicts("fully-connected", preset("dense", 0.88, 10))).containsOnly(true);
        assertThat(verdicts("convolutional", preset("dense", 0.88, 10))).containsExactly(false, true, false, true);
        // The baseline CNN has 542,230 parameters: far over the shared budget.
        assertThat(verdicts("convolutional", preset("baseline-cnn", 0.91, 10))).containsExactly(true, false, true, true);
    }

    @Test
    void deck004sBatchNormAndDropoutExperimentsAcceptTheDeepPreset() {
        assertThat(verdicts("batch-norm", preset("deep-cnn", 0.92, 10))).containsOnly(true);
        assertThat(verdicts("dropout", preset("deep-cnn", 0.92, 10))).containsOnly(true);
        assertThat(verdicts("pooling-type", preset("deep-cnn", 0.92, 10))).containsExactly(false, true, true, true);
        assertThat(verdicts("weight-penalty", preset("deep-cnn", 0.92, 10))).containsExactly(false, true, true, true);
    }

    @Test
    void deck000sFewerFiltersTemplateTakesTheQuickPresetAndNotTheBaselineOrADenseNetwork() {
        // quick-cnn has 16 filters, baseline-cnn 32; the dense preset has none and no convolution at all.
        assertThat(verdicts("fewer-filters", preset("quick-cnn", 0.90, 5))).containsOnly(true);
        assertThat(verdicts("fewer-filters", preset("baseline-cnn", 0.91, 5))).containsExactly(true, false, true, true);
        assertThat(verdicts("fewer-filters", preset("dense", 0.89, 10))).containsExactly(false, true, true, true);
        assertThat(AssignmentTemplates.find("fewer-filters").orElseThrow().rules())
                .contains(new Rule.MaxFilters(16), new Rule.MinTestAccuracy(0.89));
    }
}
