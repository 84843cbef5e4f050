package org.convlab.model;

import java.util.List;
import java.util.Locale;
import org.convlab.i18n.LocalFormat;
import org.convlab.i18n.Translations;

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
        return toText(Locale.ENGLISH);
    }

    /**
     * The table as Keras prints it, its headings and counts in {@code locale}'s words ("485.514" in
     * German); layer names, types and shapes stay Keras' code.
     */
    public String toText(Locale locale) {
        String rule = "_".repeat(65);
        String thick = "=".repeat(65);
        StringBuilder out = new StringBuilder();
        out.append(Translations.get(locale, "model.summary.title", model)).append('\n').append(rule).append('\n');
        out.append(String.format(" %-28s %-25s %s%n", Translations.get(locale, "model.summary.layer"),
                Translations.get(locale, "model.summary.output-shape"), Translations.get(locale, "model.summary.params")));
        out.append(thick).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            Row r = layers.get(i);
            out.append(String.format(" %-28s %-25s %s%n", r.name() + " (" + r.type() + ")", r.outputShape(),
                    LocalFormat.integer(locale, r.params())));
            out.append(i == layers.size() - 1 ? thick : rule).append('\n');
        }
        out.append(Translations.get(locale, "model.summary.total", totalParams)).append(System.lineSeparator());
        out.append(Translations.get(locale, "model.summary.trainable", trainableParams)).append(System.lineSeparator());
        out.append(Translations.get(locale, "model.summary.non-trainable", nonTrainableParams)).append(System.lineSeparator());
        out.append(rule).append('\n');
        return out.toString();
    }
}
