package org.convlab.training.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.training.engine.Recipe.Reason;

/**
 * The recipes, by name. Every figure in a reason was measured on a two-core laptop with
 * {@code bench/run.sh --time-to-accuracy} or the runs listed in bench/README.md; change a setting
 * and its sentence together.
 */
public final class Recipes {

    private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    static {
        // The words (title, goal, and a choice and its reason per line) are in the training bundle,
        // under training.recipe.<name>.; the figures in them were measured with these settings.
        add(recipe("quick", "quick-cnn",
                Hyperparameters.defaults().withEpochs(4).withBatchSize(128).withOptimizer(OptimizerKind.ADAM, 0.003)
                        .withValidationSplit(0).withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 0)),
                7));
        add(recipe("best", "best-cnn",
                Hyperparameters.defaults().withEpochs(15).withBatchSize(128).withOptimizer(OptimizerKind.ADAM, 0.003)
                        .withValidationSplit(0).withAugmentation(new Augmentation(0, 0, true))
                        .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.ONE_CYCLE, 0)),
                6));
    }

    /** A recipe whose words are {@code training.recipe.<name>.title}, {@code .goal} and {@code .<i>.choice/.why}. */
    private static Recipe recipe(String name, String preset, Hyperparameters settings, int reasons) {
        String words = "training.recipe." + name + ".";
        List<Reason> why = new java.util.ArrayList<>();
        for (int i = 1; i <= reasons; i++) {
            why.add(new Reason(Text.of(words + i + ".choice"), Text.of(words + i + ".why")));
        }
        return new Recipe(name, Text.of(words + "title"), Text.of(words + "goal"), preset, settings, why);
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
        return find(name).orElseThrow(() -> new RefusedArgument(Text.of("training.choice.unknown-recipe",
                name == null ? "" : name.length() > 40 ? name.substring(0, 39) + "…" : name, String.join(", ", names()))));
    }
}
