package org.convlab.lesson.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One learner's quiz result for one lesson (the best of their attempts). Only sets whose answers the
 * learner had not been shown are recorded (the quiz's reveal rule), so the best score and "done" are
 * earned ones.
 */
@Entity
@Table(name = "lesson_progress")
public class LessonProgressRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false, length = 60)
    private String lesson;

    @Column(name = "best_correct", nullable = false)
    private int bestCorrect;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "first_done_at")
    private Instant firstDoneAt;

    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    protected LessonProgressRecord() {}

    LessonProgressRecord(Long userId, String lesson) {
        this.userId = userId;
        this.lesson = lesson;
    }

    /** Counts an attempt; keeps the better score; the first perfect score marks the lesson done. */
    void attempt(int correct, int total, Instant at) {
        attempts++;
        lastAttemptAt = at;
        if (attempts == 1 || (double) correct / total > (double) bestCorrect / this.total) {
            bestCorrect = correct;
            this.total = total;
        }
        if (correct == total && firstDoneAt == null) {
            firstDoneAt = at;
        }
    }

    /**
     * Takes in another account's result for the same lesson: the better score, every attempt, the
     * earlier completion and the later last attempt.
     */
    void absorb(LessonProgressRecord other) {
        if (attempts == 0 || (double) other.bestCorrect / other.total > (double) bestCorrect / total) {
            bestCorrect = other.bestCorrect;
            total = other.total;
        }
        attempts += other.attempts;
        if (other.firstDoneAt != null && (firstDoneAt == null || other.firstDoneAt.isBefore(firstDoneAt))) {
            firstDoneAt = other.firstDoneAt;
        }
        if (lastAttemptAt == null || other.lastAttemptAt.isAfter(lastAttemptAt)) {
            lastAttemptAt = other.lastAttemptAt;
        }
    }

    /** The best score as the learner and the teacher read it: "5/6". */
    public String score() {
        return bestCorrect + "/" + total;
    }

    public Long getUserId() { return userId; }
    public String getLesson() { return lesson; }
    public int getBestCorrect() { return bestCorrect; }
    public int getTotal() { return total; }
    public int getAttempts() { return attempts; }
    public Instant getFirstDoneAt() { return firstDoneAt; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public boolean isDone() { return firstDoneAt != null; }
}
