package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleKind;
import org.junit.jupiter.api.Test;

class RuleRowTest {

    private static Rule suggested(RuleKind kind) {
        return kind.create(kind.input().numeric() ? kind.suggested() : null,
                kind.choices().isEmpty() ? null : kind.choices().getFirst());
    }

    @Test
    void theEditorOffersEveryKindOfRuleAndRebuildsEachFromItsRow() {
        for (RuleKind kind : RuleKind.all()) {
            Rule rule = suggested(kind);
            RuleRow row = new RuleRow(rule, r -> {});
            assertThat(row.kind.getListDataView().getItems()).containsExactlyElementsOf(RuleKind.all());
            assertThat(row.kind.getValue()).isSameAs(kind);
            assertThat(row.number.isVisible()).as(kind.name()).isEqualTo(kind.input().numeric());
            assertThat(((Span) row.number.getSuffixComponent()).getText()).isEqualTo(kind.unit() == null ? "" : kind.unit().toString());
            assertThat(row.choice.isVisible()).as(kind.name()).isEqualTo(kind.input() == RuleKind.Input.CHOICE);
            assertThat(row.rule()).isEqualTo(rule);
        }
    }

    @Test
    void switchingKindShowsThatKindsInputsWithItsFirstChoiceOrSuggestedNumber() {
        RuleRow row = new RuleRow(new Rule.PoolingType(Rule.Pooling.AVERAGE), r -> {});
        assertThat(row.choice.getValue()).isEqualTo(Rule.Pooling.AVERAGE);
        assertThat(row.choice.getAriaLabel()).contains("Pooling kind");

        row.kind.setValue(Rule.RequiresWeightPenalty.KIND);
        assertThat(row.choice.getListDataView().getItems()).containsExactly(Rule.Penalty.values());
        assertThat(row.choice.getAriaLabel()).contains("Penalty kind");
        assertThat(row.number.isVisible()).isFalse();
        assertThat(row.rule()).isEqualTo(new Rule.RequiresWeightPenalty(Rule.Penalty.L1_OR_L2));

        row.kind.setValue(Rule.MaxFilters.KIND);
        assertThat(row.number.isVisible()).isTrue();
        assertThat(((Span) row.number.getSuffixComponent()).getText()).isEqualTo("filters");
        assertThat(row.number.getValue()).isEqualTo(32.0);
        assertThat(row.rule()).isEqualTo(new Rule.MaxFilters(32));
        row.number.setValue(24.0);
        assertThat(row.rule()).isEqualTo(new Rule.MaxFilters(24));

        row.kind.setValue(Rule.MaxEpochs.KIND);
        assertThat(row.choice.isVisible()).isFalse();
        assertThat(row.number.getValue()).isEqualTo(10.0);
        assertThat(row.rule()).isEqualTo(new Rule.MaxEpochs(10));
    }

    @Test
    void theDataSetRuleOffersTheTeachersSetsAndKeepsOneTheyCanNoLongerUse() {
        var standard = new RuleKind.DatasetOption("fashion-mnist", "Fashion-MNIST");
        var shapes = new RuleKind.DatasetOption("shapes-ab12cd", "Class shapes");
        RuleRow row = new RuleRow(new Rule.MinTestAccuracy(0.9), java.util.List.of(standard, shapes), r -> {});
        row.kind.setValue(Rule.TrainedOnDataset.KIND);
        assertThat(row.choice.isVisible()).isTrue();
        assertThat(row.choice.getListDataView().getItems()).containsExactly(standard, shapes);
        assertThat(row.choice.getAriaLabel()).contains("Data set");
        row.choice.setValue(shapes);
        assertThat(row.rule()).isEqualTo(new Rule.TrainedOnDataset("shapes-ab12cd", "Class shapes"));

        // A saved rule whose set the teacher no longer sees (deleted, or another teacher's) keeps it.
        RuleRow saved = new RuleRow(new Rule.TrainedOnDataset("gone-1", "Old set"), java.util.List.of(standard), r -> {});
        assertThat(saved.choice.getListDataView().getItems())
                .containsExactly(standard, new RuleKind.DatasetOption("gone-1", "Old set"));
        assertThat(saved.rule()).isEqualTo(new Rule.TrainedOnDataset("gone-1", "Old set"));
    }
}
