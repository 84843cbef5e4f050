package org.convlab.lesson.xo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deck's fully connected step, done by hand: each letter "lights up" the vector positions where
 * its own clean image scores highest, and a vector's score for that letter is the mean of its values
 * at those positions. For the X these are the 1st, 4th, 5th, 10th and 11th values.
 */
public final class XoVote {

    private static final double TOLERANCE = 1e-9;

    private final Map<String, List<Integer>> litPositions;

    private XoVote(Map<String, List<Integer>> litPositions) {
        this.litPositions = litPositions;
    }

    /** Learns the lit positions from each letter's reference vector, letters kept in the given order. */
    public static XoVote fromReferences(Map<String, List<Double>> referenceVectors) {
        Map<String, List<Integer>> lit = new LinkedHashMap<>();
        referenceVectors.forEach((letter, vector) -> {
            double max = vector.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < vector.size(); i++) {
                if (Math.abs(vector.get(i) - max) <= TOLERANCE) {
                    positions.add(i);
                }
            }
            lit.put(letter, List.copyOf(positions));
        });
        return new XoVote(lit);
    }

    /** Zero-based positions the letter lights up. */
    public List<Integer> litPositions(String letter) {
        List<Integer> positions = litPositions.get(letter);
        if (positions == null) {
            throw new IllegalArgumentException("no letter " + letter + "; known: " + litPositions.keySet());
        }
        return positions;
    }

    public VoteTrace score(String letter, List<Double> vector) {
        List<Integer> positions = litPositions(letter);
        List<Double> values = new ArrayList<>();
        for (int p : positions) {
            if (p >= vector.size()) {
                throw new IllegalArgumentException(
                        "the vector has " + vector.size() + " values; the vote reads position " + (p + 1));
            }
            values.add(vector.get(p));
        }
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        return new VoteTrace(letter, positions, values, sum, sum / values.size());
    }

    /** Every letter's score, in the order the letters were given. */
    public Map<String, VoteTrace> scoreAll(List<Double> vector) {
        Map<String, VoteTrace> scores = new LinkedHashMap<>();
        litPositions.keySet().forEach(letter -> scores.put(letter, score(letter, vector)));
        return scores;
    }
}
