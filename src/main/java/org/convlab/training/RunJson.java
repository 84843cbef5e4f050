package org.convlab.training;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns of a stored run: settings, live progress, history and final metrics. */
public final class RunJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunJson() {}

    public static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public static Hyperparameters hyperparameters(String json) {
        return JSON.readValue(json, Hyperparameters.class);
    }

    /** Settings given in part (e.g. only {"epochs": 2}): the rest are the defaults. */
    public static Hyperparameters hyperparametersOverDefaults(java.util.Map<String, Object> given) {
        java.util.Map<String, Object> merged = JSON.convertValue(Hyperparameters.defaults(),
                new TypeReference<java.util.LinkedHashMap<String, Object>>() {});
        if (given != null) {
            for (String key : given.keySet()) {
                if (!merged.containsKey(key)) {
                    throw new IllegalArgumentException("unknown setting '" + key + "' (known: " + String.join(", ", merged.keySet()) + ")");
                }
            }
            merged.putAll(given);
        }
        try {
            return JSON.convertValue(merged, Hyperparameters.class);
        } catch (tools.jackson.databind.exc.InvalidFormatException e) {
            String setting = e.getPath().isEmpty() ? "?" : e.getPath().getLast().getPropertyName();
            Class<?> type = e.getTargetType();
            String allowed = type != null && type.isEnum()
                    ? " (one of: " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                            .collect(java.util.stream.Collectors.joining(", ")) + ")"
                    : type != null ? " (a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")" : "";
            throw new IllegalArgumentException("setting '" + setting + "' cannot be " + e.getValue() + allowed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the settings are not valid: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public static LiveRun.Snapshot snapshot(String json) {
        return json == null ? null : JSON.readValue(json, LiveRun.Snapshot.class);
    }

    public static List<TrainingListener.EpochReport> history(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<TrainingListener.EpochReport>>() {});
    }

    public static RunRecord.Metrics metrics(String json) {
        return json == null ? null : JSON.readValue(json, RunRecord.Metrics.class);
    }
}
