package org.convlab.classroom.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convlab.classroom.grading.SampleRuns.DENSE;
import static org.convlab.classroom.grading.SampleRuns.TWO_STAGE_CNN;
import static org.convlab.classroom.grading.SampleRuns.conv;
import static org.convlab.classroom.grading.SampleRuns.run;
import static org.convlab.model.ActivationKind.RELU;
import static org.convlab.model.ActivationKind.SOFTMAX;

import java.util.Arrays;
import java.util.List;
import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.convlab.model.Layer;
import org.convlab.training.engine.Augmentation;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static void passes(Rule rule, GradedRun run, String explanation) {
        RuleResult r = rule.check(run);
        assertThat(r.passed()).as(r.explanation().toString()).isTrue();
        assertThat(r.explanation().toString()).isEqualTo(explanation);
        assertThat(r.rule()).isEqualTo(rule.description());
    }

    private static void fails(Rule rule, GradedRun run, String explanation) {
        RuleResult r = rule.check(run);
        assertThat(r.passed()).as(r.explanation().toString()).isFalse();
        assertThat(r.explanation().toString()).isEqualTo(explanation);
    }

    @Test
    void minConvLayersCountsConvolutions() {
        Rule rule = new Rule.MinConvLayers(2);
        assertThat(rule.description().toString()).isEqualTo("At least 2 convolution layers");
        passes(rule, run(TWO_STAGE_CNN), "The model has 2 convolution layers.");
        fails(rule, run(List.of(new Layer.Conv2d(8, 3, RELU), new Layer.Flatten(), new Layer.Dense(10, SOFTMAX))),
                "The model has 1 convolution layer; it needs at least 2.");
    }

    @Test
    void maxConvLayersOfZeroAsksForAFullyConnectedNetwork() {
        Rule none = new Rule.MaxConvLayers(0);
        assertThat(none.description().toString()).isEqualTo("No convolution layers (a fully connected network)");
        passes(none, run(DENSE), "The model has no convolution layers.");
        fails(none, run(TWO_STAGE_CNN), "The model has 2 convolution layers; a fully connected network has none.");

        Rule atMostOne = new Rule.MaxConvLayers(1);
        assertThat(atMostOne.description().toString()).isEqualTo("At most 1 convolution layer");
        fails(atMostOne, run(TWO_STAGE_CNN), "The model has 2 convolution layers; at most 1 are allowed.");
        passes(atMostOne, run(DENSE), "The model has 0 convolution layers.");
    }

    @Test
    void minPoolingLayersCountsBothKinds() {
        Rule rule = new Rule.MinPoolingLayers(2);
        assertThat(rule.description().toString()).isEqualTo("At least 2 pooling layers (max or average)");
        passes(rule, run(List.of(new Layer.Conv2d(8, 3, RELU), new Layer.MaxPool(2), new Layer.Conv2d(8, 3, RELU),
                new Layer.AvgPool(2), new Layer.Flatten(), new Layer.Dense(10, SOFTMAX))),
                "The model has 2 pooling layers (1 max, 1 average).");
        fails(rule, run(DENSE), "The model has 0 pooling layers (0 max, 0 average); it needs at least 2.");
    }

    @Test
    void poolingTypeWantsOneKindAndAtLeastOneLayer() {
        Rule average = new Rule.PoolingType(Pooling.AVERAGE);
        assertThat(average.description().toString()).isEqualTo("Pooling layers use average pooling only");
        fails(average, run(TWO_STAGE_CNN), "The model has 2 max pooling layers; only average pooling is asked for.");
        fails(average, run(DENSE), "The model has no pooling layers; it needs average pooling.");
        passes(average, run(List.of(new Layer.Conv2d(8, 3, RELU), new Layer.AvgPool(2), new Layer.Flatten(),
                new Layer.Dense(10, SOFTMAX))), "The model's only pooling layer uses average pooling.");
        passes(new Rule.PoolingType(Pooling.MAX), run(TWO_STAGE_CNN), "All 2 pooling layers use max pooling.");
    }

    @Test
    void maxParamsSaysHowFarOver() {
        assertThat(new Rule.MaxParams(150_000).description().toString()).isEqualTo("At most 150,000 parameters");
        passes(new Rule.MaxParams(225_034), run(TWO_STAGE_CNN), "The model has 225,034 parameters.");
        fails(new Rule.MaxParams(150_000), run(TWO_STAGE_CNN),
                "The model has 225,034 parameters, 75,034 over the limit of 150,000.");
        fails(new Rule.MaxParams(150_000), SampleRuns.withOutcome(0.9, 5, null, 10.0),
                "The run did not record how many parameters its model has.");
    }

    @Test
    void maxFiltersCountsEveryConvolutionLayerTogether() {
        Rule rule = new Rule.MaxFilters(96);
        assertThat(rule.description().toString()).isEqualTo("At most 96 filters in all convolution layers together");
        // TWO_STAGE_CNN has 32 + 64 filters: exactly at the limit passes.
        passes(rule, run(TWO_STAGE_CNN), "The model has 96 filters in 2 convolution layers (32 + 64).");
        fails(new Rule.MaxFilters(80), run(TWO_STAGE_CNN),
                "The model has 96 filters in 2 convolution layers (32 + 64), 16 over the limit of 80.");
        // Neither layer alone is over 48: the limit is on the sum, not on each layer.
        fails(new Rule.MaxFilters(48), run(List.of(new Layer.Conv2d(40, 3, RELU), new Layer.Conv2d(40, 3, RELU),
                new Layer.Flatten(), new Layer.Dense(10, SOFTMAX))),
                "The model has 80 filters in 2 convolution layers (40 + 40), 32 over the limit of 48.");
        // A pruned copy of the baseline (32 -> 24 filters) meets a limit the original misses.
        List<Layer> pruned = List.of(new Layer.Conv2d(24, 3, RELU), new Layer.MaxPool(2), new Layer.Flatten(),
                new Layer.Dense(100, RELU), new Layer.Dense(10, SOFTMAX));
        passes(new Rule.MaxFilters(24), run(pruned), "The model has 24 filters in its one convolution layer.");
        fails(new Rule.MaxFilters(1), run(List.of(new Layer.Conv2d(2, 3, RELU), new Layer.Flatten(),
                new Layer.Dense(10, SOFTMAX))), "The model has 2 filters in its one convolution layer, 1 over the limit of 1.");
        assertThat(new Rule.MaxFilters(1).description().toString()).isEqualTo("At most 1 filter in all convolution layers together");
        passes(new Rule.MaxFilters(1), run(List.of(new Layer.Conv2d(1, 3, RELU), new Layer.Flatten(),
                new Layer.Dense(10, SOFTMAX))), "The model has 1 filter in its one convolution layer.");
        assertThat(new Rule.MaxFilters(12_000).description().toString())
                .isEqualTo("At most 12,000 filters in all convolution layers together");
    }

    @Test
    void maxFiltersPassesAModelWithoutConvolutionsButNeverOneItCannotRead() {
        passes(new Rule.MaxFilters(16), run(DENSE), "The model has no convolution layers, so no filters.");
        fails(new Rule.MaxFilters(16), SampleRuns.withSpec(null),
                "The run's model could not be read, so its filters cannot be counted.");
        // A convolution whose filter count is missing cannot be counted either, not taken as 0.
        fails(new Rule.MaxFilters(16), run(List.of(new Layer.Conv2d(null, 3, 1, null, RELU, null, null),
                new Layer.Flatten(), new Layer.Dense(10, SOFTMAX))),
                "The run's model could not be read, so its filters cannot be counted.");
        // A null layer in a stored list is no convolution: the other layers are still counted.
        passes(new Rule.MaxFilters(16), run(Arrays.asList(new Layer.Conv2d(8, 3, RELU), null,
                new Layer.Flatten(), new Layer.Dense(10, SOFTMAX))), "The model has 8 filters in its one convolution layer.");
    }

    @Test
    void maxFiltersAndTestAccuracyTogetherSayAtMostNFiltersAndAccuracyOfAtLeastX() {
        List<Rule> rules = List.of(new Rule.MaxFilters(96), new Rule.MinTestAccuracy(0.9));
        Grade grade = Grader.grade(rules, run(TWO_STAGE_CNN)); // 96 filters, 91.23%
        assertThat(grade.allPassed()).isTrue();
        Grade tooMany = Grader.grade(List.of(new Rule.MaxFilters(64), new Rule.MinTestAccuracy(0.9)), run(TWO_STAGE_CNN));
        assertThat(tooMany.results()).extracting(RuleResult::passed).containsExactly(false, true);
        assertThat(tooMany.summary().toString()).isEqualTo("1 of 2 rules passed");
    }

    @Test
    void batchNormAndDropoutMustBeInTheModel() {
        List<Layer> regularised = List.of(new Layer.Conv2d(8, 3, RELU), new Layer.BatchNorm(), new Layer.Dropout(0.25),
                new Layer.Flatten(), new Layer.Dense(10, SOFTMAX));
        passes(new Rule.RequiresBatchNorm(), run(regularised), "The model has 1 batch normalization layer.");
        fails(new Rule.RequiresBatchNorm(), run(TWO_STAGE_CNN), "The model has no batch normalization layer.");
        passes(new Rule.RequiresDropout(), run(regularised), "The model has 1 dropout layer.");
        fails(new Rule.RequiresDropout(), run(List.of(new Layer.Flatten(), new Layer.Dropout(0.0), new Layer.Dense(10, SOFTMAX))),
                "The model has no dropout layer with a rate above 0.");
    }

    @Test
    void weightPenaltyNamesWhichLayersCarryWhich() {
        GradedRun l2Only = run(List.of(conv(0, 1e-4), new Layer.Flatten(), new Layer.Dense(64, RELU, 0.0, 1e-4),
                new Layer.Dense(10, SOFTMAX)));
        passes(new Rule.RequiresWeightPenalty(Penalty.L1_OR_L2), l2Only, "L1 penalty on no layer, L2 penalty on 2 layers.");
        passes(new Rule.RequiresWeightPenalty(Penalty.L2), l2Only, "L1 penalty on no layer, L2 penalty on 2 layers.");
        fails(new Rule.RequiresWeightPenalty(Penalty.L1), l2Only, "L1 penalty on no layer, L2 penalty on 2 layers.");
        fails(new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2), l2Only, "L1 penalty on no layer, L2 penalty on 2 layers.");
        passes(new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2), run(List.of(conv(1e-5, 1e-4), new Layer.Flatten(),
                new Layer.Dense(10, SOFTMAX))), "L1 penalty on 1 layer, L2 penalty on 1 layer.");
        fails(new Rule.RequiresWeightPenalty(Penalty.L1_OR_L2), run(TWO_STAGE_CNN),
                "No layer has an L1 or L2 penalty on its weights.");
        assertThat(new Rule.RequiresWeightPenalty(Penalty.L1_AND_L2).description().toString())
                .isEqualTo("Uses both L1 and L2 weight regularization");
    }

    @Test
    void augmentationReadsTheTrainingSettings() {
        passes(new Rule.RequiresAugmentation(), SampleRuns.withAugmentation(new Augmentation(10, 2, true)),
                "Trained with rotation up to ±10°, shifts up to ±2 px, mirroring.");
        passes(new Rule.RequiresAugmentation(), SampleRuns.withAugmentation(new Augmentation(0, 0, true)),
                "Trained with mirroring.");
        fails(new Rule.RequiresAugmentation(), SampleRuns.withAugmentation(Augmentation.NONE),
                "Trained without augmentation (no rotation, shift or mirroring).");
        fails(new Rule.RequiresAugmentation(), SampleRuns.withSettings(null), "The run's training settings could not be read.");
    }

    @Test
    void maxDenseWidthIgnoresTheOutputLayer() {
        Rule rule = new Rule.MaxDenseWidth(100);
        assertThat(rule.description().toString()).isEqualTo("No hidden dense layer wider than 100 units");
        fails(rule, run(TWO_STAGE_CNN), "A hidden dense layer has 128 units; at most 100 are allowed.");
        passes(new Rule.MaxDenseWidth(128), run(TWO_STAGE_CNN), "The widest hidden dense layer has 128 units.");
        // A softmax over 1,000 classes is the output, not a hidden layer.
        passes(new Rule.MaxDenseWidth(5), run(List.of(new Layer.Flatten(), new Layer.Dense(1000, SOFTMAX))),
                "The model has no dense layer before its output.");
    }

    @Test
    void testAccuracyShowsTheRunsOwnNumber() {
        Rule rule = new Rule.MinTestAccuracy(0.9);
        assertThat(rule.description().toString()).isEqualTo("Test accuracy of at least 90%");
        assertThat(new Rule.MinTestAccuracy(0.885).description().toString()).isEqualTo("Test accuracy of at least 88.5%");
        passes(rule, SampleRuns.withOutcome(0.9123, 8, 1L, 1.0), "Test accuracy 91.23%.");
        passes(rule, SampleRuns.withOutcome(0.9, 8, 1L, 1.0), "Test accuracy 90.00%.");
        fails(rule, SampleRuns.withOutcome(0.881, 8, 1L, 1.0), "Test accuracy 88.10%, below 90%.");
        // Rounded to two decimals this would read 90.00% and still fail: more digits say why.
        fails(rule, SampleRuns.withOutcome(0.89996, 8, 1L, 1.0), "Test accuracy 89.9960%, below 90%.");
        fails(rule, SampleRuns.withOutcome(null, 8, 1L, 1.0), "The run has no test accuracy (it did not finish).");
    }

    @Test
    void epochsAreTheOnesActuallyTrained() {
        Rule rule = new Rule.MaxEpochs(10);
        assertThat(rule.description().toString()).isEqualTo("Trained for at most 10 epochs");
        passes(rule, SampleRuns.withOutcome(0.9, 10, 1L, 1.0), "Trained for 10 epochs.");
        passes(rule, SampleRuns.withOutcome(0.9, 1, 1L, 1.0), "Trained for 1 epoch.");
        fails(rule, SampleRuns.withOutcome(0.9, 15, 1L, 1.0), "Trained for 15 epochs; at most 10 are allowed.");
    }

    @Test
    void trainingTimeHasALimitToo() {
        Rule rule = new Rule.MaxTrainSeconds(120);
        assertThat(rule.description().toString()).isEqualTo("Trained in at most 120 seconds");
        passes(rule, SampleRuns.withOutcome(0.9, 5, 1L, 95.25), "Training took 95.3 seconds.");
        fails(rule, SampleRuns.withOutcome(0.9, 5, 1L, 130.0), "Training took 130 seconds, over the limit of 120.");
        fails(rule, SampleRuns.withOutcome(0.9, 5, 1L, null), "The run did not record how long it trained.");
    }

    @Test
    void impossibleRulesAreRefusedWithAPlainMessage() {
        assertThatThrownBy(() -> new Rule.MinConvLayers(-1)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"At least N convolution layers\" needs N between 1 and 1000, not -1.");
        assertThatThrownBy(() -> new Rule.MaxConvLayers(-2)).hasMessageContaining("between 0 and 1000, not -2");
        assertThatThrownBy(() -> new Rule.MinPoolingLayers(0)).hasMessageContaining("not 0");
        assertThatThrownBy(() -> new Rule.MaxParams(0)).hasMessageContaining("1 or more, not 0");
        assertThatThrownBy(() -> new Rule.MaxDenseWidth(-5)).hasMessageContaining("not -5");
        assertThatThrownBy(() -> new Rule.MaxFilters(0)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"At most N filters\" needs N between 1 and 1,000,000, not 0.");
        assertThatThrownBy(() -> new Rule.MaxFilters(-16)).hasMessage("\"At most N filters\" needs N between 1 and 1,000,000, not -16.");
        assertThatThrownBy(() -> new Rule.MaxFilters(1_000_001)).hasMessageContaining("not 1000001");
        assertThatThrownBy(() -> new Rule.MaxFilters(Integer.MIN_VALUE)).isInstanceOf(InvalidRuleException.class);
        assertThat(new Rule.MaxFilters(1_000_000).count()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> new Rule.MaxEpochs(0)).hasMessageContaining("not 0");
        assertThatThrownBy(() -> new Rule.MaxTrainSeconds(-1)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new Rule.MinTestAccuracy(1.5)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("\"Test accuracy of at least X\" needs X above 0% and at most 100%, not 150%.");
        assertThatThrownBy(() -> new Rule.MinTestAccuracy(Double.NaN)).hasMessageContaining("not NaN");
        assertThatThrownBy(() -> new Rule.PoolingType(null)).hasMessageContaining("max or average");
        assertThatThrownBy(() -> new Rule.RequiresWeightPenalty(null)).hasMessageContaining("L1 or L2");
    }

    @Test
    void gradingTheSameRunTwiceGivesEqualGrades() {
        List<Rule> rules = List.of(new Rule.MinConvLayers(2), new Rule.MinPoolingLayers(2), new Rule.RequiresBatchNorm(),
                new Rule.MinTestAccuracy(0.9), new Rule.MaxEpochs(5));
        Grade first = Grader.grade(rules, run(TWO_STAGE_CNN));
        Grade second = Grader.grade(rules, run(TWO_STAGE_CNN));
        assertThat(second).isEqualTo(first);
        assertThat(first.results()).extracting(RuleResult::passed).containsExactly(true, true, false, true, false);
        assertThat(first.passed()).isEqualTo(3);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.summary().toString()).isEqualTo("3 of 5 rules passed");
        assertThat(first.allPassed()).isFalse();
    }

    private static GradedRun onData(String key, String name) {
        GradedRun r = run(TWO_STAGE_CNN);
        return new GradedRun(r.runId(), r.name(), r.finished(), r.spec(),
                org.convlab.training.engine.Hyperparameters.defaults().withDataset(key), r.testAccuracy(),
                r.epochsTrained(), r.params(), r.trainSeconds(), name);
    }

    @Test
    void trainedOnDatasetPassesTheChosenSetAndNamesBothWhenItFails() {
        Rule colour = new Rule.TrainedOnDataset("colour-shapes", "Colour shapes");
        assertThat(colour.description().toString()).isEqualTo("Trained on Colour shapes");
        passes(colour, onData("colour-shapes", "Colour shapes"), "Trained on Colour shapes.");
        // A run stored before data sets existed names none: it trained on Fashion-MNIST.
        fails(colour, onData(null, "Fashion-MNIST"), "Trained on Fashion-MNIST, but the assignment asks for Colour shapes.");
        fails(colour, onData(null, null), "Trained on Fashion-MNIST, but the assignment asks for Colour shapes.");
        fails(colour, onData("cats-1x2y3z", null),
                "Trained on a data set no longer on this server, but the assignment asks for Colour shapes.");
        fails(colour, onData("cats-1x2y3z", "Cats"), "Trained on Cats, but the assignment asks for Colour shapes.");
        passes(new Rule.TrainedOnDataset("fashion-mnist", "Fashion-MNIST"), onData(null, "Fashion-MNIST"),
                "Trained on Fashion-MNIST.");
        // The rule's own name stands when the set it asks for was deleted since.
        passes(new Rule.TrainedOnDataset("cats-1x2y3z", "Cats"), onData("cats-1x2y3z", null), "Trained on Cats.");
        fails(colour, SampleRuns.withSettings(null),
                "The run's training settings could not be read, so its data set is not known.");
    }
}
