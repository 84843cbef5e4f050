package org.convlab.classroom.grading;

import static org.convlab.classroom.grading.Wording.layers;
import static org.convlab.classroom.grading.Wording.number;
import static org.convlab.classroom.grading.Wording.percent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.convlab.training.engine.Augmentation;

/**
 * One thing an assignment asks of a submitted run: about its model (layers, size), how it was
 * trained (augmentation, epochs) or its outcome (test accuracy). Each rule checks a run and says in
 * one line, with the run's own numbers, why it passed or failed. Impossible rules (a negative count,
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
    String description();

    /** How {@code run} fares against this rule. */
    RuleResult check(GradedRun run);

    private static RuleResult pass(Rule rule, String explanation) {
        return new RuleResult(rule.description(), true, explanation);
    }

    private static RuleResult fail(Rule rule, String explanation) {
        return new RuleResult(rule.description(), false, explanation);
    }

    private static RuleResult result(Rule rule, boolean passed, String explanation) {
        return new RuleResult(rule.description(), passed, explanation);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidRuleException(message);
        }
    }

    // ---- the model ----

    /** At least {@code count} convolution layers. */
    @JsonTypeName("min-conv-layers")
    record MinConvLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MinConvLayers.class, "At least N convolution layers",
                "layers", 2, MinConvLayers::new, MinConvLayers::count);

        public MinConvLayers {
            require(count >= 1 && count <= MAX_COUNT, "\"At least N convolution layers\" needs N between 1 and "
                    + MAX_COUNT + ", not " + count + ".");
        }

        public String description() {
            return "At least " + layers(count, "convolution");
        }

        public RuleResult check(GradedRun run) {
            int n = run.convLayers();
            return n >= count ? pass(this, "The model has " + layers(n, "convolution") + ".")
                    : fail(this, "The model has " + layers(n, "convolution") + "; it needs at least " + count + ".");
        }
    }

    /** At most {@code count} convolution layers; 0 asks for a fully connected network. */
    @JsonTypeName("max-conv-layers")
    record MaxConvLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxConvLayers.class,
                "At most N convolution layers (0: a fully connected network)", "layers", 0,
                MaxConvLayers::new, MaxConvLayers::count);

        public MaxConvLayers {
            require(count >= 0 && count <= MAX_COUNT, "\"At most N convolution layers\" needs N between 0 and "
                    + MAX_COUNT + ", not " + count + ".");
        }

        public String description() {
            return count == 0 ? "No convolution layers (a fully connected network)"
                    : "At most " + layers(count, "convolution");
        }

        public RuleResult check(GradedRun run) {
            int n = run.convLayers();
            if (count == 0) {
                return n == 0 ? pass(this, "The model has no convolution layers.")
                        : fail(this, "The model has " + layers(n, "convolution") + "; a fully connected network has none.");
            }
            return n <= count ? pass(this, "The model has " + layers(n, "convolution") + ".")
                    : fail(this, "The model has " + layers(n, "convolution") + "; at most " + count + " are allowed.");
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

        public static final RuleKind KIND = RuleKind.whole(MaxFilters.class,
                "At most N filters (all convolution layers together)", "filters", 32, MaxFilters::new,
                MaxFilters::count);

        public MaxFilters {
            require(count >= 1 && count <= MAX, "\"At most N filters\" needs N between 1 and " + number(MAX)
                    + ", not " + count + ".");
        }

        public String description() {
            return "At most " + filters(count) + " in all convolution layers together";
        }

        public RuleResult check(GradedRun run) {
            Optional<List<Integer>> counted = run.convFilters();
            if (counted.isEmpty()) {
                return fail(this, "The run's model could not be read, so its filters cannot be counted.");
            }
            List<Integer> perLayer = counted.get();
            if (perLayer.isEmpty()) {
                return pass(this, "The model has no convolution layers, so no filters.");
            }
            long n = perLayer.stream().mapToLong(Integer::longValue).sum();
            String has = "The model has " + filters(n) + (perLayer.size() == 1 ? " in its one convolution layer"
                    : " in " + layers(perLayer.size(), "convolution") + " ("
                            + perLayer.stream().map(String::valueOf).collect(Collectors.joining(" + ")) + ")");
            return n <= count ? pass(this, has + ".")
                    : fail(this, has + ", " + number(n - count) + " over the limit of " + number(count) + ".");
        }

        private static String filters(long n) {
            return number(n) + (n == 1 ? " filter" : " filters");
        }
    }

    /** At least {@code count} pooling layers, max and average together. */
    @JsonTypeName("min-pooling-layers")
    record MinPoolingLayers(int count) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MinPoolingLayers.class, "At least N pooling layers",
                "layers", 2, MinPoolingLayers::new, MinPoolingLayers::count);

        public MinPoolingLayers {
            require(count >= 1 && count <= MAX_COUNT, "\"At least N pooling layers\" needs N between 1 and "
                    + MAX_COUNT + ", not " + count + ".");
        }

        public String description() {
            return "At least " + layers(count, "pooling") + " (max or average)";
        }

        public RuleResult check(GradedRun run) {
            int n = run.poolingLayers();
            String split = " (" + run.maxPoolLayers() + " max, " + run.averagePoolLayers() + " average)";
            return n >= count ? pass(this, "The model has " + layers(n, "pooling") + split + ".")
                    : fail(this, "The model has " + layers(n, "pooling") + split + "; it needs at least " + count + ".");
        }
    }

    enum Pooling implements RuleKind.Choice {
        MAX("max"), AVERAGE("average");

        private final String label;

        Pooling(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String option() {
            return label + " pooling";
        }
    }

    /** Every pooling layer is of one kind (and there is at least one). */
    @JsonTypeName("pooling-type")
    record PoolingType(Pooling pooling) implements Rule {
        public static final RuleKind KIND = RuleKind.choice(PoolingType.class, "Only one kind of pooling", "Pooling kind",
                Pooling.class, PoolingType::new, PoolingType::pooling);

        public PoolingType {
            require(pooling != null, "\"Pooling type\" needs a kind: max or average.");
        }

        public String description() {
            return "Pooling layers use " + pooling.label() + " pooling only";
        }

        public RuleResult check(GradedRun run) {
            int wanted = pooling == Pooling.MAX ? run.maxPoolLayers() : run.averagePoolLayers();
            int other = pooling == Pooling.MAX ? run.averagePoolLayers() : run.maxPoolLayers();
            String otherLabel = pooling == Pooling.MAX ? "average" : "max";
            if (wanted + other == 0) {
                return fail(this, "The model has no pooling layers; it needs " + pooling.label() + " pooling.");
            }
            if (other > 0) {
                return fail(this, "The model has " + layers(other, otherLabel + " pooling") + "; only "
                        + pooling.label() + " pooling is asked for.");
            }
            return pass(this, wanted == 1 ? "The model's only pooling layer uses " + pooling.label() + " pooling."
                    : "All " + layers(wanted, "pooling") + " use " + pooling.label() + " pooling.");
        }
    }

    /** At most {@code count} parameters in the whole model. */
    @JsonTypeName("max-params")
    record MaxParams(long count) implements Rule {
        public static final RuleKind KIND = RuleKind.wholeLong(MaxParams.class, "At most N parameters",
                "parameters", 150_000, MaxParams::new, MaxParams::count);

        public MaxParams {
            require(count >= 1 && count <= 1_000_000_000_000L, "\"At most N parameters\" needs N of 1 or more, not "
                    + count + ".");
        }

        public String description() {
            return "At most " + number(count) + " parameters";
        }

        public RuleResult check(GradedRun run) {
            if (run.params() == null) {
                return fail(this, "The run did not record how many parameters its model has.");
            }
            long n = run.params();
            return n <= count ? pass(this, "The model has " + number(n) + " parameters.")
                    : fail(this, "The model has " + number(n) + " parameters, " + number(n - count)
                            + " over the limit of " + number(count) + ".");
        }
    }

    /** At least one batch normalization layer. */
    @JsonTypeName("requires-batch-norm")
    record RequiresBatchNorm() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresBatchNorm.class, "Uses batch normalization",
                RequiresBatchNorm::new);

        public String description() {
            return "Uses batch normalization";
        }

        public RuleResult check(GradedRun run) {
            int n = run.batchNormLayers();
            return n > 0 ? pass(this, "The model has " + layers(n, "batch normalization") + ".")
                    : fail(this, "The model has no batch normalization layer.");
        }
    }

    /** At least one dropout layer with a rate above 0. */
    @JsonTypeName("requires-dropout")
    record RequiresDropout() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresDropout.class, "Uses dropout", RequiresDropout::new);

        public String description() {
            return "Uses dropout";
        }

        public RuleResult check(GradedRun run) {
            int n = run.dropoutLayers();
            return n > 0 ? pass(this, "The model has " + layers(n, "dropout") + ".")
                    : fail(this, "The model has no dropout layer with a rate above 0.");
        }
    }

    enum Penalty implements RuleKind.Choice {
        L1_OR_L2("L1 or L2"), L1("L1"), L2("L2"), L1_AND_L2("both L1 and L2");

        private final String label;

        Penalty(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String option() {
            return label;
        }
    }

    /** Some layer's weights carry the named penalty (Keras' kernel_regularizer). */
    @JsonTypeName("requires-weight-penalty")
    record RequiresWeightPenalty(Penalty penalty) implements Rule {
        public static final RuleKind KIND = RuleKind.choice(RequiresWeightPenalty.class,
                "Uses weight regularization (L1/L2)", "Penalty kind", Penalty.class,
                RequiresWeightPenalty::new, RequiresWeightPenalty::penalty);

        public RequiresWeightPenalty {
            require(penalty != null, "\"Weight regularization\" needs a kind: L1 or L2, L1, L2, or both.");
        }

        public String description() {
            return "Uses " + penalty.label() + " weight regularization";
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
                return result(this, ok, "No layer has an L1 or L2 penalty on its weights.");
            }
            return result(this, ok, "L1 penalty on " + on(l1) + ", L2 penalty on " + on(l2) + ".");
        }

        private static String on(int n) {
            return n == 0 ? "no layer" : Wording.count(n, "layer", "layers");
        }
    }

    /** Trained with some random change to the images (rotation, shift or mirroring). */
    @JsonTypeName("requires-augmentation")
    record RequiresAugmentation() implements Rule {
        public static final RuleKind KIND = RuleKind.plain(RequiresAugmentation.class, "Trained with data augmentation",
                RequiresAugmentation::new);

        public String description() {
            return "Trained with data augmentation";
        }

        public RuleResult check(GradedRun run) {
            if (run.hyperparameters() == null) {
                return fail(this, "The run's training settings could not be read.");
            }
            Augmentation a = run.augmentation();
            if (!a.enabled()) {
                return fail(this, "Trained without augmentation (no rotation, shift or mirroring).");
            }
            List<String> parts = new ArrayList<>();
            if (a.rotationDegrees() > 0) {
                parts.add("rotation up to ±" + Wording.seconds(a.rotationDegrees()) + "°");
            }
            if (a.shiftPixels() > 0) {
                parts.add("shifts up to ±" + a.shiftPixels() + " px");
            }
            if (a.horizontalFlip()) {
                parts.add("mirroring");
            }
            return pass(this, "Trained with " + String.join(", ", parts) + ".");
        }
    }

    /** No dense layer before the output is wider than {@code units}. */
    @JsonTypeName("max-dense-width")
    record MaxDenseWidth(int units) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxDenseWidth.class,
                "No hidden dense layer wider than N units", "units", 128, MaxDenseWidth::new, MaxDenseWidth::units);

        public MaxDenseWidth {
            require(units >= 1 && units <= 1_000_000, "\"No dense layer wider than N\" needs N of 1 or more, not "
                    + units + ".");
        }

        public String description() {
            return "No hidden dense layer wider than " + number(units) + " units";
        }

        public RuleResult check(GradedRun run) {
            OptionalInt widest = run.widestHiddenDense();
            if (widest.isEmpty()) {
                return pass(this, "The model has no dense layer before its output.");
            }
            int w = widest.getAsInt();
            return w <= units ? pass(this, "The widest hidden dense layer has " + number(w) + " units.")
                    : fail(this, "A hidden dense layer has " + number(w) + " units; at most " + number(units) + " are allowed.");
        }
    }

    // ---- the outcome ----

    /** Test accuracy (fraction 0–1) of at least {@code accuracy}. */
    @JsonTypeName("min-test-accuracy")
    record MinTestAccuracy(double accuracy) implements Rule {
        public static final RuleKind KIND = RuleKind.percent(MinTestAccuracy.class, "Test accuracy of at least N %", 90,
                MinTestAccuracy::new, MinTestAccuracy::accuracy);

        public MinTestAccuracy {
            require(accuracy > 0 && accuracy <= 1, "\"Test accuracy of at least X\" needs X above 0% and at most 100%, not "
                    + (Double.isFinite(accuracy) ? percent(accuracy) : String.valueOf(accuracy)) + ".");
        }

        public String description() {
            return "Test accuracy of at least " + percent(accuracy);
        }

        public RuleResult check(GradedRun run) {
            if (run.testAccuracy() == null) {
                return fail(this, "The run has no test accuracy (it did not finish).");
            }
            double a = run.testAccuracy();
            String shown = Wording.accuracy(a, accuracy);
            return a >= accuracy ? pass(this, "Test accuracy " + shown + ".")
                    : fail(this, "Test accuracy " + shown + ", below " + percent(accuracy) + ".");
        }
    }

    /** Trained for at most {@code epochs} epochs (the ones actually trained). */
    @JsonTypeName("max-epochs")
    record MaxEpochs(int epochs) implements Rule {
        public static final RuleKind KIND = RuleKind.whole(MaxEpochs.class, "Trained for at most N epochs", "epochs", 10,
                MaxEpochs::new, MaxEpochs::epochs);

        public MaxEpochs {
            require(epochs >= 1 && epochs <= 10_000, "\"At most N epochs\" needs N of 1 or more, not " + epochs + ".");
        }

        public String description() {
            return "Trained for at most " + Wording.count(epochs, "epoch", "epochs");
        }

        public RuleResult check(GradedRun run) {
            int n = run.epochsTrained();
            return n <= epochs ? pass(this, "Trained for " + Wording.count(n, "epoch", "epochs") + ".")
                    : fail(this, "Trained for " + n + " epochs; at most " + epochs + " are allowed.");
        }
    }

    /** Training (not counting the test) took at most {@code seconds}. */
    @JsonTypeName("max-train-seconds")
    record MaxTrainSeconds(double seconds) implements Rule {
        public static final RuleKind KIND = RuleKind.decimal(MaxTrainSeconds.class, "Trained in at most N seconds",
                "seconds", 300, MaxTrainSeconds::new, MaxTrainSeconds::seconds);

        public MaxTrainSeconds {
            require(seconds > 0 && seconds <= 10_000_000, "\"Trained in at most N seconds\" needs N above 0, not "
                    + seconds + ".");
        }

        public String description() {
            return "Trained in at most " + Wording.seconds(seconds) + " seconds";
        }

        public RuleResult check(GradedRun run) {
            if (run.trainSeconds() == null) {
                return fail(this, "The run did not record how long it trained.");
            }
            double s = run.trainSeconds();
            return s <= seconds ? pass(this, "Training took " + Wording.seconds(s) + " seconds.")
                    : fail(this, "Training took " + Wording.seconds(s) + " seconds, over the limit of "
                            + Wording.seconds(seconds) + ".");
        }
    }

    // ---- the data ----

    /**
     * Trained on one data set, chosen from those the teacher may use. The rule keeps the set's name as
     * the teacher saw it, so the grade reads the same after the set is renamed or deleted.
     */
    @JsonTypeName("trained-on-dataset")
    record TrainedOnDataset(String dataset, String name) implements Rule {
        public static final RuleKind KIND = RuleKind.dataset(TrainedOnDataset.class, "Trained on a chosen data set",
                "Data set", new RuleKind.DatasetOption(org.convlab.dataset.DatasetLibrary.DEFAULT_KEY,
                        GradedRun.DEFAULT_DATASET_NAME), TrainedOnDataset::new,
                r -> new RuleKind.DatasetOption(r.dataset(), r.name()));

        public TrainedOnDataset {
            require(dataset != null && org.convlab.dataset.DatasetLibrary.KEY.matcher(dataset).matches(),
                    "\"Trained on a data set\" needs a data set chosen from the list.");
            require(name != null && !name.isBlank() && name.length() <= 200 && name.chars().noneMatch(Character::isISOControl),
                    "\"Trained on a data set\" needs the data set's name (one line of at most 200 characters).");
        }

        public String description() {
            return "Trained on " + name;
        }

        public RuleResult check(GradedRun run) {
            if (run.hyperparameters() == null) {
                return fail(this, "The run's training settings could not be read, so its data set is not known.");
            }
            String key = run.datasetKey();
            String trainedOn = run.datasetName() != null ? run.datasetName()
                    : key.equals(dataset) ? name
                    : key.equals(org.convlab.dataset.DatasetLibrary.DEFAULT_KEY) ? GradedRun.DEFAULT_DATASET_NAME
                    : "a data set no longer on this server";
            return key.equals(dataset) ? pass(this, "Trained on " + trainedOn + ".")
                    : fail(this, "Trained on " + trainedOn + ", but the assignment asks for " + name + ".");
        }
    }
}
