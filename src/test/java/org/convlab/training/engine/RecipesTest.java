package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;

class RecipesTest {

    @Test
    void everyRecipeIsARunTheServerAcceptsAndExplainsEachChoice() {
        assertThat(Recipes.names()).contains("quick");
        for (Recipe recipe : Recipes.all()) {
            RunPlan plan = RunPlan.check(recipe.model(), recipe.settings(), ModelLimits.DEFAULT);
            assertThat(plan.model().spec().name()).isEqualTo(recipe.preset());
            assertThat(recipe.reasons()).as(recipe.name()).hasSizeGreaterThanOrEqualTo(5);
            for (Recipe.Reason reason : recipe.reasons()) {
                assertThat(reason.choice().toString()).isNotBlank();
                assertThat(reason.why().toString()).as(reason.choice().toString()).isNotBlank().endsWith(".");
            }
        }
    }

    @Test
    void theQuickRecipeIsTheOneItsReasonsDescribe() {
        Recipe quick = Recipes.get("quick");
        Hyperparameters hp = quick.settings();
        assertThat(hp.epochs()).isEqualTo(4);
        assertThat(hp.batchSize()).isEqualTo(128);
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(hp.learningRate()).isEqualTo(0.003);
        assertThat(hp.schedule().kind()).isEqualTo(LearningRateSchedule.Kind.ONE_CYCLE);
        assertThat(hp.validationSplit()).isZero();
        assertThat(hp.limit()).isNull();
        assertThat(hp.augmentation().enabled()).isFalse();
        List<String> choices = quick.reasons().stream().map(r -> r.choice().toString()).toList();
        assertThat(String.join(" | ", choices)).contains("quick-cnn", "Batch norm", "128", "0.003", "One-cycle",
                "4 epochs", "augmentation");
        assertThat(quick.model().layers()).anyMatch(l -> l instanceof org.convlab.model.Layer.BatchNorm);
    }

    @Test
    void anUnknownRecipeNamesTheKnownOnes() {
        assertThat(Recipes.find(" QUICK ")).contains(Recipes.get("quick"));
        assertThatThrownBy(() -> Recipes.get("../../etc/passwd"))
                .hasMessage("unknown recipe '../../etc/passwd' (known: " + String.join(", ", Recipes.names()) + ")");
        assertThat(Recipes.find(null)).isEmpty();
    }

    /**
     * The quick recipe as it is (4 epochs, batch 128, one-cycle at 0.003) on the first 6,000 images:
     * a few seconds here. Judged on all 10,000 test images, like the full recipe.
     */
    @Test
    void theQuickRecipeLearnsOnASmallSubset() {
        Recipe quick = Recipes.get("quick");
        ValidatedModel model = RunPlan.check(quick.model(), quick.settings(), ModelLimits.DEFAULT).model();
        List<Double> rates = new ArrayList<>();
        List<LoopTimings> timings = new ArrayList<>();
        TrainerResult result = new ModelTrainer().train(model, quick.settings().withLimit(6_000).withDevice(DeviceChoice.CPU),
                TrainingFixtures.train(), new ProgressListener() {
                    @Override
                    public void onEpoch(EpochReport r) {
                        rates.add(r.learningRate());
                    }

                    @Override
                    public void onLoopTimings(LoopTimings t) {
                        timings.add(t);
                    }
                }, new TrainingControl());
        try (TrainedModel trained = result.model()) {
            List<Double> losses = result.history().stream().map(ProgressListener.EpochReport::loss).toList();
            assertThat(losses).hasSize(4);
            assertThat(losses.getLast()).isLessThan(losses.getFirst() * 0.7);
            double accuracy = ModelEvaluator.evaluate(trained, TrainingFixtures.test(), 0).testAccuracy();
            assertThat(accuracy).as("test accuracy after 6,000 images × 4 epochs").isGreaterThan(0.82);
        }
        // One-cycle: the rate at the end of epoch 2 is near the peak, and the last epoch anneals it.
        assertThat(rates.get(1)).isGreaterThan(rates.get(3) * 10);
        // Where each epoch's time went: every phase measured, together no more than the epoch.
        assertThat(timings).extracting(LoopTimings::epoch).containsExactly(1, 2, 3, 4);
        for (LoopTimings t : timings) {
            assertThat(t.batches()).isEqualTo(47);  // 6,000 / 128, the last batch part-full
            assertThat(t.forward()).isPositive();
            assertThat(t.backward()).isPositive();
            assertThat(t.step()).isPositive();
            double phases = t.phases().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(phases).isCloseTo(t.total(), org.assertj.core.api.Assertions.within(1e-6 + t.total() * 1e-6))
                    .isLessThanOrEqualTo(t.total() + 1e-9);
        }
    }

    @Test
    void aSpecNamedLikeARecipeIsNotOne() {
        ModelSpec quickModel = Recipes.get("quick").model();
        assertThat(quickModel.name()).isEqualTo("quick-cnn");
        assertThat(Recipes.find("quick-cnn")).isEmpty();
    }
}
