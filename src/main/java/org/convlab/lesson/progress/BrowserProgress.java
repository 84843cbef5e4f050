package org.convlab.lesson.progress;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convlab.model.StrictJson;
import tools.jackson.databind.JsonNode;

/**
 * What a guest's browser keeps under {@link ProgressService#BROWSER_KEY}:
 * {@code {"slug": {"correct": n, "total": m}, ...}}. The storage is the learner's to edit, so it is
 * read as hostile: entries for lessons not asked for and malformed or impossible scores (not whole
 * numbers, a total below 1, more right than asked) are skipped, and text that is not JSON reads as
 * no progress at all.
 */
public final class BrowserProgress {

    /** A quiz score: right answers of the questions asked. */
    public record Score(int correct, int total) {}

    private BrowserProgress() {}

    /** The valid scores for {@code lessons}, in their order. */
    public static Map<String, Score> parse(String json, Collection<String> lessons) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json == null ? "{}" : json);
        } catch (RuntimeException e) {
            return Map.of();
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String lesson : lessons) {
            JsonNode entry = root == null ? null : root.get(lesson);
            if (entry == null || !entry.path("correct").isInt() || !entry.path("total").isInt()) {
                continue;
            }
            int correct = entry.get("correct").asInt();
            int total = entry.get("total").asInt();
            if (total > 0 && correct >= 0 && correct <= total) {
                scores.put(lesson, new Score(correct, total));
            }
        }
        return scores;
    }
}
