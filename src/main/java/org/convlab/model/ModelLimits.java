package org.convlab.model;

import java.util.function.Function;

/**
 * What this server accepts: a model larger than these caps is refused before any memory is spent.
 * The web app reads them from its configuration; the CLI from system properties
 * ({@code convlab.limits.max-params}, {@code .max-layers}, {@code .max-epochs}).
 */
public record ModelLimits(long maxParams, int maxLayers, int maxEpochs) {

    public static final ModelLimits DEFAULT = new ModelLimits(5_000_000L, 40, 100);

    public ModelLimits {
        if (maxParams < 1 || maxLayers < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("model limits must be positive: " + maxParams + ", " + maxLayers + ", " + maxEpochs);
        }
    }

    /** Limits from a property lookup (system properties, Spring's Environment...), defaults for absent keys. */
    public static ModelLimits from(Function<String, String> lookup) {
        return new ModelLimits(
                parse(lookup, "convlab.limits.max-params", DEFAULT.maxParams),
                (int) parse(lookup, "convlab.limits.max-layers", DEFAULT.maxLayers),
                (int) parse(lookup, "convlab.limits.max-epochs", DEFAULT.maxEpochs));
    }

    public static ModelLimits fromSystemProperties() {
        return from(System::getProperty);
    }

    private static long parse(Function<String, String> lookup, String key, long fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }
}
