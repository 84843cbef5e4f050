package org.convlab.training.engine;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.convlab.model.InvalidModelException;
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
    private static final String EXAMPLE = "send JSON like {\"preset\": \"baseline-cnn\", \"hyperparameters\": {\"epochs\": 1}}";

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
            throw new InvalidModelException("the request has no body: " + EXAMPLE);
        }
        if (json.length() > MAX_BYTES) {
            throw new InvalidModelException("the request is larger than " + MAX_BYTES / 1024 + " KB; a run request is a few KB");
        }
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidModelException("the request cannot be read (" + StrictJson.describe(e) + "); " + EXAMPLE);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidModelException("the request must be a JSON object: " + EXAMPLE);
        }
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidModelException("unknown field '" + (name.length() > 40 ? name.substring(0, 39) + "…" : name)
                        + "' (known: preset, spec, recipe, hyperparameters)");
            }
        }
        Recipe recipe = recipe(root.get("recipe"));
        JsonNode preset = root.get("preset");
        JsonNode specNode = root.get("spec");
        boolean hasPreset = preset != null && !preset.isNull();
        boolean hasSpec = specNode != null && !specNode.isNull();
        if (hasPreset && hasSpec || recipe == null && !hasPreset && !hasSpec) {
            throw new InvalidModelException("give either a \"preset\" or a \"spec\" (or a \"recipe\"), not "
                    + (hasPreset ? "both" : "neither"));
        }
        ModelSpec spec;
        if (!hasPreset && !hasSpec) {
            spec = recipe.model();
        } else if (hasPreset) {
            if (!preset.isString()) {
                throw new InvalidModelException("\"preset\" must be a preset's name (known: " + String.join(", ", Presets.names()) + ")");
            }
            String name = preset.asString();
            spec = Presets.find(name).orElseThrow(() -> new InvalidModelException("unknown preset '"
                    + (name.length() > 40 ? name.substring(0, 39) + "…" : name) + "' (known: " + String.join(", ", Presets.names()) + ")"));
        } else {
            if (!specNode.isObject()) {
                throw new InvalidModelException("\"spec\" must be a model spec (a JSON object with \"layers\")");
            }
            try {
                spec = StrictJson.MAPPER.treeToValue(specNode, ModelSpec.class);
            } catch (JacksonException e) {
                throw new InvalidModelException("the model spec is not valid: " + StrictJson.describe(e));
            }
        }
        JsonNode settings = root.get("hyperparameters");
        Map<String, Object> given = null;
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                throw new InvalidModelException("\"hyperparameters\" must be an object such as {\"epochs\": 2}");
            }
            given = StrictJson.MAPPER.convertValue(settings, new TypeReference<Map<String, Object>>() {});
        }
        return new RunRequestJson(spec, recipe == null ? SettingsJson.over(defaultsFor.apply(spec), given)
                : SettingsJson.over(recipe.settings(), given), hasSpec);
    }

    private static Recipe recipe(JsonNode name) {
        if (name == null || name.isNull()) {
            return null;
        }
        if (!name.isString()) {
            throw new InvalidModelException("\"recipe\" must be a recipe's name (known: " + String.join(", ", Recipes.names()) + ")");
        }
        try {
            return Recipes.get(name.asString());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(e.getMessage());
        }
    }
}
