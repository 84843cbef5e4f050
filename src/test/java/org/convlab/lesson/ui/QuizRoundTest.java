package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reveal rule: once a set's answers have been shown, a full score on it no longer marks the lesson done. */
class QuizRoundTest {

    @Test
    void aFullScoreOnAFreshSetMarksTheLessonDone() {
        QuizRound.Outcome outcome = new QuizRound(6).check(6, 0);
        assertThat(outcome.counts()).isTrue();
        assertThat(outcome.done()).isTrue();
        assertThat(outcome.message()).isEqualTo("6 of 6 right. Lesson done!");
    }

    @Test
    void theCheckThatShowsTheAnswersCountsButAFullScoreAfterItDoesNot() {
        QuizRound round = new QuizRound(6);
        QuizRound.Outcome first = round.check(5, 1);
        assertThat(first.counts()).as("5/6 was earned before anything was shown").isTrue();
        assertThat(first.done()).isFalse();
        assertThat(round.revealed()).isTrue();

        QuizRound.Outcome copied = round.check(6, 0);
        assertThat(copied.counts()).isFalse();
        assertThat(copied.done()).isFalse();
        assertThat(copied.message()).contains("6 of 6 right", "does not count", "new questions");
    }

    @Test
    void aWrongAnswerInAnUnfinishedCheckAlsoRevealsTheSet() {
        QuizRound round = new QuizRound(6);
        QuizRound.Outcome partial = round.check(2, 1);
        assertThat(partial.complete()).isFalse();
        assertThat(partial.counts()).isFalse();
        assertThat(partial.message()).isEqualTo("2 of 6 right so far. Answer every question to record your score.");
        assertThat(round.check(6, 0).done()).isFalse();
    }

    @Test
    void anUnfinishedCheckWithOnlyRightAnswersShowsNothing() {
        QuizRound round = new QuizRound(6);
        round.check(3, 0);
        assertThat(round.revealed()).isFalse();
        assertThat(round.check(6, 0).done()).isTrue();
    }

    @Test
    void impossibleCountsAreRefused() {
        QuizRound round = new QuizRound(6);
        for (int[] bad : new int[][] {{-1, 0}, {0, -1}, {7, 0}, {4, 3}, {0, 7}}) {
            assertThatThrownBy(() -> round.check(bad[0], bad[1])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(round.revealed()).isFalse();
    }
}
