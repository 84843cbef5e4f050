package org.convlab.lesson.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeckModelsTest {

    @Test
    void mnistCnnMatchesDeck002sSummary() {
        ModelSummary summary = DeckModels.mnistCnn().summary();
        assertThat(summary.layers()).extracting(LayerSummary::label).containsExactly(
                "conv2d (Conv2D)",
                "max_pooling2d (MaxPooling2D)",
                "conv2d_1 (Conv2D)",
                "max_pooling2d_1 (MaxPooling2D)",
                "flatten (Flatten)",
                "dense (Dense)",
                "dense_1 (Dense)");
        assertThat(summary.layers()).extracting(layer -> layer.outputShape().keras()).containsExactly(
                "(None, 26, 26, 64)",
                "(None, 13, 13, 64)",
                "(None, 11, 11, 128)",
                "(None, 5, 5, 128)",
                "(None, 3200)",
                "(None, 128)",
                "(None, 10)");
        assertThat(summary.layers()).extracting(layer -> layer.parameters().total())
                .containsExactly(640L, 0L, 73_856L, 0L, 0L, 409_728L, 1_290L);
        assertThat(summary.totalParameters()).isEqualTo(485_514L);
        assertThat(summary.layers().get(2).parameterFormula()).isEqualTo("(3·3·64 + 1)·128 = 73856");
        assertThat(summary.layers().get(5).parameterFormula()).isEqualTo("(3200 + 1)·128 = 409728");
        assertThat(summary.layers().get(0).outputShape().size()).as("deck 002's 43,264 features").isEqualTo(43_264);
    }

    @Test
    void deck004sSmallerModelCountsToo() {
        // Deck 004's "Machine Learning Mastery" model: 542,230 parameters.
        ModelSummary summary = SequentialModel.input(28, 28, 1)
                .add(new Conv2dLayer(32, 3))
                .add(new MaxPooling2dLayer(2))
                .add(new FlattenLayer())
                .add(new DenseLayer(100))
                .add(new DenseLayer(10))
                .summary();
        assertThat(summary.layers().get(2).outputShape()).isEqualTo(TensorShape.of(5408));
        assertThat(summary.layers()).extracting(layer -> layer.parameters().total())
                .containsExactly(320L, 0L, 0L, 540_900L, 1_010L);
        assertThat(summary.totalParameters()).isEqualTo(542_230L);
    }

    @Test
    void refusesLayersThatCannotTakeTheirInput() {
        assertThatThrownBy(() -> SequentialModel.input(28, 28, 1).add(new DenseLayer(10)).summary())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add a Flatten");
        assertThatThrownBy(() -> SequentialModel.input(2, 2, 1).add(new Conv2dLayer(8, 3)).summary())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel size 3 is larger");
        assertThatThrownBy(() -> TensorShape.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
