package org.convlab.lesson.xo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendition judged two ways: matching the whole picture against each clean letter, and the
 * filter network's vote (in {@code run.votes()}). For both, 1 is a perfect match.
 *
 * @param wholeImageMatch per letter, the mean of image × letter over all cells: 1 when identical,
 *     −1 when every pixel differs
 */
public record RenditionComparison(Rendition rendition, Map<String, Double> wholeImageMatch, XoRun run) {

    public RenditionComparison {
        wholeImageMatch = Collections.unmodifiableMap(new LinkedHashMap<>(wholeImageMatch));
    }

    /** The letter the whole-picture match prefers. */
    public String wholeImageWinner() {
        return wholeImageMatch.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
