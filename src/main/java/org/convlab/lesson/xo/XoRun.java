package org.convlab.lesson.xo;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.lesson.FlattenTrace;
import org.convlab.lesson.Matrix;

/** One image through the whole X/O network: a pass per filter, the flattened vector and the votes. */
public record XoRun(Matrix image, List<FilterPass> passes, FlattenTrace flatten, Map<String, VoteTrace> votes) {

    public XoRun {
        passes = List.copyOf(passes);
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes)); // keeps X before O
    }

    /** The 12 values the vote reads: each filter's 2×2 map, one after the other. */
    public List<Double> vector() {
        return flatten.vector();
    }

    /** The letter with the highest score. */
    public String winner() {
        return votes.values().stream()
                .max(Comparator.comparingDouble(VoteTrace::score))
                .orElseThrow()
                .letter();
    }
}
