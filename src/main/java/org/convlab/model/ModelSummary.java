package org.convlab.model;

import java.util.List;

/**
 * Keras' {@code model.summary()}: one row per layer with its name, type, output shape and parameter
 * count, then the totals. The counts follow Keras exactly so learners can check them against the
 * decks (conv = (k·k·in + 1)·filters, dense = (in + 1)·units, batch norm = 4·channels of which half
 * train).
 */
public record ModelSummary(
        String model, List<Row> layers, long totalParams, long trainableParams, long nonTrainableParams) {

    public record Row(String name, String type, String outputShape, long params) {}

    public static ModelSummary of(ValidatedModel model) {
        List<Row> rows = model.layers().stream()
                .map(l -> new Row(l.name(), l.layer().kerasType(), l.output().keras(), l.params()))
                .toList();
        String name = model.spec().name() == null ? "sequential" : model.spec().name();
        return new ModelSummary(name, rows, model.totalParams(), model.trainableParams(), model.nonTrainableParams());
    }

    public static ModelSummary of(ModelSpec spec, ModelLimits limits) {
        return of(ModelValidator.validate(spec, limits));
    }

    /** The table as Keras prints it. */
    public String toText() {
        String rule = "_".repeat(65);
        String thick = "=".repeat(65);
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(model).append("\"\n").append(rule).append('\n');
        out.append(String.format(" %-28s %-25s %s%n", "Layer (type)", "Output Shape", "Param #"));
        out.append(thick).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            Row r = layers.get(i);
            out.append(String.format(" %-28s %-25s %,d%n", r.name() + " (" + r.type() + ")", r.outputShape(), r.params()));
            out.append(i == layers.size() - 1 ? thick : rule).append('\n');
        }
        out.append(String.format("Total params: %,d%n", totalParams));
        out.append(String.format("Trainable params: %,d%n", trainableParams));
        out.append(String.format("Non-trainable params: %,d%n", nonTrainableParams));
        out.append(rule).append('\n');
        return out.toString();
    }
}
