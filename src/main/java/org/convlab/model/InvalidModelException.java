package org.convlab.model;

import java.util.List;

/** A model spec (or training setting) that cannot work; carries every problem found, one per line. */
public class InvalidModelException extends IllegalArgumentException {

    private final List<String> problems;
    private final List<ValidatedModel.LayerInfo> validLayers;

    public InvalidModelException(List<String> problems) {
        this(problems, List.of());
    }

    /** {@code validLayers}: the layers whose shapes could be worked out, for a builder to show. */
    public InvalidModelException(List<String> problems, List<ValidatedModel.LayerInfo> validLayers) {
        super(problems.size() == 1
                ? problems.getFirst()
                : "the model has " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
        this.validLayers = List.copyOf(validLayers);
    }

    public InvalidModelException(String problem) {
        this(List.of(problem));
    }

    /** Every problem on one line ("a; b; c"), for answers that must be one line (the API, logs). */
    public String oneLine() {
        return problems.size() == 1 ? problems.getFirst()
                : problems.size() + " problems: " + String.join("; ", problems);
    }

    public List<String> problems() {
        return problems;
    }

    public List<ValidatedModel.LayerInfo> validLayers() {
        return validLayers;
    }
}
