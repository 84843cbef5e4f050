package org.convlab.model.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;

/** The layer kinds a learner can add, each with sensible starting values and a one-line purpose (in the bundle). */
final class LayerDefaults {

    /** {@code label()} and {@code purpose()}: bundle keys ("model.layer-kind.conv2d"), read by the page. */
    record Kind(String label, String purpose, Supplier<Layer> create) {}

    /** The key family of a kind's name and purpose: {@code model.layer-kind.conv2d}, {@code model.layer-kind.conv2d.purpose}. */
    private static final String KEYS = "model.layer-kind.";

    static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("conv2d", new Kind(KEYS + "conv2d", KEYS + "conv2d.purpose",
                () -> new Layer.Conv2d(32, 3, ActivationKind.RELU)));
        KINDS.put("maxpool", new Kind(KEYS + "maxpool", KEYS + "maxpool.purpose",
                () -> new Layer.MaxPool(2)));
        KINDS.put("avgpool", new Kind(KEYS + "avgpool", KEYS + "avgpool.purpose",
                () -> new Layer.AvgPool(2)));
        KINDS.put("batchnorm", new Kind(KEYS + "batchnorm", KEYS + "batchnorm.purpose",
                Layer.BatchNorm::new));
        KINDS.put("dropout", new Kind(KEYS + "dropout", KEYS + "dropout.purpose",
                () -> new Layer.Dropout(0.25)));
        KINDS.put("flatten", new Kind(KEYS + "flatten", KEYS + "flatten.purpose",
                Layer.Flatten::new));
        KINDS.put("dense", new Kind(KEYS + "dense", KEYS + "dense.purpose",
                () -> new Layer.Dense(128, ActivationKind.RELU)));
        KINDS.put("activation", new Kind(KEYS + "activation", KEYS + "activation.purpose",
                () -> new Layer.ActivationLayer(ActivationKind.RELU)));
    }

    private LayerDefaults() {}

    static Kind of(Layer layer) {
        return KINDS.get(layer.kind());
    }
}
