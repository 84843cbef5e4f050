package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.junit.jupiter.api.Test;

class RuleKindTest {

    @Test
    void theEditorsInputsBecomeRulesAndBack() {
        for (Rule rule : RuleJsonTest.EVERY_KIND) {
            RuleKind kind = RuleKind.of(rule);
            Pooling pooling = rule instanceof Rule.PoolingType p ? p.pooling() : null;
            Penalty penalty = rule instanceof Rule.RequiresWeightPenalty p ? p.penalty() : null;
            assertThat(kind.create(RuleKind.numberOf(rule), pooling, penalty)).isEqualTo(rule);
            assertThat(RuleKind.numberOf(rule) != null).isEqualTo(kind.input().numeric());
        }
    }

    @Test
    void accuracyIsTypedAsAPercentage() {
        assertThat(RuleKind.MIN_TEST_ACCURACY.create(88.0, null, null)).isEqualTo(new Rule.MinTestAccuracy(0.88));
        assertThat(RuleKind.numberOf(new Rule.MinTestAccuracy(0.88))).isEqualTo(88.0);
        assertThatThrownBy(() -> RuleKind.MIN_TEST_ACCURACY.create(150.0, null, null))
                .hasMessageContaining("at most 100%, not 150%");
        assertThatThrownBy(() -> RuleKind.MIN_TEST_ACCURACY.create(0.9, null, null))
                .hasMessage("\"Test accuracy of at least N %\" takes a percentage: type 90 for 90%, not 0.9.");
    }

    @Test
    void missingOrFractionalNumbersAreRefused() {
        assertThatThrownBy(() -> RuleKind.MIN_CONV_LAYERS.create(null, null, null)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"At least N convolution layers\" needs a number.");
        assertThatThrownBy(() -> RuleKind.MAX_EPOCHS.create(2.5, null, null))
                .hasMessage("\"Trained for at most N epochs\" needs a whole number, not 2.5.");
        assertThatThrownBy(() -> RuleKind.POOLING_TYPE.create(null, null, null)).hasMessageContaining("max or average");
    }
}
