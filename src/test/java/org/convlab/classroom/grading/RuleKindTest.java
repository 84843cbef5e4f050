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
    void missingOrFractionalNumbersAreRefused() {
        assertThatThrownBy(() -> Rule.MinConvLayers.KIND.create(null, null)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"At least N convolution layers\" needs a number.");
        assertThatThrownBy(() -> Rule.MaxEpochs.KIND.create(2.5, null))
                .hasMessage("\"Trained for at most N epochs\" needs a whole number, not 2.5.");
        assertThatThrownBy(() -> Rule.PoolingType.KIND.create(null, null)).hasMessageContaining("max or average");
    }
}
