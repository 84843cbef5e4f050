package org.convlab.training.queue;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.TrainingListener;
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
