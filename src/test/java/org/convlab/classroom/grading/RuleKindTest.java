package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleKindTest {

    @Test
    void theEditorsInputsBecomeRulesAndBack() {
        for (Rule rule : RuleJsonTest.EVERY_KIND) {
            RuleKind kind = RuleKind.of(rule);
            assertThat(kind.create(kind.numberOf(rule), kind.choiceOf(rule))).isEqualTo(rule);
            assertThat(kind.numberOf(rule) != null).isEqualTo(kind.input().numeric());
            assertThat(kind.choiceOf(rule) != null).isEqualTo(kind.input() == RuleKind.Input.CHOICE);
        }
    }

    @Test
    void accuracyIsTypedAsAPercentage() {
        RuleKind accuracy = Rule.MinTestAccuracy.KIND;
        assertThat(accuracy.create(88.0, null)).isEqualTo(new Rule.MinTestAccuracy(0.88));
        assertThat(accuracy.numberOf(new Rule.MinTestAccuracy(0.88))).isEqualTo(88.0);
        assertThatThrownBy(() -> accuracy.create(150.0, null))
                .hasMessageContaining("at most 100%, not 150%");
        assertThatThrownBy(() -> accuracy.create(0.9, null))
                .hasMessage("\"Test accuracy of at least N %\" takes a percentage: type 90 for 90%, not 0.9.");
    }

    @Test
    void theEditorOffersAtMostNFiltersAsAWholeNumberOfFilters() {
        RuleKind filters = Rule.MaxFilters.KIND;
        assertThat(RuleKind.all()).contains(filters);
        // Listed with the other rules on convolution layers, right after them.
        assertThat(RuleKind.all().indexOf(filters)).isEqualTo(RuleKind.all().indexOf(Rule.MaxConvLayers.KIND) + 1);
        assertThat(filters.name()).isEqualTo("max-filters");
        assertThat(filters.label().toString()).isEqualTo("At most N filters (all convolution layers together)");
        assertThat(filters.input()).isEqualTo(RuleKind.Input.WHOLE);
        assertThat(filters.unit().toString()).isEqualTo("filters");
        assertThat(filters.create(16.0, null)).isEqualTo(new Rule.MaxFilters(16));
        assertThat(filters.numberOf(new Rule.MaxFilters(16))).isEqualTo(16.0);
        assertThat(RuleKind.of(new Rule.MaxFilters(16))).isSameAs(filters);
    }

    @Test
    void impossibleFilterCapsFromTheEditorAreRefusedWithASentence() {
        RuleKind filters = Rule.MaxFilters.KIND;
        String limit = "\"At most N filters\" needs N between 1 and 1,000,000, not ";
        assertThatThrownBy(() -> filters.create(0.0, null)).isInstanceOf(InvalidRuleException.class).hasMessage(limit + "0.");
        assertThatThrownBy(() -> filters.create(-3.0, null)).hasMessage(limit + "-3.");
        assertThatThrownBy(() -> filters.create(2_000_000.0, null)).hasMessage(limit + "2000000.");
        assertThatThrownBy(() -> filters.create(16.5, null))
                .hasMessage("\"At most N filters (all convolution layers together)\" needs a whole number, not 16.5.");
        assertThatThrownBy(() -> filters.create(1e12, null))
                .hasMessage("\"At most N filters (all convolution layers together)\": 1000000000000 is too large.");
        assertThatThrownBy(() -> filters.create(null, null))
                .hasMessage("\"At most N filters (all convolution layers together)\" needs a number.");
        assertThatThrownBy(() -> filters.create(Double.NaN, null)).hasMessageEndingWith("needs a number.");
        assertThatThrownBy(() -> filters.create(Double.NEGATIVE_INFINITY, null)).hasMessageEndingWith("needs a number.");
    }

    @Test
    void missingOrFractionalNumbersAreRefused() {
        assertThatThrownBy(() -> Rule.MinConvLayers.KIND.create(null, null)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"At least N convolution layers\" needs a number.");
        assertThatThrownBy(() -> Rule.MaxEpochs.KIND.create(2.5, null))
                .hasMessage("\"Trained for at most N epochs\" needs a whole number, not 2.5.");
        assertThatThrownBy(() -> Rule.PoolingType.KIND.create(null, null)).hasMessageContaining("max or average");
    }
}
