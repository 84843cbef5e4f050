package org.convlab.lesson.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
/**
 * Lesson progress for signed-in learners, in the database. Guests keep theirs in the browser; on
 * signing in, what the browser kept is taken over once ({@link #importFromBrowser}), keeping the
 * better score per lesson, so nothing done as a guest is lost.
 */
@Service
public class ProgressService {

    /** The localStorage key a guest's progress is kept under: {"slug": {"correct": n, "total": m}, ...}. */
    public static final String BROWSER_KEY = "convlab.lessons";

    private final LessonProgressRepository progress;
    private final CurrentUser current;

    public ProgressService(LessonProgressRepository progress, CurrentUser current) {
        this.progress = progress;
        this.current = current;
    }

    /** Whether results go to an account (true) or stay in the browser (a guest). */
    public boolean signedIn() {
        return current.get().isPresent();
    }

    /** Records a finished quiz for the signed-in learner. */
    @Transactional
    public void record(String lesson, int correct, int total) {
        if (total <= 0 || correct < 0 || correct > total) {
            throw new IllegalArgumentException("a quiz score must be between 0 and " + total);
        }
        AppUser me = current.require();
        LessonProgressRecord row = progress.findByUserIdAndLesson(me.getId(), lesson)
                .orElseGet(() -> new LessonProgressRecord(me.getId(), lesson));
        row.attempt(correct, total, Instant.now());
        progress.save(row);
    }

    /**
     * Gives every lesson result of {@code fromUser} to {@code toUser}, merged with what they have
     * (the better score, all attempts); returns how many lessons {@code fromUser} had.
     */
    @Transactional
    public int handOver(long fromUser, long toUser) {
        List<LessonProgressRecord> given = progress.findByUserIdOrderByLessonAsc(fromUser);
        for (LessonProgressRecord record : given) {
            LessonProgressRecord kept = progress.findByUserIdAndLesson(toUser, record.getLesson())
                    .orElseGet(() -> new LessonProgressRecord(toUser, record.getLesson()));
            kept.absorb(record);
            progress.delete(record);
            progress.flush();
            progress.save(kept);
        }
        return given.size();
    }

    /** The signed-in learner's results by lesson slug (empty for a guest). */
    @Transactional(readOnly = true)
    public Map<String, LessonProgressRecord> mine() {
        Optional<AppUser> me = current.get();
        Map<String, LessonProgressRecord> byLesson = new LinkedHashMap<>();
        me.ifPresent(user -> progress.findByUserIdOrderByLessonAsc(user.getId()).forEach(r -> byLesson.put(r.getLesson(), r)));
        return byLesson;
    }

    /**
     * The lesson results of {@code learners}: learner id → lesson slug → result; a learner with none
     * is left out. For a teacher's gradebook; the caller checks that the teacher may see them.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, LessonProgressRecord>> of(Collection<Long> learners) {
        Map<Long, Map<String, LessonProgressRecord>> byLearner = new LinkedHashMap<>();
        if (learners.isEmpty()) {
            return byLearner;
        }
        for (LessonProgressRecord row : progress.findByUserIdIn(learners)) {
            byLearner.computeIfAbsent(row.getUserId(), id -> new LinkedHashMap<>()).put(row.getLesson(), row);
        }
        return byLearner;
    }

    /**
     * Takes over the progress a browser kept as a guest ({"slug": {"correct": n, "total": m}, ...}),
     * counting each entry as one attempt and keeping the better score. Entries for lessons not in
     * {@code knownLessons} and malformed ones are skipped ({@link BrowserProgress}). Returns how many
     * lessons were taken over.
     */
    @Transactional
    public int importFromBrowser(String json, List<String> knownLessons) {
        AppUser me = current.require();
        Map<String, BrowserProgress.Score> scores = BrowserProgress.parse(json, knownLessons);
        scores.forEach((lesson, score) -> {
            LessonProgressRecord row = progress.findByUserIdAndLesson(me.getId(), lesson)
                    .orElseGet(() -> new LessonProgressRecord(me.getId(), lesson));
            row.attempt(score.correct(), score.total(), Instant.now());
            progress.save(row);
        });
        return scores.size();
    }
}
