package org.convlab.lesson.architecture;

import java.util.List;

/** Output shapes and parameter counts of every layer, and the total Keras prints under them. */
public record ModelSummary(TensorShape input, List<LayerSummary> layers) {

    public ModelSummary {
        layers = List.copyOf(layers);
    }

    public long totalParameters() {
        return layers.stream().mapToLong(layer -> layer.parameters().total()).sum();
    }
}
