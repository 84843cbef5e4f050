package org.convlab.training.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.training.engine.Recipe.Reason;

/**
 * The recipes, by name. Every figure in a reason was measured on a two-core laptop with
 * {@code bench/run.sh --time-to-accuracy} or the runs listed in bench/README.md; change a setting
 * and its sentence together.
 */
public final class Recipes {

    private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    static {
        add(new Recipe("quick", "Quick: about 91% in half a minute",
                "Reaches about 91.8% test accuracy in 4 epochs: about 30 seconds of training on a two-core laptop.",
                "quick-cnn",
                Hyperparameters.defaults().withEpochs(4).withBatchSize(128).withOptimizer(OptimizerKind.ADAM, 0.003)
                        .withValidationSplit(0).withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 0)),
                List.of(
                        new Reason("Model: quick-cnn",
                                "One convolution of 16 filters, batch norm, pooling and a dense layer of 100: the decks' "
                                        + "baseline CNN with half its filters. The convolution is most of the work, so "
                                        + "half the filters trains almost twice as fast."),
                        new Reason("Batch norm after the convolution",
                                "It rescales each filter's output on every batch, so training can take bigger steps "
                                        + "without going astray: without it this model reached 90.6% in the same 4 epochs."),
                        new Reason("Batch size 128",
                                "Twice the usual 64: the processor works faster per image on bigger batches, and "
                                        + "batch norm keeps the fewer, bigger steps learning well."),
                        new Reason("Adam at a learning rate of 0.003",
                                "Three times Adam's usual rate: a short run needs big steps, and batch norm keeps them stable."),
                        new Reason("One-cycle schedule",
                                "The rate starts small while the weights are random, climbs to 0.003, then glides down "
                                        + "to almost nothing so the last epoch fine-tunes. With a constant 0.003 the "
                                        + "same run ends at 90.0% instead of 91.8%."),
                        new Reason("4 epochs, all 60,000 images, no validation share",
                                "A model this small does not overfit in 4 epochs, so every image goes to training "
                                        + "and the 10,000 test images judge it at the end."),
                        new Reason("No augmentation",
                                "Changed images help a model that trains long enough to memorise the originals; "
                                        + "in 4 epochs they only slow learning down."))));
        add(new Recipe("best", "Best: about 93.6% in a quarter of an hour",
                "Reaches about 93.6% test accuracy in 15 epochs: about 15 minutes of training on a two-core laptop.",
                "best-cnn",
                Hyperparameters.defaults().withEpochs(15).withBatchSize(128).withOptimizer(OptimizerKind.ADAM, 0.003)
                        .withValidationSplit(0).withAugmentation(new Augmentation(0, 0, true))
                        .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 0)),
                List.of(
                        new Reason("Model: best-cnn",
                                "Two convolutions of 32 filters see edges and textures at full size; after pooling, "
                                        + "64 filters combine them into parts such as collars and soles. A second "
                                        + "convolution at half size (deep-cnn) needs 60% more multiply-adds per image: "
                                        + "too slow for 15 epochs in a quarter of an hour."),
                        new Reason("Batch norm after every convolution and the dense layer",
                                "Each layer's outputs keep a steady scale, so a deep stack trains at a high rate."),
                        new Reason("Dropout 0.2, 0.3 and 0.4",
                                "Switching off a random share of outputs on every step stops the network from "
                                        + "leaning on a few of them; more where there are more weights to overfit."),
                        new Reason("Random left-right flip",
                                "A mirrored shirt is still a shirt: every epoch sees slightly different images, "
                                        + "so 15 epochs do not simply memorise the 60,000."),
                        new Reason("One-cycle schedule at Adam 0.003, batch 128",
                                "Big steps while the network is far from good, then a long glide down: as the rate "
                                        + "falls, test accuracy climbs from 91.3% after epoch 8 to 93.7% after epoch 13."),
                        new Reason("15 epochs, all 60,000 images, no validation share",
                                "Enough passes for the schedule to finish within a quarter of an hour; dropout and "
                                        + "the flips keep it from overfitting, and the 10,000 test images judge it."))));
    }

    private Recipes() {}

    private static void add(Recipe recipe) {
        RECIPES.put(recipe.name(), recipe);
    }

    public static List<Recipe> all() {
        return List.copyOf(RECIPES.values());
    }

    public static List<String> names() {
        return List.copyOf(RECIPES.keySet());
    }

    public static Optional<Recipe> find(String name) {
        return Optional.ofNullable(name == null ? null : RECIPES.get(name.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The recipe, or an error listing the known names. */
    public static Recipe get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown recipe '" + (name == null ? "" : name.length() > 40 ? name.substring(0, 39) + "…" : name)
                        + "' (known: " + String.join(", ", names()) + ")"));
    }
}
