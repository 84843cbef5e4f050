package org.convlab.classroom.grading;

import static org.convlab.classroom.grading.Wording.CONV;
import static org.convlab.classroom.grading.Wording.layers;
import static org.convlab.classroom.grading.Wording.percent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.convlab.i18n.Text;
import org.convlab.training.engine.Augmentation;

/**
 * One thing an assignment asks of a submitted run: about its model (layers, size), how it was
 * trained (augmentation, epochs) or its outcome (test accuracy). Each rule checks a run and says in
 * one line, with the run's own numbers, why it passed or failed: a {@link Text}, so the teacher and
 * the learner each read it in their own language. Impossible rules (a negative count,
 * an accuracy above 100%) cannot be made: the constructors refuse them with a message a teacher can
 * act on. Stored as JSON with the rule's name in {@code "kind"}.
 *
 * <p>Each rule is one record below and nothing else: its JSON name ({@code @JsonTypeName}; Jackson
 * finds the records of a sealed type by itself), its fields, its {@code KIND} (how the assignment
 * editor offers it and reads its inputs, see {@link RuleKind}), its wording and its check. Adding
 * a rule is adding a record here; {@code RuleCatalogTest} holds every record to that.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface Rule {

    /** Counts of layers are sane up to this; a model is capped far lower by the server. */
    int MAX_COUNT = 1000;

    /** The rule in words, as the assignment lists it. */
    @JsonIgnore
    Text description();

    /** How {@code run} fares against this rule. */
    RuleResult check(GradedRun run);

    private static RuleResult pass(Rule rule, String key, Object... args) {
        return new RuleResult(rule.description(), true, Text.of(key, args));
    }

    private static RuleResult fail(Rule rule, String key, Object... args) {
        return new RuleResult(rule.description(), false, Text.of(key, args));
    }

    private static RuleResult result(Rule rule, boolean passed, String key, Object... args) {
        return new RuleResult(rule.description(), passed, Text.of(key, args));
    }

    /** Refuses an impossible rule; the number the teacher typed is quoted back as typed. */
    private static void require(boolean ok, String key, Object... args) {
        if (!ok) {
            throw new InvalidRuleException(Text.of(key, args));
        }
    }

    // ---- the model ----

    /** At least {@code count} convolution layers. */
    @JsonTypeName("min-conv-layers")
    record MinConvLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MinConvLayers.class, "classroom.rule-kind.min-conv-layers",
                "classroom.rule-kind.unit.layers", 2, MinConvLayers::new, MinConvLayers::count);

        public MinConvLayers {
            require(count >= 1 && count <= MAX_COUNT, "classroom.rule.invalid.min-conv-layers", String.valueOf(MAX_COUNT), String.valueOf(count));
        }

        public Text description() {
            return Text.of("classroom.rule.min-conv-layers", layers(count, CONV));
        }

        public RuleResult check(GradedRun run) {
            int n = run.convLayers();
            return n >= count ? pass(this, "classroom.rule.model-has", layers(n, CONV))
                    : fail(this, "classroom.rule.min-conv-layers.fail", layers(n, CONV), (long) count);
        }
    }

    /** At most {@code count} convolution layers; 0 asks for a fully connected network. */
    @JsonTypeName("max-conv-layers")
    record MaxConvLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxConvLayers.class, "classroom.rule-kind.max-conv-layers",
                "classroom.rule-kind.unit.layers", 0, MaxConvLayers::new, MaxConvLayers::count);

        public MaxConvLayers {
            require(count >= 0 && count <= MAX_COUNT, "classroom.rule.invalid.max-conv-layers", String.valueOf(MAX_COUNT), String.valueOf(count));
        }

        public Text description() {
            return count == 0 ? Text.of("classroom.rule.max-conv-layers.none")
                    : Text.of("classroom.rule.max-conv-layers", layers(count, CONV));
        }

        public RuleResult check(GradedRun run) {
            int n = run.convLayers();
            if (count == 0) {
                return n == 0 ? pass(this, "classroom.rule.max-conv-layers.none.pass")
                        : fail(this, "classroom.rule.max-conv-layers.none.fail", layers(n, CONV));
            }
            return n <= count ? pass(this, "classroom.rule.model-has", layers(n, CONV))
                    : fail(this, "classroom.rule.max-conv-layers.fail", layers(n, CONV), (long) count);
        }
    }

    /**
     * At most {@code count} filters, counted over all convolution layers together: one number a
     * teacher can state ("at most 48 filters") and a learner can meet by pruning or narrowing any
     * layer. A model without convolution layers has no filters and passes; pair this rule with "At
     * least N convolution layers" to ask for a convolutional network.
     */
    @JsonTypeName("max-filters")
    record MaxFilters(int count) implements Rule {
        /** Far above any model the server accepts (its layer count times 10,000 filters a layer). */
        static final int MAX = 1_000_000;

        public static final RuleKind KIND = RuleKind.whole(MaxFilters.class, "classroom.rule-kind.max-filters",
                "classroom.rule-kind.unit.filters", 32, MaxFilters::new, MaxFilters::count);

        public MaxFilters {
            require(count >= 1 && count <= MAX, "classroom.rule.invalid.max-filters", (long) MAX, String.valueOf(count));
        }

        public Text description() {
            return Text.of("classroom.rule.max-filters", filters(count));
        }

        public RuleResult check(GradedRun run) {
            Optional<List<Integer>> counted = run.convFilters();
            if (counted.isEmpty()) {
                return fail(this, "classroom.rule.max-filters.unreadable");
            }
            List<Integer> perLayer = counted.get();
            if (perLayer.isEmpty()) {
                return pass(this, "classroom.rule.max-filters.no-conv");
            }
            long n = perLayer.stream().mapToLong(Integer::longValue).sum();
            if (perLayer.size() == 1) {
                return n <= count ? pass(this, "classroom.rule.max-filters.one-layer", filters(n))
                        : fail(this, "classroom.rule.max-filters.one-layer.over", filters(n), n - count, (long) count);
            }
            // The sum written out in code syntax ("16 + 32"): small whole numbers every language reads alike.
            String sum = perLayer.stream().map(String::valueOf).collect(Collectors.joining(" + "));
            Text in = layers(perLayer.size(), CONV);
            return n <= count ? pass(this, "classroom.rule.max-filters.layers", filters(n), in, sum)
                    : fail(this, "classroom.rule.max-filters.layers.over", filters(n), in, sum, n - count, (long) count);
        }

        private static Text filters(long n) {
            return Text.count("classroom.rule.filters", n);
        }
    }

    /** At least {@code count} pooling layers, max and average together. */
    @JsonTypeName("min-pooling-layers")
    record MinPoolingLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MinPoolingLayers.class, "classroom.rule-kind.min-pooling-layers",
                "classroom.rule-kind.unit.layers", 2, MinPoolingLayers::new, MinPoolingLayers::count);

        public MinPoolingLayers {
            require(count >= 1 && count <= MAX_COUNT, "classroom.rule.invalid.min-pooling-layers", String.valueOf(MAX_COUNT),
                    String.valueOf(count));
        }

        public Text description() {
            return Text.of("classroom.rule.min-pooling-layers", layers(count, Wording.POOLING));
        }

        public RuleResult check(GradedRun run) {
            int n = run.poolingLayers();
            Text has = layers(n, Wording.POOLING);
            long max = run.maxPoolLayers();
            long average = run.averagePoolLayers();
            return n >= count ? pass(this, "classroom.rule.min-pooling-layers.pass", has, max, average)
                    : fail(this, "classroom.rule.min-pooling-layers.fail", has, max, average, (long) count);
        }
    }

    enum Pooling implements RuleKind.Choice {
        MAX("classroom.rule.pooling.max", Wording.MAX_POOLING), AVERAGE("classroom.rule.pooling.average",
                Wording.AVERAGE_POOLING);

        private final String key;
        private final String layers;

        Pooling(String key, String layers) {
            this.key = key;
            this.layers = layers;
        }

        /** "max pooling", in the reader's language. */
        public Text label() {
            return Text.of(key);
        }

        @Override
        public Text option() {
            return label();
        }
    }

    /** Every pooling layer is of one kind (and there is at least one). */
    @JsonTypeName("pooling-type")
    record PoolingType(Pooling pooling) implements Rule {
        public static final RuleKind KIND = RuleKind.choice(PoolingType.class, "classroom.rule-kind.pooling-type",
                "classroom.rule-kind.choice.pooling", Pooling.class, PoolingType::new, PoolingType::pooling);

        public PoolingType {
            require(pooling != null, "classroom.rule.invalid.pooling-type");
        }

        public Text description() {
            return Text.of("classroom.rule.pooling-type", pooling.label());
        }

        public RuleResult check(GradedRun run) {
            int wanted = pooling == Pooling.MAX ? run.maxPoolLayers() : run.averagePoolLayers();
            int other = pooling == Pooling.MAX ? run.averagePoolLayers() : run.maxPoolLayers();
            Pooling otherKind = pooling == Pooling.MAX ? Pooling.AVERAGE : Pooling.MAX;
            if (wanted + other == 0) {
                return fail(this, "classroom.rule.pooling-type.none", pooling.label());
            }
            if (other > 0) {
                return fail(this, "classroom.rule.pooling-type.other", layers(other, otherKind.layers), pooling.label());
            }
            return wanted == 1 ? pass(this, "classroom.rule.pooling-type.only-one", pooling.label())
                    : pass(this, "classroom.rule.pooling-type.all", layers(wanted, Wording.POOLING), pooling.label());
        }
    }

    /** At most {@code count} parameters in the whole model. */
    @JsonTypeName("max-params")
    record MaxParams(long count) implements Rule {
        public static final RuleKind KIND = RuleKind.wholeLong(MaxParams.class, "classroom.rule-kind.max-params",
                "classroom.rule-kind.unit.parameters", 150_000, MaxParams::new, MaxParams::count);

        public MaxParams {
            require(count >= 1 && count <= 1_000_000_000_000L, "classroom.rule.invalid.max-params", String.valueOf(count));
        }

        public Text description() {
            return Text.of("classroom.rule.max-params", count);
        }

        public RuleResult check(GradedRun run) {
            if (run.params() == null) {
                return fail(this, "classroom.rule.max-params.unknown");
            }
            long n = run.params();
            return n <= count ? pass(this, "classroom.rule.max-params.pass", n)
                    : fail(this, "classroom.rule.max-params.fail", n, n - count, count);
        }
    }

    /** At least one batch normalization layer. */
    @JsonTypeName("requires-batch-norm")
    record RequiresBatchNorm() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresBatchNorm.class,
                "classroom.rule.requires-batch-norm", RequiresBatchNorm::new);

        public Text description() {
            return Text.of("classroom.rule.requires-batch-norm");
        }

        public RuleResult check(GradedRun run) {
            int n = run.batchNormLayers();
            return n > 0 ? pass(this, "classroom.rule.model-has", layers(n, Wording.BATCH_NORM))
                    : fail(this, "classroom.rule.requires-batch-norm.fail");
        }
    }

    /** At least one dropout layer with a rate above 0. */
    @JsonTypeName("requires-dropout")
    record RequiresDropout() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresDropout.class, "classroom.rule.requires-dropout",
                RequiresDropout::new);

        public Text description() {
            return Text.of("classroom.rule.requires-dropout");
        }

        public RuleResult check(GradedRun run) {
            int n = run.dropoutLayers();
            return n > 0 ? pass(this, "classroom.rule.model-has", layers(n, Wording.DROPOUT))
                    : fail(this, "classroom.rule.requires-dropout.fail");
        }
    }

    enum Penalty implements RuleKind.Choice {
        L1_OR_L2("classroom.rule.penalty.l1-or-l2"), L1("classroom.rule.penalty.l1"), L2("classroom.rule.penalty.l2"),
        L1_AND_L2("classroom.rule.penalty.l1-and-l2");

        private final String key;

        Penalty(String key) {
            this.key = key;
        }

        public Text label() {
            return Text.of(key);
        }

        @Override
        public Text option() {
            return label();
        }
    }

    /** Some layer's weights carry the named penalty (Keras' kernel_regularizer). */
    @JsonTypeName("requires-weight-penalty")
    record RequiresWeightPenalty(Penalty penalty) implements Rule {
        public static final RuleKind KIND = RuleKind.choice(RequiresWeightPenalty.class,
                "classroom.rule-kind.requires-weight-penalty", "classroom.rule-kind.choice.penalty", Penalty.class,
                RequiresWeightPenalty::new, RequiresWeightPenalty::penalty);

        public RequiresWeightPenalty {
            require(penalty != null, "classroom.rule.invalid.requires-weight-penalty");
        }

        public Text description() {
            return Text.of("classroom.rule.requires-weight-penalty", penalty.label());
        }

        public RuleResult check(GradedRun run) {
            int l1 = run.l1Layers();
            int l2 = run.l2Layers();
            boolean ok = switch (penalty) {
                case L1_OR_L2 -> l1 > 0 || l2 > 0;
                case L1 -> l1 > 0;
                case L2 -> l2 > 0;
                case L1_AND_L2 -> l1 > 0 && l2 > 0;
            };
            if (l1 == 0 && l2 == 0) {
                return result(this, ok, "classroom.rule.requires-weight-penalty.none");
            }
            return result(this, ok, "classroom.rule.requires-weight-penalty.on", on(l1), on(l2));
        }

        private static Text on(int n) {
            return n == 0 ? Text.of("classroom.rule.layers.no-layer") : layers(n, Wording.ANY);
        }
    }

    /** Trained with some random change to the images (rotation, shift or mirroring). */
    @JsonTypeName("requires-augmentation")
    record RequiresAugmentation() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresAugmentation.class,
                "classroom.rule.requires-augmentation", RequiresAugmentation::new);

        public Text description() {
            return Text.of("classroom.rule.requires-augmentation");
        }

        public RuleResult check(GradedRun run) {
            if (run.hyperparameters() == null) {
                return fail(this, "classroom.rule.settings-unreadable");
            }
            Augmentation a = run.augmentation();
            if (!a.enabled()) {
                return fail(this, "classroom.rule.requires-augmentation.without");
            }
            List<Text> parts = new ArrayList<>();
            if (a.rotationDegrees() > 0) {
                parts.add(Text.of("classroom.rule.augmentation.rotation", Wording.seconds(a.rotationDegrees())));
            }
            if (a.shiftPixels() > 0) {
                parts.add(Text.of("classroom.rule.augmentation.shift", (long) a.shiftPixels()));
            }
            if (a.horizontalFlip()) {
                parts.add(Text.of("classroom.rule.augmentation.mirroring"));
            }
            // One sentence for each number of changes, so each language lists them its own way.
            return pass(this, "classroom.rule.requires-augmentation.with." + parts.size(), parts.toArray());
        }
    }

    /** No dense layer before the output is wider than {@code units}. */
    @JsonTypeName("max-dense-width")
    record MaxDenseWidth(int units) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxDenseWidth.class, "classroom.rule-kind.max-dense-width",
                "classroom.rule-kind.unit.units", 128, MaxDenseWidth::new, MaxDenseWidth::units);

        public MaxDenseWidth {
            require(units >= 1 && units <= 1_000_000, "classroom.rule.invalid.max-dense-width", String.valueOf(units));
        }

        public Text description() {
            return Text.of("classroom.rule.max-dense-width", (long) units);
        }

        public RuleResult check(GradedRun run) {
            OptionalInt widest = run.widestHiddenDense();
            if (widest.isEmpty()) {
                return pass(this, "classroom.rule.max-dense-width.none");
            }
            long w = widest.getAsInt();
            return w <= units ? pass(this, "classroom.rule.max-dense-width.pass", w)
                    : fail(this, "classroom.rule.max-dense-width.fail", w, (long) units);
        }
    }

    // ---- the outcome ----

    /** Test accuracy (fraction 0–1) of at least {@code accuracy}. */
    @JsonTypeName("min-test-accuracy")
    record MinTestAccuracy(double accuracy) implements Rule {
        public static final RuleKind KIND = RuleKind.percent(MinTestAccuracy.class,
                "classroom.rule-kind.min-test-accuracy", 90, MinTestAccuracy::new, MinTestAccuracy::accuracy);

        public MinTestAccuracy {
            require(accuracy > 0 && accuracy <= 1, "classroom.rule.invalid.min-test-accuracy",
                    Double.isFinite(accuracy) ? percent(accuracy) : String.valueOf(accuracy));
        }

        public Text description() {
            return Text.of("classroom.rule.min-test-accuracy", percent(accuracy));
        }

        public RuleResult check(GradedRun run) {
            if (run.testAccuracy() == null) {
                return fail(this, "classroom.rule.min-test-accuracy.unknown");
            }
            double a = run.testAccuracy();
            Text shown = Wording.accuracy(a, accuracy);
            return a >= accuracy ? pass(this, "classroom.rule.min-test-accuracy.pass", shown)
                    : fail(this, "classroom.rule.min-test-accuracy.fail", shown, percent(accuracy));
        }
    }

    /** Trained for at most {@code epochs} epochs (the ones actually trained). */
    @JsonTypeName("max-epochs")
    record MaxEpochs(int epochs) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxEpochs.class, "classroom.rule-kind.max-epochs",
                "classroom.rule-kind.unit.epochs", 10, MaxEpochs::new, MaxEpochs::epochs);

        public MaxEpochs {
            require(epochs >= 1 && epochs <= 10_000, "classroom.rule.invalid.max-epochs", String.valueOf(epochs));
        }

        public Text description() {
            return Text.of("classroom.rule.max-epochs", Text.count("classroom.rule.epochs", epochs));
        }

        public RuleResult check(GradedRun run) {
            int n = run.epochsTrained();
            return n <= epochs ? pass(this, "classroom.rule.max-epochs.pass", Text.count("classroom.rule.epochs", n))
                    : fail(this, "classroom.rule.max-epochs.fail", (long) n, (long) epochs);
        }
    }

    /** Training (not counting the test) took at most {@code seconds}. */
    @JsonTypeName("max-train-seconds")
    record MaxTrainSeconds(double seconds) implements Rule {
        public static final RuleKind KIND = RuleKind.decimal(MaxTrainSeconds.class,
                "classroom.rule-kind.max-train-seconds", "classroom.rule-kind.unit.seconds", 300, MaxTrainSeconds::new,
                MaxTrainSeconds::seconds);

        public MaxTrainSeconds {
            require(seconds > 0 && seconds <= 10_000_000, "classroom.rule.invalid.max-train-seconds",
                    String.valueOf(seconds));
        }

        public Text description() {
            return Text.of("classroom.rule.max-train-seconds", Wording.seconds(seconds));
        }

        public RuleResult check(GradedRun run) {
            if (run.trainSeconds() == null) {
                return fail(this, "classroom.rule.max-train-seconds.unknown");
            }
            double s = run.trainSeconds();
            return s <= seconds ? pass(this, "classroom.rule.max-train-seconds.pass", Wording.seconds(s))
                    : fail(this, "classroom.rule.max-train-seconds.fail", Wording.seconds(s), Wording.seconds(seconds));
        }
    }

    // ---- the data ----

    /**
     * Trained on one data set, chosen from those the teacher may use. The rule keeps the set's name as
     * the teacher saw it, so the grade reads the same after the set is renamed or deleted.
     */
    @JsonTypeName("trained-on-dataset")
    record TrainedOnDataset(String dataset, String name) implements Rule {
        public static final RuleKind KIND = RuleKind.dataset(TrainedOnDataset.class,
                "classroom.rule-kind.trained-on-dataset", "classroom.rule-kind.choice.dataset",
                new RuleKind.DatasetOption(org.convlab.dataset.DatasetLibrary.DEFAULT_KEY,
                        GradedRun.DEFAULT_DATASET_NAME), TrainedOnDataset::new,
                r -> new RuleKind.DatasetOption(r.dataset(), r.name()));

        public TrainedOnDataset {
            require(dataset != null && org.convlab.dataset.DatasetLibrary.KEY.matcher(dataset).matches(),
                    "classroom.rule.invalid.trained-on-dataset");
            require(name != null && !name.isBlank() && name.length() <= 200 && name.chars().noneMatch(Character::isISOControl),
                    "classroom.rule.invalid.trained-on-dataset.name");
        }

        public Text description() {
            return Text.of("classroom.rule.trained-on-dataset", name);
        }

        public RuleResult check(GradedRun run) {
            if (run.hyperparameters() == null) {
                return fail(this, "classroom.rule.trained-on-dataset.unreadable");
            }
            String key = run.datasetKey();
            Object trainedOn = run.datasetName() != null ? run.datasetName()
                    : key.equals(dataset) ? name
                    : key.equals(org.convlab.dataset.DatasetLibrary.DEFAULT_KEY) ? GradedRun.DEFAULT_DATASET_NAME
                    : Text.of("classroom.rule.trained-on-dataset.gone");
            return key.equals(dataset) ? pass(this, "classroom.rule.trained-on-dataset.pass", trainedOn)
                    : fail(this, "classroom.rule.trained-on-dataset.fail", trainedOn, name);
        }
    }
}
