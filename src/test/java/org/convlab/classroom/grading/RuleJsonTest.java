package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

    /** One rule of every kind that existed before issue 15, in the catalog's order. */
    static final List<Rule> KINDS_BEFORE_ISSUE_15 = List.of(
            new Rule.MinConvLayers(2), new Rule.MaxConvLayers(0), new Rule.MinPoolingLayers(2),
            new Rule.PoolingType(Pooling.AVERAGE), new Rule.MaxParams(150_000), new Rule.RequiresBatchNorm(),
            new Rule.RequiresDropout(), new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2), new Rule.RequiresAugmentation(),
            new Rule.MaxDenseWidth(128), new Rule.MinTestAccuracy(0.885), new Rule.MaxEpochs(10),
            new Rule.MaxTrainSeconds(300));

    /** One rule of every kind, in the catalog's order: issue 15 added "at most N filters" after the conv layer rules. */
    static final List<Rule> EVERY_KIND = List.of(
            new Rule.MinConvLayers(2), new Rule.MaxConvLayers(0), new Rule.MaxFilters(48), new Rule.MinPoolingLayers(2),
            new Rule.PoolingType(Pooling.AVERAGE), new Rule.MaxParams(150_000), new Rule.RequiresBatchNorm(),
            new Rule.RequiresDropout(), new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2), new Rule.RequiresAugmentation(),
            new Rule.MaxDenseWidth(128), new Rule.MinTestAccuracy(0.885), new Rule.MaxEpochs(10),
            new Rule.MaxTrainSeconds(300), new Rule.TrainedOnDataset("colour-shapes", "Colour shapes"));

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

    /** Rules as assignments store them today, one of every kind: rows already in databases must keep loading. */
    static final String STORED_BEFORE_ISSUE_11 = "[{\"kind\":\"min-conv-layers\",\"count\":2},"
            + "{\"kind\":\"max-conv-layers\",\"count\":0},{\"kind\":\"min-pooling-layers\",\"count\":2},"
            + "{\"kind\":\"pooling-type\",\"pooling\":\"AVERAGE\"},{\"kind\":\"max-params\",\"count\":150000},"
            + "{\"kind\":\"requires-batch-norm\"},{\"kind\":\"requires-dropout\"},"
            + "{\"kind\":\"requires-weight-penalty\",\"penalty\":\"L1_AND_L2\"},{\"kind\":\"requires-augmentation\"},"
            + "{\"kind\":\"max-dense-width\",\"units\":128},{\"kind\":\"min-test-accuracy\",\"accuracy\":0.885},"
            + "{\"kind\":\"max-epochs\",\"epochs\":10},{\"kind\":\"max-train-seconds\",\"seconds\":300.0}]";

    /** The stored form of the filter cap, as issue 15 writes it; it must keep loading too. */
    static final String STORED_SINCE_ISSUE_15 = "[{\"kind\":\"max-filters\",\"count\":48},"
            + "{\"kind\":\"min-test-accuracy\",\"accuracy\":0.9}]";

    /** The stored form of the data set rule, as issue 17 writes it. */
    static final String STORED_SINCE_ISSUE_17 = "[{\"kind\":\"trained-on-dataset\",\"dataset\":\"colour-shapes\","
            + "\"name\":\"Colour shapes\"}]";

    @Test
    void theDataSetRuleIsStoredByKeyAndName() {
        assertThat(RuleJson.write(List.of(new Rule.TrainedOnDataset("colour-shapes", "Colour shapes"))))
                .isEqualTo(STORED_SINCE_ISSUE_17);
        assertThat(RuleJson.parse(STORED_SINCE_ISSUE_17))
                .containsExactly(new Rule.TrainedOnDataset("colour-shapes", "Colour shapes"));
    }

    @Test
    void rulesStoredBeforeIssue11LoadAndAreWrittenTheSameWay() {
        assertThat(RuleJson.parse(STORED_BEFORE_ISSUE_11)).isEqualTo(KINDS_BEFORE_ISSUE_15);
        assertThat(RuleJson.write(KINDS_BEFORE_ISSUE_15)).isEqualTo(STORED_BEFORE_ISSUE_11);
        // Every kind there is today appears in one of them under its own name.
        assertThat(RuleKind.all()).extracting(RuleKind::name)
                .allMatch(name -> (STORED_BEFORE_ISSUE_11 + STORED_SINCE_ISSUE_15 + STORED_SINCE_ISSUE_17).contains("{\"kind\":\"" + name + "\""));
        // Both choices of pooling, all four penalties, and the other stored spelling of a whole number of seconds.
        assertThat(RuleJson.parse("[{\"kind\":\"pooling-type\",\"pooling\":\"MAX\"},"
                + "{\"kind\":\"requires-weight-penalty\",\"penalty\":\"L1_OR_L2\"},"
                + "{\"kind\":\"requires-weight-penalty\",\"penalty\":\"L1\"},"
                + "{\"kind\":\"requires-weight-penalty\",\"penalty\":\"L2\"},"
                + "{\"kind\":\"max-train-seconds\",\"seconds\":300}]")).containsExactly(
                new Rule.PoolingType(Pooling.MAX), new Rule.RequiresWeightPenalty(Penalty.L1_OR_L2),
                new Rule.RequiresWeightPenalty(Penalty.L1), new Rule.RequiresWeightPenalty(Penalty.L2),
                new Rule.MaxTrainSeconds(300));
    }

    @Test
    void atMostNFiltersWithAnAccuracyIsStoredByNameAndReadBack() {
        List<Rule> prune = List.of(new Rule.MaxFilters(48), new Rule.MinTestAccuracy(0.9));
        assertThat(RuleJson.write(prune)).isEqualTo(STORED_SINCE_ISSUE_15);
        assertThat(RuleJson.parse(STORED_SINCE_ISSUE_15)).isEqualTo(prune);
        // The largest limit the rule takes survives too.
        assertThat(RuleJson.parse(RuleJson.write(List.of(new Rule.MaxFilters(1_000_000)))))
                .containsExactly(new Rule.MaxFilters(1_000_000));
    }

    @Test
    void aHostileStoredFilterCapIsRefusedInOneLineAsEveryOtherRuleIs() {
        String limit = "\"At most N filters\" needs N between 1 and 1,000,000, not ";
        for (String[] bad : new String[][] {
                {"0", limit + "0."},
                {"-5", limit + "-5."},
                {"1000001", limit + "1000001."},
                {"2147483647", limit + "2147483647."}}) {
            assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"max-filters\",\"count\":" + bad[0] + "}]"))
                    .as(bad[0]).isInstanceOf(InvalidRuleException.class).hasMessage(bad[1]);
        }
        // Beyond a whole number's range, fractional, written as a decimal, a word, missing, an extra field, a typo in the kind, broken JSON.
        for (String json : List.of(
                "[{\"kind\":\"max-filters\",\"count\":99999999999}]",
                "[{\"kind\":\"max-filters\",\"count\":2.5}]",
                "[{\"kind\":\"max-filters\",\"count\":16.0}]",
                "[{\"kind\":\"max-filters\",\"count\":\"lots\"}]",
                "[{\"kind\":\"max-filters\"}]",
                "[{\"kind\":\"max-filters\",\"count\":16,\"layers\":\"all\"}]",
                "[{\"kind\":\"max-filters\",\"count\":16",
                "{\"kind\":\"max-filters\",\"count\":16}")) {
            assertThatThrownBy(() -> RuleJson.parse(json)).as(json).isInstanceOf(InvalidRuleException.class)
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
        }
        // Fractions were cut to whole numbers before issue 15 (2.5 epochs read as 2); now every count refuses them.
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"max-epochs\",\"epochs\":2.5}]"))
                .isInstanceOf(InvalidRuleException.class).hasMessageStartingWith("The rules are not valid:");
        assertThatThrownBy(() -> RuleJson.parse("[{\"kind\":\"max-filter\",\"count\":16}]"))
                .hasMessage("The rules name a kind of rule ConvLab does not know.");
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
