package org.convlab.training.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convlab.model.InvalidModelException;
import org.convlab.model.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** Training settings as people send them in JSON (the API): strictly, over the defaults. */
public final class SettingsJson {

    private SettingsJson() {}

    /**
     * Settings given in part (e.g. only {"epochs": 2}): the rest are the defaults. Read strictly
     * (StrictJson): an unknown setting, a fraction for a whole number or text for a number is
     * refused with one line naming the setting.
     */
    public static Hyperparameters overDefaults(Map<String, Object> given) {
        return over(Hyperparameters.defaults(), given);
    }

    /** Settings given in part over {@code base} (a recipe's settings, say), read as strictly. */
    public static Hyperparameters over(Hyperparameters base, Map<String, Object> given) {
        Map<String, Object> merged = StrictJson.MAPPER.convertValue(base,
                new TypeReference<LinkedHashMap<String, Object>>() {});
        if (given != null) {
            mergeOver(merged, given, "");
        }
        try {
            return StrictJson.MAPPER.convertValue(merged, Hyperparameters.class);
        } catch (JacksonException e) {
            throw new InvalidModelException("setting " + StrictJson.describe(e));
        }
    }

    /** Puts {@code given} over {@code defaults}, object by object (so "augmentation" may be given in part). */
    @SuppressWarnings("unchecked")
    private static void mergeOver(Map<String, Object> defaults, Map<String, Object> given, String prefix) {
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String key = entry.getKey();
            if (!defaults.containsKey(key)) {
                throw new InvalidModelException("unknown setting '" + prefix + (key.length() > 40 ? key.substring(0, 39) + "…" : key)
                        + "' (known: " + String.join(", ", defaults.keySet()) + ")");
            }
            if (defaults.get(key) instanceof Map<?, ?> inner && entry.getValue() instanceof Map<?, ?> part) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) inner);
                mergeOver(copy, (Map<String, Object>) part, prefix + key + ".");
                defaults.put(key, copy);
            } else {
                defaults.put(key, entry.getValue());
            }
        }
    }

}
