package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's progress, kept in the browser's localStorage under one key until accounts exist:
 * per lesson, the best quiz score.
 */
final class LessonProgress {

    static final String KEY = "convlab.lessons";

    /** @param correct best number of right answers; total the questions in that quiz */
    record Entry(int correct, int total) {

        /** A lesson is done once its quiz has been answered without a mistake. */
        boolean done() {
            return correct == total;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LessonProgress() {}

    /** Stores a quiz result, keeping the better score when the lesson was done before. */
    static void record(Component anyComponent, Lesson lesson, int correct, int total) {
        anyComponent.getElement().executeJs("""
                const all = JSON.parse(localStorage.getItem($0) || '{}');
                const old = all[$1];
                if (!old || old.correct <= $2) { all[$1] = { correct: $2, total: $3 }; }
                localStorage.setItem($0, JSON.stringify(all));""", KEY, lesson.slug(), correct, total);
    }

    /** Asks the browser for the stored progress; {@code onResult} runs when it answers. */
    static void read(Component anyComponent, Consumer<Map<Lesson, Entry>> onResult) {
        anyComponent.getElement().executeJs("return localStorage.getItem($0) || '{}'", KEY)
                .then(String.class, json -> onResult.accept(parse(json)));
    }

    /** Unknown lessons and malformed entries are skipped: the storage is the learner's to edit. */
    static Map<Lesson, Entry> parse(String json) {
        Map<Lesson, Entry> progress = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(json);
            for (Lesson lesson : Lesson.values()) {
                JsonNode entry = root.get(lesson.slug());
                if (entry != null && entry.has("correct") && entry.has("total")) {
                    progress.put(lesson, new Entry(entry.get("correct").asInt(), entry.get("total").asInt()));
                }
            }
        } catch (RuntimeException e) {
            return Map.of();
        }
        return progress;
    }
}
