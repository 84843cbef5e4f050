package org.convlab.model.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;

/** The layer kinds a learner can add, each with sensible starting values and a one-line purpose. */
final class LayerDefaults {

    record Kind(String label, String purpose, Supplier<Layer> create) {}

    static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("conv2d", new Kind("Convolution", "slides small filters over the image to find patterns",
                () -> new Layer.Conv2d(32, 3, ActivationKind.RELU)));
        KINDS.put("maxpool", new Kind("Max pooling", "keeps the strongest value in each window, halving the size",
                () -> new Layer.MaxPool(2)));
        KINDS.put("avgpool", new Kind("Average pooling", "averages each window, halving the size",
                () -> new Layer.AvgPool(2)));
        KINDS.put("batchnorm", new Kind("Batch normalization", "rescales values to mean 0, spread 1: steadier training",
                Layer.BatchNorm::new));
        KINDS.put("dropout", new Kind("Dropout", "switches random values off while training, against overfitting",
                () -> new Layer.Dropout(0.25)));
        KINDS.put("flatten", new Kind("Flatten", "turns the image into one long vector for the dense layers",
                Layer.Flatten::new));
        KINDS.put("dense", new Kind("Dense", "connects every input to every unit",
                () -> new Layer.Dense(128, ActivationKind.RELU)));
        KINDS.put("activation", new Kind("Activation", "applies a function such as ReLU on its own",
                () -> new Layer.ActivationLayer(ActivationKind.RELU)));
    }

    private LayerDefaults() {}

    static Kind of(Layer layer) {
        return KINDS.get(layer.kind());
    }
}
