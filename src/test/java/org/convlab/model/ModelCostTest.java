package org.convlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCostTest {

    private static long cost(ModelSpec spec) {
        return ModelCost.multiplyAdds(ModelValidator.validate(spec, ModelLimits.UNBOUNDED));
    }

    @Test
    void aConvolutionCostsOutputHeightTimesWidthTimesFiltersTimesKernelAreaTimesInputChannels() {
        ModelSpec conv = new ModelSpec("c", List.of(new Layer.Conv2d(8, 3, ActivationKind.RELU), new Layer.Flatten(),
                new Layer.Dense(10, ActivationKind.SOFTMAX)));
        // 26×26×8 outputs of 3×3×1 products, then 5,408 × 10 for the dense layer.
        assertThat(cost(conv)).isEqualTo(26L * 26 * 8 * 9 + 5_408L * 10);
    }

    @Test
    void thePresetsCostWhatTheirLayersSay() {
        // 784×128 + 128×10.
        assertThat(cost(Presets.get("dense"))).isEqualTo(101_632);
        // conv 26×26×64×9, pool 13×13×64, conv 11×11×128×9×64, pool 5×5×128, dense 3,200×128 and 128×10.
        assertThat(cost(Presets.get("keras-cnn")))
                .isEqualTo(389_376L + 10_816 + 8_921_088 + 3_200 + 409_600 + 1_280);
        assertThat(cost(Presets.get("keras-cnn"))).isGreaterThan(50 * cost(Presets.get("dense")));
    }
}
