package org.convlab.lesson.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;

/** The arithmetic the stacking lesson shows next to each of the model's counts. */
class ParameterFormulaTest {

    @Test
    void deck002sNetworkShowsHowEachCountComesAbout() {
        ValidatedModel deck = ModelValidator.validate(Presets.get("keras-cnn"));
        assertThat(deck.layers()).extracting(ParameterFormula::of).containsExactly(
                "(3·3·1 + 1)·64 = 640",
                "0: pooling has nothing to learn",
                "(3·3·64 + 1)·128 = 73,856",
                "0: pooling has nothing to learn",
                "0: flattening only reorders values",
                "(3,200 + 1)·128 = 409,728",
                "(128 + 1)·10 = 1,290");
        assertThat(deck.totalParams()).isEqualTo(485_514);
        assertThat(deck.layers().getFirst().output().size()).as("deck 002's 43,264 features").isEqualTo(43_264);
    }

    @Test
    void everyFormulaEndsInTheModelsOwnCount() {
        ValidatedModel deep = ModelValidator.validate(Presets.get("deep-cnn"));
        for (ValidatedModel.LayerInfo layer : deep.layers()) {
            String formula = ParameterFormula.of(layer);
            assertThat(formula).as(layer.name()).matches(layer.params() == 0 ? "0: .*" : ".* = " + ParameterFormula.grouped(layer.params()));
        }
        assertThat(ParameterFormula.of(deep.layers().get(1)))
                .isEqualTo("2·32 learned (γ, β) + 2·32 tracked (mean, variance) = 128");
    }

    @Test
    void aLayerOnItsOwnCountsOnTheInputItIsGiven() {
        // 32 input channels: more than a model's input may have, but a layer deep in a network gets them.
        assertThat(ParameterFormula.of(new Layer.Conv2d(16, 5, ActivationKind.RELU), LayerShape.image(32, 28, 28)))
                .isEqualTo("(5·5·32 + 1)·16 = 12,816");
        assertThat(ParameterFormula.of(new Layer.Dense(64, ActivationKind.RELU), LayerShape.vector(320)))
                .isEqualTo("(320 + 1)·64 = 20,544");
        assertThat(List.of(new Layer.Dropout(0.5), new Layer.ActivationLayer(ActivationKind.TANH)))
                .extracting(layer -> ParameterFormula.of(layer, LayerShape.vector(10)))
                .allMatch(formula -> formula.startsWith("0: "));
    }

    @Test
    void largeNumbersAreGroupedInThousands() {
        assertThat(ParameterFormula.of(new Layer.Conv2d(10_000, 99, ActivationKind.RELU),
                LayerShape.image(10_000, 99, 99))).isEqualTo("(99·99·10,000 + 1)·10,000 = 980,100,010,000");
        assertThat(ParameterFormula.grouped(3_840_000)).isEqualTo("3,840,000");
        assertThat(ParameterFormula.grouped(999)).isEqualTo("999");
    }
}
