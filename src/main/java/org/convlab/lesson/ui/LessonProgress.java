package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.convlab.base.ui.BrowserStorage;
import org.convlab.lesson.progress.BrowserProgress;
import org.convlab.lesson.progress.LessonProgressRecord;
import org.convlab.lesson.progress.ProgressService;

/**
 * A learner's progress: per lesson, the best quiz score. Signed-in learners keep it in their
 * account (ProgressService); guests keep it in the browser's localStorage under one key. When a
 * learner signs in with guest progress still in the browser, it is taken over into the account
 * (the better score per lesson) and the browser's copy is cleared, so nothing done as a guest is
 * lost and nothing is counted twice.
 */
final class LessonProgress {

    static final String KEY = ProgressService.BROWSER_KEY;

    /** @param correct best number of right answers; total the questions in that quiz */
    record Entry(int correct, int total) {

        /** A lesson is done once its quiz has been answered without a mistake. */
        boolean done() {
            return correct == total;
        }
    }

    private LessonProgress() {}

    /** The account's progress service, when someone is signed in. */
    private static Optional<ProgressService> account() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return Optional.empty();
        }
        ProgressService progress = service.getInstantiator().getOrCreate(ProgressService.class);
        return progress.signedIn() ? Optional.of(progress) : Optional.empty();
    }

    /** Whether progress goes to a signed-in account rather than this browser. */
    static boolean signedIn() {
        return account().isPresent();
    }

    /** Stores a quiz result, keeping the better score when the lesson was done before. */
    static void record(Component anyComponent, Lesson lesson, int correct, int total) {
        Optional<ProgressService> account = account();
        if (account.isPresent()) {
            account.get().record(lesson.slug(), correct, total);
            return;
        }
        anyComponent.getElement().executeJs("""
                const all = JSON.parse(localStorage.getItem($0) || '{}');
                const old = all[$1];
                if (!old || old.correct <= $2) { all[$1] = { correct: $2, total: $3 }; }
                localStorage.setItem($0, JSON.stringify(all));""", KEY, lesson.slug(), correct, total);
    }

    /**
     * The stored progress; {@code onResult} runs when it is known: at once for a signed-in learner
     * (and again if their browser still held guest progress to take over), when the browser answers
     * for a guest.
     */
    static void read(Component anyComponent, Consumer<Map<Lesson, Entry>> onResult) {
        Optional<ProgressService> account = account();
        if (account.isEmpty()) {
            anyComponent.getElement().executeJs("return localStorage.getItem($0) || '{}'", KEY)
                    .then(String.class, json -> onResult.accept(parse(json)));
            return;
        }
        ProgressService progress = account.get();
        onResult.accept(fromAccount(progress));
        // The browser forgets guest progress only once the account has it (see BrowserStorage).
        BrowserStorage.take(anyComponent, KEY, json -> {
            if (progress.importFromBrowser(json, Arrays.stream(Lesson.values()).map(Lesson::slug).toList()) > 0) {
                onResult.accept(fromAccount(progress));
            }
            return true;
        });
    }

    static Map<Lesson, Entry> fromAccount(ProgressService progress) {
        Map<Lesson, Entry> result = new LinkedHashMap<>();
        Map<String, LessonProgressRecord> mine = progress.mine();
        for (Lesson lesson : Lesson.values()) {
            LessonProgressRecord row = mine.get(lesson.slug());
            if (row != null) {
                // Done once answered without a mistake, even if a later attempt went worse.
                result.put(lesson, row.isDone() ? new Entry(row.getTotal(), row.getTotal())
                        : new Entry(row.getBestCorrect(), row.getTotal()));
            }
        }
        return result;
    }

    /** Unknown lessons and malformed entries are skipped ({@link BrowserProgress}): the storage is the learner's to edit. */
    static Map<Lesson, Entry> parse(String json) {
        Map<Lesson, Entry> progress = new LinkedHashMap<>();
        Map<String, BrowserProgress.Score> scores = BrowserProgress.parse(json,
                Arrays.stream(Lesson.values()).map(Lesson::slug).toList());
        for (Lesson lesson : Lesson.values()) {
            BrowserProgress.Score score = scores.get(lesson.slug());
            if (score != null) {
                progress.put(lesson, new Entry(score.correct(), score.total()));
            }
        }
        return progress;
    }
}
