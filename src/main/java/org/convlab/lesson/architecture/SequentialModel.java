package org.convlab.lesson.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stack of layers on an input shape, like a Keras {@code Sequential}; immutable. */
public record SequentialModel(TensorShape input, List<Layer> layers) {

    public SequentialModel {
        layers = List.copyOf(layers);
    }

    public static SequentialModel input(int... shape) {
        return new SequentialModel(TensorShape.of(shape), List.of());
    }

    public SequentialModel add(Layer layer) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(layer);
        return new SequentialModel(input, more);
    }

    /** Walks the shapes through the layers; a layer that cannot take its input fails with its reason. */
    public ModelSummary summary() {
        List<LayerSummary> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        TensorShape shape = input;
        for (Layer layer : layers) {
            int index = seen.merge(layer.kerasName(), 1, Integer::sum) - 1;
            String name = index == 0 ? layer.kerasName() : layer.kerasName() + "_" + index;
            TensorShape output = layer.outputShape(shape);
            rows.add(new LayerSummary(name, layer.kerasType(), output, layer.parameters(shape),
                    layer.parameterFormula(shape)));
            shape = output;
        }
        return new ModelSummary(input, rows);
    }
}
