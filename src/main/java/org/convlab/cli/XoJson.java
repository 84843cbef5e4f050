package org.convlab.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.lesson.Fractions;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.FilterPass;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.VoteTrace;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRun;

/**
 * The JSON document of {@code lesson xo --json}. Matrices are arrays of rows of numbers; the
 * parallel {@code fractions} strings give the same values as exact ninths ("7/9").
 */
record XoJson(
        double[][] image,
        List<FilterJson> filters,
        List<Double> vector,
        Map<String, Double> votes,
        List<String> vectorFractions,
        String rendition,
        DeckTest deckTest) {

    private static final int NINTHS = 9;

    record FilterJson(
            String name,
            double[][] kernel,
            double[][] conv,
            double[][] relu,
            double[][] pool,
            double[][] pool2,
            Map<String, String[][]> fractions) {}

    /** The deck's own test vector and how it votes (X 0.912, O 0.5175). */
    record DeckTest(List<Double> vector, Map<String, Double> votes) {}

    static XoJson of(Rendition rendition, XoRun run) {
        List<FilterJson> filters = run.passes().stream().map(XoJson::filter).toList();
        List<String> vectorFractions = run.vector().stream().map(v -> Fractions.format(v, NINTHS)).toList();
        return new XoJson(run.image().toArray(), filters, run.vector(), scores(run.votes()), vectorFractions,
                rendition.id(), new DeckTest(XoExample.DECK_TEST_VECTOR, scores(XoExample.deckTestVotes())));
    }

    private static FilterJson filter(FilterPass pass) {
        Map<String, String[][]> fractions = new LinkedHashMap<>();
        fractions.put("conv", ninths(pass.convolution().output()));
        fractions.put("relu", ninths(pass.relu().output()));
        fractions.put("pool", ninths(pass.pool().output()));
        fractions.put("pool2", ninths(pass.pool2().output()));
        return new FilterJson(pass.filter().name(), pass.filter().kernel().toArray(),
                pass.convolution().output().toArray(), pass.relu().output().toArray(),
                pass.pool().output().toArray(), pass.pool2().output().toArray(), fractions);
    }

    private static String[][] ninths(Matrix matrix) {
        return Arrays.stream(matrix.toArray())
                .map(row -> Arrays.stream(row).mapToObj(v -> Fractions.format(v, NINTHS)).toArray(String[]::new))
                .toArray(String[][]::new);
    }

    private static Map<String, Double> scores(Map<String, VoteTrace> votes) {
        Map<String, Double> scores = new LinkedHashMap<>();
        votes.forEach((letter, vote) -> scores.put(letter, vote.score()));
        return scores;
    }
}
