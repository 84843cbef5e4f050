package org.convlab.model;

import java.util.List;

/**
 * A spec that passed validation, with Keras' defaults filled in and every layer's shapes and
 * parameter counts known. Only this type is turned into a network.
 */
public record ValidatedModel(ModelSpec spec, LayerShape input, List<LayerInfo> layers) {

    public ValidatedModel {
        layers = List.copyOf(layers);
    }

    public LayerShape output() {
        return layers.getLast().output();
    }

    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }

    public long trainableParams() {
        return layers.stream().mapToLong(LayerInfo::trainableParams).sum();
    }

    public long nonTrainableParams() {
        return layers.stream().mapToLong(LayerInfo::nonTrainableParams).sum();
    }

    /**
     * One layer with its place in the stack (1-based), Keras-style name ("conv2d_1") and shapes.
     */
    public record LayerInfo(
            int index, Layer layer, String name, LayerShape input, LayerShape output,
            long trainableParams, long nonTrainableParams) {

        public long params() {
            return trainableParams + nonTrainableParams;
        }
    }
}
