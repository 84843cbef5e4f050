package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning against its definition: the parameter count drops by exactly the removed filters' share,
 * and the pruned network computes what the original computes with the removed maps silenced (the
 * weights reading them in the next conv or dense layer set to zero, built here independently).
 */
class FilterPruningTest {

    /** Test images compared, and the tolerance on their logits. */
    private static final int IMAGES = 64;
    private static final double TOLERANCE = 1e-5;

    @Test
    void theRankingPutsTheFilterWithTheSmallestL1NormFirst() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        List<FilterPruning.FilterScore> ranking = new FilterPruning(model).ranking(3);
        // Layer 3: 16 filters of 8 channels × 3 × 3.
        float[] weight = parameter(model, 3, Parameter.Type.WEIGHT).toFloatArray();
        assertThat(ranking).hasSize(16);
        assertThat(ranking.stream().map(FilterPruning.FilterScore::filter)).containsExactlyInAnyOrder(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (int i = 0; i < ranking.size(); i++) {
            FilterPruning.FilterScore score = ranking.get(i);
            double l1 = 0;
            for (int j = 0; j < 72; j++) {
                l1 += Math.abs(weight[score.filter() * 72 + j]);
            }
            assertThat(score.l1Norm()).isCloseTo(l1, within(1e-9));
            if (i > 0) {
                assertThat(score.l1Norm()).isGreaterThanOrEqualTo(ranking.get(i - 1).l1Norm());
            }
        }
        assertThat(ranking.getFirst().l1Norm()).isLessThan(ranking.getLast().l1Norm());
    }

    @Test
    void pruningTheTinyCnnRemovesTheWeakestFiltersAndExactlyTheirParameters() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        FilterPruning pruning = new FilterPruning(model);
        long before = model.spec().totalParams();
        // Layer 1: 8 filters of 1 channel × 3 × 3, read by layer 3's 16 filters of 3 × 3.
        try (FilterPruning.Pruned pruned = pruning.prune(1, 3)) {
            assertThat(pruned.paramsBefore()).isEqualTo(before);
            assertThat(before - pruned.paramsAfter()).isEqualTo(3 * (3 * 3 * 1 + 1) + 3 * 3 * 3 * 16);
            assertThat(pruned.removed()).containsExactlyInAnyOrderElementsOf(weakest(pruning.ranking(1), 3));
            assertThat(((Layer.Conv2d) pruned.model().spec().layers().getFirst().layer()).filters()).isEqualTo(5);
            assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            assertThat(pruned.description()).isEqualTo("conv2d: 8→5 filters");
        }
        // Layer 3: 16 filters of 8 channels × 3 × 3, flattened as 16 maps of 7 × 7 into 32 units.
        try (FilterPruning.Pruned pruned = pruning.prune(3, 5)) {
            assertThat(before - pruned.paramsAfter()).isEqualTo(5 * (3 * 3 * 8 + 1) + 5 * 7 * 7 * 32);
            assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            assertThat(pruned.model().spec().spec().name()).isEqualTo("tiny-cnn pruned (conv2d_1: 16→11 filters)");
            assertThat(pruned.filtersAfter()).isEqualTo(11);
        }
        assertThat(model.spec().totalParams()).isEqualTo(before);
        assertThat(parameterCount(model)).isEqualTo(before);
    }

    @Test
    void removingNoFilterChangesNoPrediction() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        try (FilterPruning.Pruned pruned = new FilterPruning(model).prune(3, 0)) {
            assertThat(pruned.removed()).isEmpty();
            assertThat(pruned.paramsAfter()).isEqualTo(pruned.paramsBefore());
            assertThat(logits(pruned.model())).containsExactly(logits(model), within(0f));
        }
    }

    @Test
    void thePrunedTinyCnnComputesWhatTheOriginalDoesWithThePrunedMapsSilenced(@TempDir Path dir) {
        TrainedModel model = TrainingFixtures.trainedTiny();
        float[] original = logits(model);
        // Layer 1's maps are read by the conv at layer 3; layer 3's, after flatten, by the dense layer 6.
        assertPrunedEqualsMasked(model, 1, 3, 3, dir.resolve("a"));
        assertPrunedEqualsMasked(model, 3, 5, 6, dir.resolve("b"));
        assertThat(logits(model)).as("the original is left as it was").containsExactly(original, within(0f));
    }

    @Test
    void batchNormalizationIsSlicedWithItsFiltersInEveryPosition(@TempDir Path dir) {
        // best-cnn: conv → batch norm → relu, into a conv (layers 1 and 4) or via pooling, dropout
        // and flatten into a dense layer (layer 9, maps of 7 × 7).
        try (TrainedModel model = trainBriefly(ModelValidator.validate(Presets.get("best-cnn")))) {
            FilterPruning pruning = new FilterPruning(model);
            long before = model.spec().totalParams();
            try (FilterPruning.Pruned pruned = pruning.prune(1, 8)) {
                assertThat(before - pruned.paramsAfter()).isEqualTo(8 * (3 * 3 * 1 + 1) + 4 * 8 + 8 * 3 * 3 * 32);
                assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            }
            try (FilterPruning.Pruned pruned = pruning.prune(4, 5)) {
                assertThat(before - pruned.paramsAfter()).isEqualTo(5 * (3 * 3 * 32 + 1) + 4 * 5 + 5 * 3 * 3 * 64);
                assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            }
            try (FilterPruning.Pruned pruned = pruning.prune(9, 10)) {
                assertThat(before - pruned.paramsAfter()).isEqualTo(10 * (3 * 3 * 32 + 1) + 4 * 10 + 10 * 7 * 7 * 128);
                assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            }
            // Trained statistics, not the initial 0 and 1: slicing them wrongly must show.
            assertThat(parameter(model, 2, Parameter.Type.RUNNING_MEAN).toFloatArray()[0]).isNotEqualTo(0f);
            assertPrunedEqualsMasked(model, 1, 8, 4, dir.resolve("a"));
            assertPrunedEqualsMasked(model, 4, 5, 9, dir.resolve("b"));
            assertPrunedEqualsMasked(model, 9, 10, 15, dir.resolve("c"));
        }
    }

    @Test
    void aPrunedModelSavedAsARunLoadsAgainAndPredictsTheSame(@TempDir Path dir) throws Exception {
        TrainedModel model = TrainingFixtures.trainedTiny();
        ImageSet test = TrainingFixtures.test().first(500);
        RunRecord parent = new RunRecord(RunRecord.FORMAT, "2025-01-01T00:00:00Z", model.spec().spec(),
                TrainingFixtures.quick(), model.classNames(), "cpu", model.spec().totalParams(), 5000, 0, 12.5,
                "completed", List.of(), null);
        Path folder = dir.resolve(RunStore.folderName("tiny-cnn pruned"));
        try (FilterPruning.Pruned pruned = new FilterPruning(model).prune(3, 5)) {
            TrainingRun.Outcome outcome = PrunedRun.save(folder, pruned, parent, test);
            RunRecord record = RunStore.readRecord(folder);
            assertThat(record.params()).isEqualTo(pruned.paramsAfter())
                    .isEqualTo(ModelValidator.validate(record.spec()).totalParams());
            assertThat(record.spec().name()).isEqualTo("tiny-cnn pruned (conv2d_1: 16→11 filters)");
            assertThat(((Layer.Conv2d) record.spec().layers().get(2)).filters()).isEqualTo(11);
            assertThat(record.hyperparameters()).isEqualTo(parent.hyperparameters());
            assertThat(record.metrics().testAccuracy()).isEqualTo(outcome.evaluation().testAccuracy());
            assertThat(Arrays.stream(record.metrics().confusionMatrix()).flatMapToInt(Arrays::stream).sum())
                    .isEqualTo(500);
            // As any save: a target that is not a run folder is refused and left as it was.
            Path notARun = dir.resolve("notes.txt");
            Files.writeString(notARun, "mine");
            assertRefused(() -> PrunedRun.save(notARun, pruned, parent, test), "is not a folder; ConvLab will not replace it");
            assertThat(Files.readString(notARun)).isEqualTo("mine");
            try (TrainedModel loaded = RunStore.load(folder, model.device())) {
                assertThat(logits(loaded)).containsExactly(logits(pruned.model()), within(0f));
                assertThat(parameterCount(loaded)).isEqualTo(pruned.paramsAfter());
            }
        }
    }

    @Test
    void whatCannotBePrunedIsRefusedInOneSentence() {
        TrainedModel model = TrainingFixtures.trainedTiny();
        FilterPruning pruning = new FilterPruning(model);
        for (int layer : new int[] {0, -3, 8, Integer.MAX_VALUE}) {
            assertRefused(() -> pruning.prune(layer, 1), "layer " + layer + " does not exist (the model has layers 1..7)");
            assertRefused(() -> pruning.ranking(layer), "does not exist");
        }
        for (int layer : new int[] {2, 5, 6, 7}) {
            assertRefused(() -> pruning.prune(layer, 1), "is not a conv2d layer; only a conv layer's filters can be "
                    + "pruned (conv layers: [1, 3])");
            assertRefused(() -> pruning.ranking(layer), "is not a conv2d layer");
            assertRefused(() -> pruning.pruneFilters(layer, List.of(0)), "is not a conv2d layer");
        }
        for (int k : new int[] {-1, Integer.MIN_VALUE}) {
            assertRefused(() -> pruning.prune(1, k), "the number of filters to remove must be 0 or more, not " + k);
        }
        for (int k : new int[] {8, 9, Integer.MAX_VALUE}) {
            assertRefused(() -> pruning.prune(1, k), "layer 1 (conv2d) has 8 filters: remove at most 7 "
                    + "(keep at least one filter)");
        }
        assertRefused(() -> pruning.prune(3, 16), "layer 3 (conv2d_1) has 16 filters: remove at most 15");
        assertRefused(() -> pruning.pruneFilters(1, List.of(0, 1, 2, 3, 4, 5, 6, 7)), "keep at least one filter");
        assertRefused(() -> pruning.pruneFilters(1, null), "choose the filters to remove");
        assertRefused(() -> pruning.pruneFilters(1, List.of(8)), "layer 1 (conv2d) has filters 0..7; there is no filter 8");
        assertRefused(() -> pruning.pruneFilters(1, List.of(2, -1)), "there is no filter -1");
        assertRefused(() -> pruning.pruneFilters(1, Arrays.asList(2, null)), "there is no filter null");
        // A repeated filter counts once: removing filter 2 twice leaves 7.
        try (FilterPruning.Pruned pruned = pruning.pruneFilters(1, List.of(2, 2))) {
            assertThat(pruned.removed()).containsExactly(2);
            assertThat(pruned.filtersAfter()).isEqualTo(7);
        }
        assertThat(model.spec().totalParams()).isEqualTo(parameterCount(model));
    }

    @Test
    void aFlatBatchNormBetweenFlattenAndDenseIsSlicedMapByMap(@TempDir Path dir) {
        // The longest name a model may have: the pruned model's name is shortened to fit, not refused.
        String name = "n".repeat(ModelValidator.MAX_NAME_LENGTH);
        ValidatedModel spec = ModelValidator.validate(new ModelSpec(name, List.of(
                new Layer.Conv2d(6, 3, Padding.VALID, ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.BatchNorm(),
                new Layer.Dropout(0.3),
                new Layer.Dense(10, ActivationKind.SOFTMAX))));
        try (TrainedModel model = new ModelTrainer().train(spec, TrainingFixtures.quick().withValidationSplit(0),
                TrainingFixtures.train().first(64), ProgressListener.NONE, new TrainingControl()).model();
                FilterPruning.Pruned pruned = new FilterPruning(model).prune(1, 2)) {
            // Each map is 13 × 13 after pooling: 169 batch-norm units of 4 numbers, 169 columns of 10 weights.
            assertThat(pruned.paramsBefore() - pruned.paramsAfter())
                    .isEqualTo(2 * (3 * 3 * 1 + 1) + 2 * 13 * 13 * 4 + 2 * 13 * 13 * 10);
            assertThat(parameterCount(pruned.model())).isEqualTo(pruned.paramsAfter());
            String prunedName = pruned.model().spec().spec().name();
            assertThat(prunedName).hasSize(ModelValidator.MAX_NAME_LENGTH).startsWith("nnn")
                    .endsWith("… pruned (conv2d: 6→4 filters)");
            assertThat(parameter(model, 4, Parameter.Type.RUNNING_VAR).toFloatArray()[0]).isNotEqualTo(1f);
            assertPrunedEqualsMasked(model, 1, 2, 6, dir.resolve("copy"));
        }
    }

    @Test
    void mapsMixedBySoftmaxAcrossChannelsAreRefused() {
        ValidatedModel spec = ModelValidator.validate(new ModelSpec("softmax-maps", List.of(
                new Layer.Conv2d(4, 3, Padding.VALID, ActivationKind.SOFTMAX),
                new Layer.Conv2d(4, 3, Padding.VALID, ActivationKind.RELU),
                new Layer.ActivationLayer(ActivationKind.SOFTMAX),
                new Layer.Flatten(),
                new Layer.Dense(10, ActivationKind.SOFTMAX))));
        try (TrainedModel model = new ModelTrainer().train(spec, TrainingFixtures.quick().withValidationSplit(0),
                TrainingFixtures.train().first(64), ProgressListener.NONE, new TrainingControl()).model()) {
            FilterPruning pruning = new FilterPruning(model);
            assertRefused(() -> pruning.prune(1, 1), "layer 1 (conv2d) applies softmax across its maps");
            assertRefused(() -> pruning.prune(2, 1), "layer 3 applies softmax across all the maps of layer 2 (conv2d_1)");
            assertThat(pruning.ranking(1)).hasSize(4);
        }
    }

    /**
     * The pruned model against the original with the removed maps' weights in layer {@code reader}
     * set to zero; a copy of the original (saved and loaded) is masked, the original is not touched.
     */
    private static void assertPrunedEqualsMasked(TrainedModel model, int layer, int k, int reader, Path dir) {
        RunStore.save(dir, model, new RunRecord(RunRecord.FORMAT, "2025-01-01T00:00:00Z", model.spec().spec(),
                TrainingFixtures.quick(), model.classNames(), "cpu", 0, 0, 0, 0, "completed", List.of(), null));
        int filters = ((Layer.Conv2d) model.spec().layers().get(layer - 1).layer()).filters();
        try (FilterPruning.Pruned pruned = new FilterPruning(model).prune(layer, k);
                TrainedModel masked = RunStore.load(dir, model.device())) {
            NDArray weight = parameter(masked, reader, Parameter.Type.WEIGHT);
            float[] w = weight.toFloatArray();
            int perOutput = (int) (w.length / weight.getShape().get(0)); // one output's weights, map after map
            int perMap = perOutput / filters; // a kernel's k×k, or a flattened map's height×width
            for (int out = 0; out < weight.getShape().get(0); out++) {
                for (int map : pruned.removed()) {
                    Arrays.fill(w, out * perOutput + map * perMap, out * perOutput + (map + 1) * perMap, 0f);
                }
            }
            weight.set(FloatBuffer.wrap(w));
            float[] expected = logits(masked);
            assertThat(expected).as("silencing the maps changes the output").isNotEqualTo(logits(model));
            assertThat(logits(pruned.model())).containsExactly(expected, within((float) TOLERANCE));
        }
    }

    private static void assertRefused(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static List<Integer> weakest(List<FilterPruning.FilterScore> ranking, int k) {
        List<Integer> out = new ArrayList<>();
        ranking.subList(0, k).forEach(s -> out.add(s.filter()));
        return out;
    }

    private static float[] logits(TrainedModel model) {
        ImageSet test = TrainingFixtures.test();
        try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
            return model.logits(scope, Arrays.copyOf(test.pixels(), IMAGES * test.imageSize()), IMAGES).toFloatArray();
        }
    }

    private static NDArray parameter(TrainedModel model, int layer, Parameter.Type type) {
        Block block = model.block().getChildren().get(layer - 1).getValue();
        return block.getParameters().stream().filter(p -> p.getValue().getType() == type).findFirst().orElseThrow()
                .getValue().getArray();
    }

    /** The values the network really holds, counted in DJL's arrays. */
    private static long parameterCount(TrainedModel model) {
        long n = 0;
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    private static TrainedModel trainBriefly(ValidatedModel spec) {
        return new ModelTrainer().train(spec, TrainingFixtures.quick().withValidationSplit(0),
                TrainingFixtures.train().first(640), ProgressListener.NONE, new TrainingControl()).model();
    }
}
