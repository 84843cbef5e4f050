package org.convlab.lesson;

import java.util.List;

/** The maps that were flattened and, for each vector position, where its value came from. */
public record FlattenTrace(List<Matrix> maps, List<FlattenStep> steps) {

    public FlattenTrace {
        maps = List.copyOf(maps);
        steps = List.copyOf(steps);
    }

    public List<Double> vector() {
        return steps.stream().map(FlattenStep::value).toList();
    }
}
