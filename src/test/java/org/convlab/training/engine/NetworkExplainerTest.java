package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;

/**
 * The explanation's arithmetic against the network's own forward pass: every kind of layer, every
 * activation, batch norm and dropout in inference mode, cells in the corners (inside "same"
 * padding) and in the middle.
 */
class NetworkExplainerTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void everyTracedNumberOfTheTrainedTinyCnnIsTheModelsOwn() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] image = TrainingFixtures.test().image(0);
        Map<String, Integer> kinds = traceEveryLayer(model, image);
        assertThat(kinds).containsKeys("ConvCell", "PoolCell", "FlattenCell", "DenseUnit");
    }

    @Test
    void batchNormAndDropoutAreTracedAsTheyWorkOnceTrained() {
        // best-cnn: "same" padding, batch norm after convs and a dense layer, three dropouts.
        ValidatedModel spec = ModelValidator.validate(Presets.get("best-cnn"));
        try (TrainedModel model = trainBriefly(spec)) {
            Map<String, Integer> kinds = traceEveryLayer(model, TrainingFixtures.test().image(3));
            assertThat(kinds).containsKeys("ConvCell", "NormCell", "ActivationCell", "PoolCell", "DropoutCell",
                    "FlattenCell", "DenseUnit");
            NeuronTrace.NormCell norm = (NeuronTrace.NormCell) new NetworkExplainer(model)
                    .trace(TrainingFixtures.test().image(3), 2, 5, 10, 10);
            // Trained statistics, not the initial 0 and 1: the test would pass trivially otherwise.
            assertThat(norm.mean()).isNotEqualTo(0.0);
            assertThat(norm.variance()).isNotEqualTo(1.0);
        }
    }

    @Test
    void everyOtherActivationAndAveragePoolingAndStridesAgreeToo() {
        ValidatedModel spec = ModelValidator.validate(new ModelSpec("every-kind", List.of(
                new Layer.Conv2d(4, 5, 2, Padding.VALID, ActivationKind.TANH, 0.0, 0.0),
                new Layer.ActivationLayer(ActivationKind.LEAKY_RELU),
                new Layer.AvgPool(2),
                new Layer.Conv2d(3, 3, 1, Padding.SAME, ActivationKind.ELU, 0.0, 0.0),
                new Layer.ActivationLayer(ActivationKind.SELU),
                new Layer.Flatten(),
                new Layer.Dense(12, ActivationKind.SIGMOID),
                new Layer.Dense(10, ActivationKind.LINEAR),
                new Layer.ActivationLayer(ActivationKind.SOFTMAX))));
        try (TrainedModel model = trainBriefly(spec)) {
            Map<String, Integer> kinds = traceEveryLayer(model, TrainingFixtures.test().image(7));
            assertThat(kinds).containsKeys("ConvCell", "ActivationCell", "PoolCell", "FlattenCell", "DenseUnit");
            NeuronTrace.ActivationCell last = (NeuronTrace.ActivationCell) new NetworkExplainer(model)
                    .trace(TrainingFixtures.test().image(7), 9, 4, 0, 0);
            assertThat(last.softmax()).isNotNull();
            assertThat(last.value()).isCloseTo(model.predict(TrainingFixtures.test().image(7)).probabilities()[4],
                    within(TOLERANCE));
        }
    }

    @Test
    void samePoolingCellsAtTheEdgeAreTheForwardPassesOwn() {
        // 9×10 → conv 3×3 → 7×8 (negatives too: linear); max 3×3 "same" → 3×3, one padding row
        // before and one after, one column after; mean 2×2 "same" → 2×2, the last row and column alone.
        ValidatedModel spec = ModelValidator.validate(new ModelSpec("same-pooling", new ModelSpec.InputShape(1, 9, 10), 2,
                List.of(new Layer.Conv2d(2, 3, ActivationKind.LINEAR),
                        new Layer.MaxPool(3, 3, Padding.SAME),
                        new Layer.AvgPool(2, 2, Padding.SAME),
                        new Layer.Flatten(),
                        new Layer.Dense(2, ActivationKind.LINEAR))));
        assertThat(spec.layers().get(1).output()).isEqualTo(LayerShape.image(2, 3, 3));
        assertThat(spec.layers().get(2).output()).isEqualTo(LayerShape.image(2, 2, 2));
        float[] image = new float[90];
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat() * 2 - 1;
        }
        try (TrainedModel model = untrained(spec)) {
            Map<String, Integer> kinds = traceEveryLayer(model, image);
            assertThat(kinds).containsEntry("PoolCell", 6);
            NetworkExplainer explain = new NetworkExplainer(model);
            float[] conv = explain.outputs(image, 1)[1];
            // Top-left max window: rows −1..1 of the 7×8 map, so only rows 0..1 count.
            NeuronTrace.PoolCell corner = (NeuronTrace.PoolCell) explain.trace(image, 2, 1, 0, 0);
            assertThat(corner.clipped()).isTrue();
            assertThat(corner.pool()).isEqualTo(3);
            assertThat(corner.top()).isZero();
            assertThat(corner.window()).hasDimensions(2, 3);
            double best = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    best = Math.max(best, conv[56 + r * 8 + c]);
                }
            }
            assertThat(corner.value()).isEqualTo(best).isCloseTo(corner.modelValue(), within(1e-6));
            // Bottom-right mean window: a single cell of the 3×3 map, its mean is itself.
            NeuronTrace.PoolCell last = (NeuronTrace.PoolCell) explain.trace(image, 3, 0, 1, 1);
            assertThat(last.window()).hasDimensions(1, 1);
            assertThat(last.value()).isEqualTo(explain.outputs(image, 2)[2][8], within(0.0))
                    .isCloseTo(last.modelValue(), within(1e-6));
            NeuronTrace.PoolCell inside = (NeuronTrace.PoolCell) explain.trace(image, 3, 0, 0, 0);
            assertThat(inside.clipped()).isFalse();
        }
    }

    @Test
    void aConvCellShowsEveryChannelsWindowWeightsProductsAndSums() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] image = TrainingFixtures.test().image(0);
        NetworkExplainer explain = new NetworkExplainer(model);
        // Layer 3 reads the 8 maps of layer 2 (14×14): a corner cell hangs over the padding.
        NeuronTrace.ConvCell cell = (NeuronTrace.ConvCell) explain.trace(image, 3, 5, 0, 13);
        assertThat(cell.inputs()).hasNumberOfRows(8);
        assertThat(cell.top()).isEqualTo(-1);
        assertThat(cell.left()).isEqualTo(12);
        float[] previous = explain.outputs(image, 2)[2];
        for (int c = 0; c < 8; c++) {
            assertThat(cell.inputs()[c][0]).containsOnly(0.0); // the row above the map: padding
            assertThat(cell.inputs()[c][2][2]).isEqualTo(0.0); // the column right of the map
            assertThat(cell.inputs()[c][1][0]).isEqualTo(previous[c * 196 + 12], within(0.0));
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(cell.products()[c][i][j]).isEqualTo(cell.inputs()[c][i][j] * cell.weights()[c][i][j]);
                    sum += cell.products()[c][i][j];
                }
            }
            assertThat(cell.channelSums()[c]).isCloseTo(sum, within(1e-12));
        }
        assertThat(cell.preActivation()).isCloseTo(sumOf(cell.channelSums()) + cell.bias(), within(1e-12));
        assertThat(cell.activation()).isEqualTo("relu");
        assertThat(cell.value()).isEqualTo(Math.max(0, cell.preActivation()));
    }

    @Test
    void theOutputUnitTurnsLogitsIntoTheModelsProbabilities() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] image = TrainingFixtures.test().image(1);
        NeuronTrace.DenseUnit out = (NeuronTrace.DenseUnit) new NetworkExplainer(model).trace(image, 7, 2, 0, 0);
        TrainedModel.Prediction prediction = model.predict(image);
        assertThat(out.softmax().probabilities()).hasSize(10);
        for (int k = 0; k < 10; k++) {
            assertThat(out.softmax().probabilities()[k]).isCloseTo(prediction.probabilities()[k], within(TOLERANCE));
        }
        assertThat(out.softmax().predicted()).isEqualTo(prediction.classIndex());
        assertThat(out.softmax().classNames()).hasSize(10);
        assertThat(out.largest()).hasSize(NetworkExplainer.LARGEST_CONTRIBUTIONS);
        assertThat(out.restCount()).isEqualTo(32 - NetworkExplainer.LARGEST_CONTRIBUTIONS);
        double sum = out.rest() + out.bias();
        for (NeuronTrace.Contribution c : out.largest()) {
            sum += c.product();
            assertThat(c.source()).startsWith("unit ").endsWith("of layer 6");
        }
        assertThat(sum).isCloseTo(out.preActivation(), within(1e-9));
        assertThat(Math.abs(out.largest().getFirst().product()))
                .isGreaterThanOrEqualTo(Math.abs(out.largest().getLast().product()));
    }

    @Test
    void theOverviewHasTheInputEveryLayerAndThePrediction() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] image = TrainingFixtures.test().image(0);
        NetworkExplainer.Overview overview = new NetworkExplainer(model).overview(image);
        assertThat(overview.layers()).hasSize(8);
        assertThat(overview.layers().getFirst().values()).isEqualTo(image);
        NetworkExplainer.LayerOutput conv = overview.layers().get(1);
        assertThat(conv.channels()).isEqualTo(8);
        assertThat(conv.height()).isEqualTo(28);
        assertThat(conv.params()).isEqualTo(8 * 9 + 8);
        assertThat(conv.mixesChannels()).isTrue();
        assertThat(overview.layers().get(2).mixesChannels()).isFalse();
        assertThat(conv.values()).containsExactly(flatten(new ModelIntrospector(model).featureMaps(1, image).values()));
        NetworkExplainer.LayerOutput last = overview.layers().getLast();
        assertThat(last.flat()).isTrue();
        assertThat(last.values()).containsExactly(overview.probabilities());
        TrainedModel.Prediction prediction = model.predict(image);
        assertThat(overview.predicted()).isEqualTo(prediction.classIndex());
    }

    @Test
    void impossiblePositionsAreRefusedInWords() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] image = TrainingFixtures.test().image(0);
        NetworkExplainer explain = new NetworkExplainer(model);
        assertThatThrownBy(() -> explain.trace(image, 0, 0, 0, 0)).hasMessageContaining("layers 1..7");
        assertThatThrownBy(() -> explain.trace(image, 8, 0, 0, 0)).hasMessageContaining("layers 1..7");
        assertThatThrownBy(() -> explain.trace(image, 1, 8, 0, 0)).hasMessageContaining("channel 0..7");
        assertThatThrownBy(() -> explain.trace(image, 1, 0, 28, 0)).hasMessageContaining("row 0..27");
        assertThatThrownBy(() -> explain.trace(image, 1, 0, 0, -1)).hasMessageContaining("column 0..27");
        assertThatThrownBy(() -> explain.trace(image, 6, 32, 0, 0)).hasMessageContaining("unit 0..31");
        assertThatThrownBy(() -> explain.trace(image, 6, 3, 1, 0)).hasMessageContaining("row 0 and column 0");
        assertThatThrownBy(() -> explain.trace(new float[10], 1, 0, 0, 0)).hasMessageContaining("the image has 10");
    }

    /** Traces corners and middles of every layer; returns how many traces of each kind it checked. */
    private static Map<String, Integer> traceEveryLayer(TrainedModel model, float[] image) {
        NetworkExplainer explain = new NetworkExplainer(model);
        Map<String, Integer> kinds = new TreeMap<>();
        for (ValidatedModel.LayerInfo info : model.spec().layers()) {
            float[] own = explain.outputs(image, info.index())[info.index()];
            for (int[] p : positions(info.output())) {
                NeuronTrace trace = explain.trace(image, info.index(), p[0], p[1], p[2]);
                String where = info.name() + " at " + p[0] + "," + p[1] + "," + p[2];
                assertThat(trace.value()).as(where).isCloseTo(trace.modelValue(), within(TOLERANCE));
                boolean probabilities = info.index() == model.spec().layers().size()
                        && ActivationKind.SOFTMAX.jsonName().equals(activation(info.layer()));
                if (!probabilities) {
                    LayerShape s = info.output();
                    int index = s.flat() ? p[0] : (p[0] * s.height() + p[1]) * s.width() + p[2];
                    assertThat(trace.modelValue()).as(where).isEqualTo(own[index], within(0.0));
                }
                kinds.merge(trace.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        return kinds;
    }

    private static List<int[]> positions(LayerShape s) {
        List<int[]> out = new ArrayList<>();
        if (s.flat()) {
            out.add(new int[] {0, 0, 0});
            out.add(new int[] {s.units() / 2, 0, 0});
            out.add(new int[] {s.units() - 1, 0, 0});
        } else {
            out.add(new int[] {0, 0, 0});
            out.add(new int[] {s.channels() / 2, s.height() / 2, s.width() / 3});
            out.add(new int[] {s.channels() - 1, s.height() - 1, s.width() - 1});
        }
        return out;
    }

    private static String activation(Layer layer) {
        return switch (layer) {
            case Layer.Conv2d c -> c.activation().jsonName();
            case Layer.Dense d -> d.activation().jsonName();
            case Layer.ActivationLayer a -> a.activation().jsonName();
            default -> "";
        };
    }

    /** A network of {@code spec} with random parameters, no training (for shapes and arithmetic only). */
    private static TrainedModel untrained(ValidatedModel spec) {
        DjlRuntime.engine();
        ai.djl.Model model = ai.djl.Model.newInstance("untrained", ai.djl.Device.cpu(), "PyTorch");
        ai.djl.nn.Block block = NetworkBuilder.build(spec);
        model.setBlock(block);
        block.setInitializer(new ai.djl.training.initializer.NormalInitializer(1f), p -> true);
        long[] in = spec.input().dims();
        block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                new ai.djl.ndarray.types.Shape(1, in[0], in[1], in[2]));
        return new TrainedModel(model, spec, List.of("a", "b"), ai.djl.Device.cpu());
    }

    /** A few batches, so batch norm has moving statistics and every weight has moved. */
    private static TrainedModel trainBriefly(ValidatedModel spec) {
        return new ModelTrainer().train(spec, TrainingFixtures.quick().withValidationSplit(0),
                TrainingFixtures.train().first(640), ProgressListener.NONE, new TrainingControl()).model();
    }

    private static double sumOf(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static float[] flatten(float[][] maps) {
        float[] out = new float[maps.length * maps[0].length];
        for (int c = 0; c < maps.length; c++) {
            System.arraycopy(maps[c], 0, out, c * maps[c].length, maps[c].length);
        }
        return out;
    }
}
