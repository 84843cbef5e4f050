package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

    static final List<Rule> EVERY_KIND = List.of(
            new Rule.MinConvLayers(2), new Rule.MaxConvLayers(0), new Rule.MinPoolingLayers(2),
            new Rule.PoolingType(Pooling.AVERAGE), new Rule.MaxParams(150_000), new Rule.RequiresBatchNorm(),
            new Rule.RequiresDropout(), new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2), new Rule.RequiresAugmentation(),
            new Rule.MaxDenseWidth(128), new Rule.MinTestAccuracy(0.885), new Rule.MaxEpochs(10),
            new Rule.MaxTrainSeconds(300));

    @Test
    void everyKindOfRuleSurvivesARoundTrip() {
        assertThat(EVERY_KIND).extracting(RuleKind::of).containsExactlyElementsOf(RuleKind.all());
        assertThat(RuleJson.parse(RuleJson.write(EVERY_KIND))).isEqualTo(EVERY_KIND);
    }

    @Test
    void theStoredFormNamesEachRule() {
        assertThat(RuleJson.write(List.of(new Rule.MinConvLayers(2), new Rule.RequiresBatchNorm(),
                new Rule.PoolingType(Pooling.MAX))))
                .isEqualTo("[{\"kind\":\"min-conv-layers\",\"count\":2},{\"kind\":\"requires-batch-norm\"},"
                        + "{\"kind\":\"pooling-type\",\"pooling\":\"MAX\"}]");
    }

    @Test
    void resultsSurviveARoundTrip() {
        List<RuleResult> results = Grader.grade(EVERY_KIND, SampleRuns.run(SampleRuns.TWO_STAGE_CNN)).results();
        assertThat(RuleJson.parseResults(RuleJson.writeResults(results))).isEqualTo(results);
    }

    @Test
    void impossibleOrUnknownRulesAreRefusedWithTheRulesOwnMessage() {
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"min-test-accuracy\",\"accuracy\":1.2}]"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"Test accuracy of at least X\" needs X above 0% and at most 100%, not 120%.");
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"max-params\",\"count\":-3}]"))
                .hasMessage("\"At most N parameters\" needs N of 1 or more, not -3.");
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"be-clever\"}]"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("The rules name a kind of rule ConvLab does not know.");
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"max-epochs\"}]")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> RuleJson.parse("not json")).isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("The rules are not valid:");
        assertThatThrownBy(() -> RuleJson.parse("[null]")).isInstanceOf(InvalidRuleException.class);
    }
}
