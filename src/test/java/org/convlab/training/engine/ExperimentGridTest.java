package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.training.engine.ExperimentGrid.Kind;
import org.junit.jupiter.api.Test;

class ExperimentGridTest {

    private final ModelSpec base = Presets.get("keras-cnn");
    private final Hyperparameters hp = Hyperparameters.defaults();

    @Test
    void activationByOptimizerChangesHiddenLayersOnlyAndEveryPairIsThere() {
        ExperimentGrid grid = ExperimentGrid.of(Kind.ACTIVATION_OPTIMIZER, base, hp);
        assertThat(grid.variants()).hasSize(ExperimentGrid.ACTIVATIONS.size() * ExperimentGrid.OPTIMIZERS.size());
        ExperimentGrid.Variant tanhSgd = grid.variants().stream().filter(v -> v.label().equals("tanh + sgd")).findFirst().orElseThrow();
        assertThat(tanhSgd.hyperparameters().optimizer()).isEqualTo(OptimizerKind.SGD);
        List<Layer> layers = tanhSgd.spec().layers();
        assertThat(((Layer.Conv2d) layers.get(0)).activation()).isEqualTo(ActivationKind.TANH);
        assertThat(((Layer.Dense) layers.get(5)).activation()).isEqualTo(ActivationKind.TANH);
        assertThat(((Layer.Dense) layers.get(6)).activation()).isEqualTo(ActivationKind.SOFTMAX);
        grid.variants().forEach(v -> ModelValidator.validate(v.spec()));
    }

    @Test
    void batchSizesPoolingAndRegularisersEachChangeOneThing() {
        assertThat(ExperimentGrid.of(Kind.BATCH_SIZE, base, hp).variants())
                .extracting(v -> v.hyperparameters().batchSize()).containsExactly(32, 64, 128, 256);

        var pooling = ExperimentGrid.of(Kind.POOLING, base, hp).variants();
        assertThat(pooling.get(1).spec().layers()).filteredOn(l -> l instanceof Layer.AvgPool).hasSize(2);
        assertThat(pooling.get(1).spec().layers()).noneMatch(l -> l instanceof Layer.MaxPool);
        assertThat(ModelValidator.validate(pooling.get(1).spec()).totalParams())
                .isEqualTo(ModelValidator.validate(base).totalParams());

        var regular = ExperimentGrid.of(Kind.REGULARIZATION, base, hp).variants();
        assertThat(regular).extracting(ExperimentGrid.Variant::label)
                .containsExactly("plain", "+ batch norm", "+ dropout", "+ augmentation", "+ L2 penalty");
        assertThat(regular.get(1).spec().layers()).filteredOn(l -> l instanceof Layer.BatchNorm).hasSize(2);
        assertThat(regular.get(2).spec().layers()).filteredOn(l -> l instanceof Layer.Dropout).hasSize(2);
        assertThat(regular.get(3).hyperparameters().augmentation().enabled()).isTrue();
        assertThat(regular.get(4).spec().layers()).filteredOn(l -> l instanceof Layer.Conv2d)
                .allSatisfy(l -> assertThat(((Layer.Conv2d) l).l2()).isEqualTo(1e-4));
        regular.forEach(v -> ModelValidator.validate(v.spec()));
    }
}
