package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;
import org.convlab.model.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A run asked for in JSON, as the API receives it: {@code {"preset": "dense"}} or
 * {@code {"spec": {...}}}, with optional {@code "hyperparameters"} over the defaults; or
 * {@code {"recipe": "quick"}}, a recipe's model and settings, any hyperparameters given over the
 * recipe's (and a preset or spec given instead of the recipe's model). Parsed with the
 * same strict rules as spec files (StrictJson); what it yields is then checked by {@link RunPlan}
 * like every other run.
 */
public record RunRequestJson(ModelSpec spec, Hyperparameters hyperparameters, boolean specGiven) {

    public RunRequestJson(ModelSpec spec, Hyperparameters hyperparameters) {
        this(spec, hyperparameters, true);
    }

    /**
     * The request for a data set of this shape: a preset's or recipe's model gets the data set's input
     * and one output per class ({@link ModelSpec#forData}), as the Train page does when a data set is
     * chosen; a spec the request gives is taken as given (and refused by the queue if it does not fit).
     */
    public RunRequestJson fittedTo(int channels, int size, int classCount) {
        return specGiven ? this : new RunRequestJson(spec.forData(channels, size, classCount), hyperparameters, false);
    }

    /** A request larger than this is refused before it is parsed. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final Set<String> FIELDS = Set.of("preset", "spec", "recipe", "hyperparameters");
    /** What to send instead, as code: the same in every language. */
    private static final String EXAMPLE = "{\"preset\": \"baseline-cnn\", \"hyperparameters\": {\"epochs\": 1}}";

    /** A request read over the engine's own defaults ({@link Hyperparameters#defaults()}), as the CLI reads it. */
    public static RunRequestJson parse(String json) {
        return parse(json, spec -> Hyperparameters.defaults());
    }

    /**
     * A request whose settings, where it gives no recipe, go over {@code defaultsFor} the chosen
     * model: the server passes the Train page's defaults, so a bare {@code {"preset": "dense"}}
     * is the run the page would start, within the learner's budget.
     */
    public static RunRequestJson parse(String json, java.util.function.Function<ModelSpec, Hyperparameters> defaultsFor) {
        if (json == null || json.isBlank()) {
            throw refused("training.request.no-body", EXAMPLE);
        }
        if (json.length() > MAX_BYTES) {
            throw refused("training.api.request-too-large", MAX_BYTES / 1024);
        }
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw refused("training.request.unreadable", StrictJson.describe(e), EXAMPLE);
        }
        if (root == null || !root.isObject()) {
            throw refused("training.request.not-object", EXAMPLE);
        }
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw refused("training.request.unknown-field", name.length() > 40 ? name.substring(0, 39) + "…" : name);
            }
        }
        Recipe recipe = recipe(root.get("recipe"));
        JsonNode preset = root.get("preset");
        JsonNode specNode = root.get("spec");
        boolean hasPreset = preset != null && !preset.isNull();
        boolean hasSpec = specNode != null && !specNode.isNull();
        if (hasPreset && hasSpec || recipe == null && !hasPreset && !hasSpec) {
            throw refused(hasPreset ? "training.request.preset-and-spec" : "training.request.no-model");
        }
        ModelSpec spec;
        if (!hasPreset && !hasSpec) {
            spec = recipe.model();
        } else if (hasPreset) {
            if (!preset.isString()) {
                throw refused("training.request.preset-not-name", String.join(", ", Presets.names()));
            }
            String name = preset.asString();
            spec = Presets.find(name).orElseThrow(() -> refused("training.request.unknown-preset",
                    name.length() > 40 ? name.substring(0, 39) + "…" : name, String.join(", ", Presets.names())));
        } else {
            if (!specNode.isObject()) {
                throw refused("training.request.spec-not-object");
            }
            try {
                spec = StrictJson.MAPPER.treeToValue(specNode, ModelSpec.class);
            } catch (JacksonException e) {
                throw refused("training.request.spec-invalid", StrictJson.describe(e));
            }
        }
        JsonNode settings = root.get("hyperparameters");
        Map<String, Object> given = null;
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                throw refused("training.request.settings-not-object", "{\"epochs\": 2}");
            }
            given = StrictJson.MAPPER.convertValue(settings, new TypeReference<Map<String, Object>>() {});
        }
        return new RunRequestJson(spec, recipe == null ? SettingsJson.over(defaultsFor.apply(spec), given)
                : SettingsJson.over(recipe.settings(), given), hasSpec);
    }

    /** A request refused with one line, in words each reader reads in their own language. */
    private static RunRefused refused(String key, Object... args) {
        return new RunRefused(Text.of(key, args));
    }

    private static Recipe recipe(JsonNode name) {
        if (name == null || name.isNull()) {
            return null;
        }
        if (!name.isString()) {
            throw refused("training.request.recipe-not-name", String.join(", ", Recipes.names()));
        }
        try {
            return Recipes.get(name.asString());
        } catch (RefusedArgument e) {
            throw new RunRefused(e.text());
        }
    }
}
