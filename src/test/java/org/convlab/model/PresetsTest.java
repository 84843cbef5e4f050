package org.convlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decks print two Keras summaries; our counts must match them row by row. */
class PresetsTest {

    @Test
    void kerasCnnMatchesDeck002Summary() {
        ModelSummary s = ModelSummary.of(Presets.get("keras-cnn"), ModelLimits.DEFAULT);
        assertThat(s.layers()).extracting(ModelSummary.Row::name).containsExactly(
                "conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1");
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 26, 26, 64)", "(None, 13, 13, 64)", "(None, 11, 11, 128)", "(None, 5, 5, 128)",
                "(None, 3200)", "(None, 128)", "(None, 10)");
        assertThat(s.layers()).extracting(ModelSummary.Row::params)
                .containsExactly(640L, 0L, 73856L, 0L, 0L, 409728L, 1290L);
        assertThat(s.totalParams()).isEqualTo(485_514);
        assertThat(s.trainableParams()).isEqualTo(485_514);
        assertThat(s.nonTrainableParams()).isZero();
    }

    @Test
    void baselineCnnMatchesDeck004Summary() {
        ModelSummary s = ModelSummary.of(Presets.get("baseline-cnn"), ModelLimits.DEFAULT);
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 26, 26, 32)", "(None, 13, 13, 32)", "(None, 5408)", "(None, 100)", "(None, 10)");
        assertThat(s.layers()).extracting(ModelSummary.Row::params)
                .containsExactly(320L, 0L, 0L, 540900L, 1010L);
        assertThat(s.totalParams()).isEqualTo(542_230);
    }

    /** Keras's summary of the same layers: Conv2D(16, 3) + BatchNormalization + MaxPooling2D + Dense(100) + Dense(10). */
    @Test
    void quickCnnMatchesKerasSummary() {
        ModelSummary s = ModelSummary.of(Presets.get("quick-cnn"), ModelLimits.DEFAULT);
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 26, 26, 16)", "(None, 26, 26, 16)", "(None, 13, 13, 16)", "(None, 2704)", "(None, 100)", "(None, 10)");
        // 16×(3×3×1)+16; 4×16 (γ, β, moving mean, moving variance); 2704×100+100; 100×10+10.
        assertThat(s.layers()).extracting(ModelSummary.Row::params)
                .containsExactly(160L, 64L, 0L, 0L, 270_500L, 1_010L);
        assertThat(s.totalParams()).isEqualTo(271_734);
        assertThat(s.nonTrainableParams()).isEqualTo(32);
    }

    /** Keras's summary of the same layers (Conv2D padding="same", BatchNormalization, ReLU, Dropout, ...). */
    @Test
    void bestCnnMatchesKerasSummary() {
        ModelSummary s = ModelSummary.of(Presets.get("best-cnn"), ModelLimits.DEFAULT);
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 28, 28, 32)", "(None, 28, 28, 32)", "(None, 28, 28, 32)",
                "(None, 28, 28, 32)", "(None, 28, 28, 32)", "(None, 28, 28, 32)",
                "(None, 14, 14, 32)", "(None, 14, 14, 32)",
                "(None, 14, 14, 64)", "(None, 14, 14, 64)", "(None, 14, 14, 64)",
                "(None, 7, 7, 64)", "(None, 7, 7, 64)", "(None, 3136)",
                "(None, 128)", "(None, 128)", "(None, 128)", "(None, 128)", "(None, 10)");
        assertThat(s.layers()).extracting(ModelSummary.Row::params).containsExactly(
                320L, 128L, 0L, 9_248L, 128L, 0L, 0L, 0L, 18_496L, 256L, 0L, 0L, 0L, 0L, 401_536L, 512L, 0L, 0L, 1_290L);
        assertThat(s.totalParams()).isEqualTo(431_914);
        assertThat(s.nonTrainableParams()).isEqualTo(2L * (32 + 32 + 64 + 128));
    }

    /**
     * Deck 003's exercise two on CIFAR-10 (32×32×3), worked out by hand: conv (3·3·3+1)·32 = 896,
     * 32→30; conv (3·3·32+1)·32 = 9,248, →28; pool →14; conv (3·3·32+1)·64 = 18,496, →12; conv
     * (3·3·64+1)·64 = 36,928, →10; pool →5; flatten 5·5·64 = 1,600; dense (1,600+1)·512 = 819,712;
     * output (512+1)·10 = 5,130. Total 890,410.
     */
    @Test
    void cifarCnnMatchesDeck003ExerciseTwo() {
        ModelSpec spec = Presets.get("cifar-cnn");
        assertThat(spec.input()).isEqualTo(new ModelSpec.InputShape(3, 32, 32));
        ValidatedModel model = ModelValidator.validate(spec);
        assertThat(model.input()).isEqualTo(LayerShape.image(3, 32, 32));
        ModelSummary s = ModelSummary.of(model);
        assertThat(s.layers()).extracting(ModelSummary.Row::name).containsExactly(
                "conv2d", "conv2d_1", "max_pooling2d", "conv2d_2", "conv2d_3", "max_pooling2d_1",
                "flatten", "dense", "dense_1");
        assertThat(s.layers()).extracting(ModelSummary.Row::type).containsExactly(
                "Conv2D", "Conv2D", "MaxPooling2D", "Conv2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense");
        assertThat(s.layers()).extracting(ModelSummary.Row::outputShape).containsExactly(
                "(None, 30, 30, 32)", "(None, 28, 28, 32)", "(None, 14, 14, 32)",
                "(None, 12, 12, 64)", "(None, 10, 10, 64)", "(None, 5, 5, 64)",
                "(None, 1600)", "(None, 512)", "(None, 10)");
        assertThat(s.layers()).extracting(ModelSummary.Row::params).containsExactly(
                896L, 9_248L, 0L, 18_496L, 36_928L, 0L, 0L, 819_712L, 5_130L);
        assertThat(s.totalParams()).isEqualTo(890_410);
        assertThat(s.trainableParams()).isEqualTo(890_410);
        assertThat(s.nonTrainableParams()).isZero();
        assertThat(s.toText()).contains("conv2d_3 (Conv2D)").contains("(None, 5, 5, 64)").contains("819,712")
                .contains("Total params: 890,410");
    }

    /** Every other preset is for Fashion-MNIST; the colour one keeps its input through JSON. */
    @Test
    void onlyTheCifarPresetTakesColourImages() {
        for (String name : Presets.names()) {
            ModelSpec.InputShape expected = name.equals("cifar-cnn") ? ModelSpec.COLOUR_32 : ModelSpec.FASHION_MNIST;
            assertThat(Presets.get(name).inputOrDefault()).as(name).isEqualTo(expected);
        }
        ModelSpec back = ModelSpecJson.parse(ModelSpecJson.write(Presets.get("cifar-cnn")));
        assertThat(back.input()).isEqualTo(new ModelSpec.InputShape(3, 32, 32));
        assertThat(ModelValidator.validate(back).totalParams()).isEqualTo(890_410);
    }

    @Test
    void batchNormHasTwoTrainableAndTwoTrackedValuesPerChannel() {
        ModelSummary s = ModelSummary.of(Presets.get("deep-cnn"), ModelLimits.DEFAULT);
        ModelSummary.Row firstBn = s.layers().get(1);
        assertThat(firstBn.type()).isEqualTo("BatchNormalization");
        assertThat(firstBn.params()).isEqualTo(4 * 32);
        // 32 + 32 + 64 + 64 channels and 128 units are normalized: 2 tracked values each.
        assertThat(s.nonTrainableParams()).isEqualTo(2L * (32 + 32 + 64 + 64 + 128));
        assertThat(s.totalParams()).isEqualTo(s.trainableParams() + s.nonTrainableParams());
    }

    @Test
    void everyPresetValidatesAndEndsInTenClasses() {
        for (String name : Presets.names()) {
            ValidatedModel m = ModelValidator.validate(Presets.get(name));
            assertThat(m.output()).as(name).isEqualTo(LayerShape.vector(10));
        }
        assertThat(Presets.names()).containsExactly("dense", "baseline-cnn", "keras-cnn", "linear-cnn", "quick-cnn",
                "best-cnn", "deep-cnn", "cifar-cnn");
        assertThat(ModelSummary.of(Presets.get("dense"), ModelLimits.DEFAULT).totalParams()).isEqualTo(101_770);
        assertThat(ModelSummary.of(Presets.get("linear-cnn"), ModelLimits.DEFAULT).totalParams()).isEqualTo(216_650);
    }

    @Test
    void textLooksLikeKeras() {
        String text = ModelSummary.of(Presets.get("keras-cnn"), ModelLimits.DEFAULT).toText();
        assertThat(text).contains("conv2d_1 (Conv2D)").contains("(None, 11, 11, 128)").contains("73,856")
                .contains("Total params: 485,514").contains("Non-trainable params: 0");
    }

    @Test
    void presetsRoundTripThroughJson() {
        for (String name : Presets.names()) {
            ModelSpec spec = Presets.get(name);
            ModelSpec back = ModelSpecJson.parse(ModelSpecJson.write(spec));
            assertThat(ModelValidator.validate(back).spec()).as(name).isEqualTo(ModelValidator.validate(spec).spec());
        }
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Presets.get("resnet"))
                .hasMessageContaining("unknown preset 'resnet'").hasMessageContaining("keras-cnn");
        assertThat(List.of()).isEmpty();
    }
}
