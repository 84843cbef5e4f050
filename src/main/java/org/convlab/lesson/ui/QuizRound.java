package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;

/**
 * The rule that keeps a quiz honest, for one set of questions. Checking answers shows the worked
 * answer of every wrong one; from then on the set is "revealed": typing in the answers just shown
 * proves nothing, so a full score on it no longer marks the lesson done. Only a fresh set (new
 * numbers, via "New questions") can. The check that revealed the answers still counts: its score
 * was earned before anything was shown.
 */
final class QuizRound {

    /** Said once to the learner, next to the quiz. */
    static String rule() {
        return I18n.t("lesson.quiz.rule");
    }

    /**
     * One check of the set.
     *
     * @param counts whether this score is recorded (every question answered and nothing revealed before)
     * @param done whether it marks the lesson done (counted, and all right)
     */
    record Outcome(int correct, int total, boolean complete, boolean counts, boolean done) {

        /** One plain line for the learner. */
        String message() {
            if (!complete) {
                return I18n.t("lesson.quiz.score.so-far", correct, total);
            }
            if (done) {
                return I18n.t("lesson.quiz.score.done", total, total);
            }
            if (counts) {
                return I18n.t("lesson.quiz.score.recorded", correct, total);
            }
            return I18n.t("lesson.quiz.score.revealed", correct, total);
        }
    }

    private final int total;
    private boolean revealed;

    QuizRound(int total) {
        this.total = total;
    }

    /**
     * Scores a check: {@code correct} right, {@code wrong} answered wrong (their answers are now
     * shown), the rest unanswered.
     */
    Outcome check(int correct, int wrong) {
        if (correct < 0 || wrong < 0 || correct + wrong > total) {
            throw new IllegalArgumentException(correct + " right and " + wrong + " wrong of " + total);
        }
        boolean complete = correct + wrong == total;
        boolean counts = complete && !revealed;
        if (wrong > 0) {
            revealed = true;
        }
        return new Outcome(correct, total, complete, counts, counts && correct == total);
    }

    boolean revealed() {
        return revealed;
    }
}
