package org.convlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every impossible model, and every model beyond the server's caps, gets a clear message. */
class ModelValidatorTest {

    private static String problem(String json) {
        return problem(json, ModelLimits.DEFAULT);
    }

    private static String problem(String json, ModelLimits limits) {
        try {
            ModelValidator.validate(ModelSpecJson.parse(json), limits);
        } catch (InvalidModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static String layers(String layers) {
        return "{\"layers\": [" + layers + "]}";
    }

    private static final String HEAD = "{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}";

    @Test
    void aMinimalModelIsAccepted() {
        ValidatedModel m = ModelValidator.validate(ModelSpecJson.parse(layers(HEAD)));
        assertThat(m.totalParams()).isEqualTo(7850);
        assertThat(m.spec().layers().get(1)).isEqualTo(new Layer.Dense(10, ActivationKind.LINEAR));
    }

    @Test
    void poolingThatShrinksBelowOnePixel() {
        String json = layers("{\"type\":\"conv2d\",\"filters\":8,\"kernel\":27},"
                + "{\"type\":\"maxpool\",\"pool\":2},{\"type\":\"maxpool\",\"pool\":2}," + HEAD);
        assertThat(problem(json)).isEqualTo("layer 3 (maxpool): the input is 1×1, too small for a 2×2 window"
                + " (remove a pooling layer or use padding \"same\" in the convolutions)");
    }

    @Test
    void kernelLargerThanTheImage() {
        String json = layers("{\"type\":\"maxpool\",\"pool\":14},{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3}," + HEAD);
        assertThat(problem(json)).startsWith("layer 2 (conv2d): the input is 2×2, too small for a 3×3 kernel");
    }

    @Test
    void samePaddingKeepsTheSizeSoASmallImageStillWorks() {
        String json = layers("{\"type\":\"maxpool\",\"pool\":14},"
                + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\"}," + HEAD);
        assertThat(ModelValidator.validate(ModelSpecJson.parse(json)).layers().get(1).output())
                .isEqualTo(LayerShape.image(8, 2, 2));
    }

    @Test
    void oneLayerCountsAsInAWholeModel() {
        // What the stacking lesson asks about: Keras' count of a layer on its own, biases included.
        assertThat(ModelValidator.parameterCount(new Layer.Dense(32, ActivationKind.RELU), LayerShape.vector(100)))
                .isEqualTo(3_232);
        assertThat(ModelValidator.parameterCount(new Layer.Conv2d(32, 3, ActivationKind.RELU),
                LayerShape.image(1, 28, 28))).isEqualTo(320);
        assertThat(ModelValidator.parameterCount(new Layer.BatchNorm(), LayerShape.image(32, 14, 14))).isEqualTo(128);
        assertThat(ModelValidator.parameterCount(new Layer.MaxPool(2), LayerShape.image(32, 14, 14))).isZero();
        ValidatedModel deck = ModelValidator.validate(Presets.get("keras-cnn"));
        for (ValidatedModel.LayerInfo layer : deck.layers()) {
            assertThat(ModelValidator.parameterCount(layer.layer(), layer.input())).as(layer.name())
                    .isEqualTo(layer.params());
        }
    }

    @Test
    void stridedConvolution() {
        String json = layers("{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"stride\":2}," + HEAD);
        assertThat(ModelValidator.validate(ModelSpecJson.parse(json)).layers().get(0).output())
                .isEqualTo(LayerShape.image(4, 13, 13));
    }

    @Test
    void missingFlatten() {
        String json = layers("{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3}");
        assertThat(problem(json)).isEqualTo("the model ends with an image of 8×26×26 (channels×height×width);"
                + " add a flatten layer and then a dense layer with 10 units");
    }

    @Test
    void denseOnAnImage() {
        String json = layers("{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3},{\"type\":\"dense\",\"units\":10}");
        assertThat(problem(json)).isEqualTo("layer 2 (dense): its input is an image of 8×26×26"
                + " (channels×height×width); add a flatten layer before the first dense layer");
    }

    @Test
    void convolutionAfterFlatten() {
        String json = layers("{\"type\":\"flatten\"},{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3},{\"type\":\"dense\",\"units\":10}");
        assertThat(problem(json)).isEqualTo("layer 2 (conv2d): its input is a flat vector of 784 values,"
                + " but convolution needs an image; move this layer before the flatten layer");
    }

    @Test
    void poolingAfterFlattenAndDoubleFlatten() {
        assertThat(problem(layers("{\"type\":\"flatten\"},{\"type\":\"avgpool\",\"pool\":2},{\"type\":\"dense\",\"units\":10}")))
                .contains("layer 2 (avgpool): its input is a flat vector of 784 values, but pooling needs an image");
        assertThat(problem(layers("{\"type\":\"flatten\"}," + HEAD)))
                .contains("layer 2 (flatten): the input is already flat (784 values)");
    }

    @Test
    void zeroAndNegativeSizes() {
        String json = layers("{\"type\":\"conv2d\",\"filters\":0,\"kernel\":-3,\"stride\":0},"
                + "{\"type\":\"maxpool\",\"pool\":0},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":-1}");
        InvalidModelException e = (InvalidModelException) catchInvalid(json);
        assertThat(e.problems()).containsExactly(
                "layer 1 (conv2d): filters must be at least 1, not 0",
                "layer 1 (conv2d): kernel must be at least 1, not -3",
                "layer 1 (conv2d): stride must be at least 1, not 0",
                "layer 2 (maxpool): pool must be at least 1, not 0",
                "layer 2 (maxpool): stride must be at least 1, not 0",
                "layer 4 (dense): units must be at least 1, not -1");
        assertThat(e.getMessage()).startsWith("the model has 6 problems:");
    }

    @Test
    void missingSizes() {
        assertThat(problem(layers("{\"type\":\"conv2d\",\"kernel\":3}," + HEAD)))
                .isEqualTo("layer 1 (conv2d): filters is missing");
        assertThat(problem(layers("{\"type\":\"flatten\"},{\"type\":\"dense\"}")))
                .isEqualTo("layer 2 (dense): units is missing");
        assertThat(problem(layers("{\"type\":\"dropout\"}," + HEAD))).startsWith("layer 1 (dropout): rate is missing");
        assertThat(problem(layers("{\"type\":\"activation\"}," + HEAD))).startsWith("layer 1 (activation): activation is missing");
    }

    @Test
    void badInputShapeAndClasses() {
        assertThat(problem("{\"input\":{\"channels\":1,\"height\":0,\"width\":28},\"layers\":[" + HEAD + "]}"))
                .isEqualTo("input: height must be at least 1, not 0");
        assertThat(problem("{\"classes\":1,\"layers\":[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":1}]}"))
                .isEqualTo("classes must be at least 2, not 1");
    }

    @Test
    void wrongNumberOfOutputs() {
        assertThat(problem(layers("{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":128}")))
                .isEqualTo("the last layer gives 128 values, but there are 10 classes: end with a dense layer of 10 units");
    }

    @Test
    void emptyModelAndNullLayer() {
        assertThat(problem("{\"layers\": []}")).startsWith("the model has no layers");
        assertThat(problem("{}")).startsWith("the model has no layers");
        assertThat(problem(layers("null," + HEAD))).isEqualTo("layer 1 is empty");
    }

    @Test
    void dropoutRateAndPenalties() {
        assertThat(problem(layers("{\"type\":\"dropout\",\"rate\":1.0}," + HEAD)))
                .isEqualTo("layer 1 (dropout): rate must be at least 0 and below 1, not 1.0");
        assertThat(problem(layers("{\"type\":\"dropout\",\"rate\":-0.1}," + HEAD)))
                .contains("rate must be at least 0 and below 1, not -0.1");
        assertThat(problem(layers("{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10,\"l2\":-0.01}")))
                .isEqualTo("layer 2 (dense): l2 (weight penalty) must be from 0 to 10, not -0.01");
        assertThat(problem(layers("{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"l1\":-1}," + HEAD)))
                .isEqualTo("layer 1 (conv2d): l1 (weight penalty) must be from 0 to 10, not -1.0");
    }

    @Test
    void serverLimits() {
        ModelLimits tight = new ModelLimits(1000, 3, 5);
        assertThat(problem(layers(HEAD), tight))
                .isEqualTo("the model has 7,850 parameters; this server allows at most 1,000");
        assertThat(problem(layers("{\"type\":\"dropout\",\"rate\":0.1},{\"type\":\"dropout\",\"rate\":0.1}," + HEAD), tight))
                .contains("the model has 4 layers; this server allows at most 3");
        assertThat(problem(layers(HEAD), ModelLimits.from(k -> k.equals("convlab.limits.max-params") ? "7849" : null)))
                .contains("at most 7,849");
    }

    @Test
    void jsonMistakesAreReadable() {
        assertThat(catchInvalid(layers("{\"type\":\"convolution\"}")).getMessage())
                .contains("unknown layer type 'convolution'").contains("known: conv2d");
        assertThat(catchInvalid(layers("{\"units\":3}")).getMessage()).contains("a layer has no \"type\"");
        assertThat(catchInvalid(layers("{\"type\":\"dense\",\"units\":10,\"activation\":\"relux\"}")).getMessage())
                .contains("unknown activation 'relux'").contains("leaky_relu");
        assertThat(catchInvalid(layers("{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"full\"}")).getMessage())
                .contains("unknown padding 'full'");
        assertThat(catchInvalid("{\"layers\": [").getMessage()).startsWith("the model spec is not valid JSON");
        assertThat(catchInvalid(layers("{\"type\":\"dense\",\"units\":10,\"unitz\":3}")).getMessage()).contains("unitz");
    }

    @Test
    void activationSpellingsFromKerasAreAccepted() {
        assertThat(ActivationKind.parse("LeakyReLU")).isEqualTo(ActivationKind.LEAKY_RELU);
        assertThat(ActivationKind.parse("leaky-relu")).isEqualTo(ActivationKind.LEAKY_RELU);
        assertThat(ActivationKind.parse("None")).isEqualTo(ActivationKind.LINEAR);
        assertThat(ActivationKind.parse("SELU")).isEqualTo(ActivationKind.SELU);
    }

    private static RuntimeException catchInvalid(String json) {
        try {
            ModelValidator.validate(ModelSpecJson.parse(json));
        } catch (InvalidModelException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void nullSpec() {
        assertThatThrownBy(() -> ModelValidator.validate(null)).hasMessage("the model spec is empty");
    }

    @Test
    void samePoolingKeepsTheWindowsThatHangOverTheEdge() {
        // 28 → ceil(28 / 3) = 10 with "same" (Keras' MaxPooling2D(3, padding="same")); 9 without.
        ValidatedModel same = ModelValidator.validate(ModelSpecJson.parse(layers(
                "{\"type\":\"maxpool\",\"pool\":3,\"padding\":\"same\"},{\"type\":\"avgpool\",\"pool\":4,\"padding\":\"same\"},"
                        + HEAD)));
        assertThat(same.layers().get(0).output()).isEqualTo(LayerShape.image(1, 10, 10));
        assertThat(same.layers().get(1).output()).isEqualTo(LayerShape.image(1, 3, 3));
        assertThat(same.layers().get(0).layer()).isEqualTo(new Layer.MaxPool(3, 3, Padding.SAME));
        ValidatedModel valid = ModelValidator.validate(ModelSpecJson.parse(layers("{\"type\":\"maxpool\",\"pool\":3}," + HEAD)));
        assertThat(valid.layers().get(0).output()).isEqualTo(LayerShape.image(1, 9, 9));
        assertThat(valid.layers().get(0).layer()).isEqualTo(new Layer.MaxPool(3, 3, Padding.VALID));
        // The option survives a round trip through JSON, and an old spec without it reads as before.
        assertThat(ModelSpecJson.parse(ModelSpecJson.write(same.spec())).layers().get(0))
                .isEqualTo(new Layer.MaxPool(3, 3, Padding.SAME));
    }

    @Test
    void samePoolingNeedsTheStrideToEqualTheWindow() {
        assertThat(problem(layers("{\"type\":\"maxpool\",\"pool\":3,\"stride\":2,\"padding\":\"same\"}," + HEAD)))
                .isEqualTo("layer 1 (maxpool): padding \"same\" needs the stride to equal the window (3), not 2;"
                        + " leave the stride out or use padding \"valid\"");
        assertThat(problem(layers("{\"type\":\"avgpool\",\"pool\":2,\"stride\":1,\"padding\":\"same\"}," + HEAD)))
                .startsWith("layer 1 (avgpool): padding \"same\" needs the stride to equal the window (2), not 1");
        assertThat(problem(layers("{\"type\":\"maxpool\",\"pool\":64,\"padding\":\"same\"}," + HEAD)))
                .startsWith("layer 1 (maxpool): the input is 28×28, too small for a 64×64 window");
    }

    @Test
    void anUnknownPoolingPaddingIsRefusedInOneLine() {
        assertThatThrownBy(() -> ModelSpecJson.parse(layers("{\"type\":\"maxpool\",\"pool\":2,\"padding\":\"full\"}," + HEAD)))
                .hasMessageContaining("unknown padding 'full' (known: valid, same)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void samePoolingGivesDjlCodeWithCeilModeAndThePaddingBefore() {
        // 28 in, window 3: 10 windows cover 30 cells, one padding cell before and one after.
        String code = DjlCode.of(ModelSpecJson.parse(layers(
                "{\"type\":\"maxpool\",\"pool\":3,\"padding\":\"same\"},{\"type\":\"avgpool\",\"pool\":2,\"padding\":\"same\"}," + HEAD)));
        assertThat(code).contains("Pool.maxPool2dBlock(new Shape(3, 3), new Shape(3, 3), new Shape(1, 1), true)")
                .contains("Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, false)");
    }

    private static InvalidModelException invalid(String json, ModelLimits limits) {
        try {
            ModelValidator.validate(ModelSpecJson.parse(json), limits);
        } catch (InvalidModelException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void problemsReadInTheReadersLanguageWhileTheMessageStaysEnglish() {
        InvalidModelException tooLarge = invalid(layers(HEAD), new ModelLimits(1000, 3, 5));
        assertThat(tooLarge.text().in(Locale.GERMAN))
                .isEqualTo("Das Modell hat 7.850 Parameter; dieser Server erlaubt höchstens 1.000");
        assertThat(tooLarge.text().in(Locale.of("es"))).isEqualTo("el modelo tiene 7.850 parámetros; este servidor permite como máximo 1.000");
        assertThat(tooLarge.getMessage()).isEqualTo("the model has 7,850 parameters; this server allows at most 1,000");

        InvalidModelException fields = invalid(layers("{\"type\":\"conv2d\",\"filters\":0,\"kernel\":3},"
                + "{\"type\":\"dropout\",\"rate\":1.5}," + HEAD), ModelLimits.DEFAULT);
        assertThat(fields.problemTexts()).extracting(t -> t.in(Locale.GERMAN)).containsExactly(
                "Schicht 1 (conv2d): filters muss mindestens 1 sein, nicht 0",
                "Schicht 2 (dropout): rate muss mindestens 0 und kleiner als 1 sein, nicht 1,5");
        assertThat(fields.oneLineText().in(Locale.of("es"))).isEqualTo("2 problemas: capa 1 (conv2d): filters debe ser "
                + "al menos 1, no 0; capa 2 (dropout): rate debe ser al menos 0 y menor que 1, no 1,5");
        assertThat(fields.oneLine()).isEqualTo("2 problems: layer 1 (conv2d): filters must be at least 1, not 0; "
                + "layer 2 (dropout): rate must be at least 0 and below 1, not 1.5");
        assertThat(fields.problems()).hasSize(2);
    }

    @Test
    void unreadableJsonReadsInGermanToo() {
        InvalidModelException e = (InvalidModelException) catchThrowable(() -> ModelSpecJson.parse(layers("{\"type\":\"teleport\"}")));
        assertThat(e.getMessage()).isEqualTo("the model spec is not valid JSON for a model: layer 1: unknown layer type "
                + "'teleport' (known: conv2d, maxpool, avgpool, batchnorm, dropout, flatten, dense, activation)");
        assertThat(e.text().in(Locale.GERMAN)).startsWith("Die Modellbeschreibung ist kein gültiges JSON für ein Modell: "
                + "Schicht 1: unbekannte Schichtart „teleport“ (bekannt: conv2d,");
        InvalidModelException units = (InvalidModelException) catchThrowable(() -> ModelSpecJson.parse(layers(
                "{\"type\":\"dense\",\"units\":\"ten\"}")));
        assertThat(units.getMessage()).contains("layer 1: units: must be a whole number");
        assertThat(units.text().in(Locale.GERMAN)).contains("Schicht 1: units: muss eine ganze Zahl sein");
        InvalidModelException relux = (InvalidModelException) catchThrowable(() -> ModelSpecJson.parse(layers(
                "{\"type\":\"dense\",\"units\":10,\"activation\":\"relux\"}")));
        assertThat(relux.getMessage()).contains("unknown activation 'relux' (known: ");
        assertThat(relux.text().in(Locale.of("es"))).contains("capa 1: activation: función de activación desconocida «relux»");
    }
}
