package org.convlab.training.engine;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the few most recently used trained models loaded, so trying image after image does not
 * reload weights each time; the least recently used one is closed (its native memory freed).
 */
public final class LoadedModels implements AutoCloseable {

    private final int capacity;
    private final Map<Path, TrainedModel> models = new LinkedHashMap<>(4, 0.75f, true);

    public LoadedModels(int capacity) {
        this.capacity = capacity;
    }

    /** The model saved in {@code dir}, loading it on the CPU if needed. */
    public synchronized TrainedModel get(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        TrainedModel model = models.get(key);
        if (model == null) {
            model = RunStore.load(key, Device.cpu());
            models.put(key, model);
            if (models.size() > capacity) {
                var eldest = models.entrySet().iterator().next();
                models.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return model;
    }

    @Override
    public synchronized void close() {
        models.values().forEach(TrainedModel::close);
        models.clear();
    }
}
