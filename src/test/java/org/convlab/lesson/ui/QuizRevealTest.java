package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.lesson.progress.LessonProgressRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A learner who is shown the answers cannot finish the lesson by typing them in: only a fresh set
 * answered all right marks it done, and the stored best score is an earned one.
 */
@Tag("database")
@SpringBootTest
class QuizRevealTest extends SpringBrowserlessTest {

    @Autowired AppUserRepository users;
    @Autowired LessonProgressRepository progress;

    @Test
    void aFullScoreAfterTheAnswersWereShownIsNotRecordedAFreshSetIs() {
        AppUser me = TestAccounts.as(users, "quiz.revealer", Role.LEARNER);
        PoolingLessonView page = navigate(PoolingLessonView.class);
        Quiz quiz = page.quiz;
        int total = QuizAnswers.total(quiz);

        QuizAnswers.answer(quiz, total - 1);
        test(quiz.check).click();
        assertThat(quiz.score()).startsWith((total - 1) + " of " + total + " right");

        QuizAnswers.answerAllRight(quiz);
        test(quiz.check).click();
        assertThat(quiz.score()).isEqualTo(total + " of " + total + " right, but this set's answers were shown, "
                + "so it does not count. Ask for new questions to finish the lesson.");
        var row = progress.findByUserIdAndLesson(me.getId(), Lesson.POOLING.slug()).orElseThrow();
        assertThat(row.isDone()).isFalse();
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.score()).isEqualTo((total - 1) + "/" + total);

        test(quiz.newQuestions).click();
        assertThat(quiz.revealed()).isFalse();
        QuizAnswers.answerAllRight(quiz);
        test(quiz.check).click();
        assertThat(quiz.score()).isEqualTo(total + " of " + total + " right. Lesson done!");
        row = progress.findByUserIdAndLesson(me.getId(), Lesson.POOLING.slug()).orElseThrow();
        assertThat(row.isDone()).isTrue();
        assertThat(row.getAttempts()).isEqualTo(2);
    }

    /** Text that is not a number, and a question left without a choice, are unanswered: nothing is shown or stored. */
    @Test
    void answersThatAreNotNumbersRevealNothing() {
        AppUser me = TestAccounts.as(users, "quiz.typist", Role.LEARNER);
        ReluLessonView page = navigate(ReluLessonView.class);
        Quiz quiz = page.quiz;
        int numeric = quiz.questions().size();
        for (String typed : new String[] {"", "   ", "abc", "1/0", "7/", "--3", "1e400x", "½", "NaN", "Infinity"}) {
            for (int i = 0; i < numeric; i++) {
                test(quiz.field(i)).setValue(typed);
            }
            test(quiz.check).click();
            assertThat(quiz.feedback(0)).as(typed).isEqualTo("Type a number first, e.g. 4, 0.5 or 7/9.");
            assertThat(quiz.feedback(numeric)).as(typed).isEqualTo("Pick an answer first.");
            assertThat(quiz.score()).as(typed).isEqualTo("0 of " + QuizAnswers.total(quiz)
                    + " right so far. Answer every question to record your score.");
            assertThat(quiz.revealed()).as(typed).isFalse();
        }
        assertThat(progress.findByUserIdAndLesson(me.getId(), Lesson.RELU.slug())).isEmpty();
        QuizAnswers.answerAllRight(quiz);
        test(quiz.check).click();
        assertThat(quiz.score()).endsWith("Lesson done!");
    }

    @Test
    void theQuizSaysTheRuleInOneLine() {
        ReluLessonView page = navigate(ReluLessonView.class);
        assertThat(page.quiz.getElement().getTextRecursively()).contains(QuizRound.rule());
    }
}
