package org.convlab.training.queue;

import java.util.List;
import tools.jackson.core.type.TypeReference;

import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.OwnJson;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.ProgressListener;
/** The JSON columns of a stored run: settings, live progress, history and final metrics ({@link OwnJson}). */
public final class RunJson {

    private RunJson() {}

    public static String write(Object value) {
        return value == null ? null : OwnJson.MAPPER.writeValueAsString(value);
    }

    public static Hyperparameters hyperparameters(String json) {
        return OwnJson.MAPPER.readValue(json, Hyperparameters.class);
    }

    public static LiveRun.Snapshot snapshot(String json) {
        return json == null ? null : OwnJson.MAPPER.readValue(json, LiveRun.Snapshot.class);
    }

    public static List<ProgressListener.EpochReport> history(String json) {
        return json == null ? List.of() : OwnJson.MAPPER.readValue(json, new TypeReference<List<ProgressListener.EpochReport>>() {});
    }

    public static RunRecord.Metrics metrics(String json) {
        return json == null ? null : OwnJson.MAPPER.readValue(json, RunRecord.Metrics.class);
    }
}
