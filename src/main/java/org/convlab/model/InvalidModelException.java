package org.convlab.model;

import java.util.List;

/** A model spec (or training setting) that cannot work; carries every problem found, one per line. */
public class InvalidModelException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidModelException(List<String> problems) {
        super(problems.size() == 1
                ? problems.getFirst()
                : "the model has " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidModelException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
