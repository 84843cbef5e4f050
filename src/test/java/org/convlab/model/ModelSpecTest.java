package org.convlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A preset chosen for another data set takes that set's images and gives one value per class. */
class ModelSpecTest {

    @Test
    void kerasCnnForThirtyTwoPixelColourImagesOfFourClasses() {
        ModelSpec spec = Presets.get("keras-cnn").forData(3, 32, 4);
        ModelSummary s = ModelSummary.of(spec, ModelLimits.DEFAULT);
        // conv 64 3×3 over 3 channels: (3·3·3 + 1)·64 = 1,792; 32 → 30 → pool 15 → conv 13 → pool 6:
        // flatten 6·6·128 = 4,608; dense (4,608 + 1)·128 = 589,952; output (128 + 1)·4 = 516.
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 30, 30, 64)", "(None, 15, 15, 64)", "(None, 13, 13, 128)", "(None, 6, 6, 128)",
                "(None, 4608)", "(None, 128)", "(None, 4)");
        assertThat(s.layers()).extracting(ModelSummary.Row::params)
                .containsExactly(1792L, 0L, 73856L, 0L, 0L, 589952L, 516L);
    }

    @Test
    void theSameDataLeavesTheModelAsItWas() {
        ModelSpec spec = Presets.get("dense");
        assertThat(spec.forData(1, 28, 10).layers()).isEqualTo(spec.layers());
        assertThat(spec.forData(1, 28, 10).inputOrDefault()).isEqualTo(ModelSpec.FASHION_MNIST);
    }

    @Test
    void aModelWhoseLastDenseLayerIsNotTheClassesKeepsItsLayers() {
        ModelSpec odd = new ModelSpec("odd", ModelSpec.FASHION_MNIST, 10, java.util.List.of(
                new Layer.Flatten(), new Layer.Dense(7, ActivationKind.RELU)));
        // Not the classes: left for the validator to report, never silently changed.
        assertThat(odd.forData(1, 28, 3).layers()).isEqualTo(odd.layers());
        assertThat(odd.forData(1, 28, 3).classesOrDefault()).isEqualTo(3);
    }
}
