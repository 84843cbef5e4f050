package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.lesson.progress.LessonProgressRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A quiz finished while signed in is kept in the learner's account, with the better score winning. */
@Tag("database")
@SpringBootTest
class QuizProgressTest extends SpringBrowserlessTest {

    @Autowired AppUserRepository users;
    @Autowired LessonProgressRepository progress;

    @Test
    void aSignedInLearnersQuizIsStoredWithBestScoreAndAttempts() {
        AppUser me = TestAccounts.as(users, "quiz.taker", Role.LEARNER);
        ReluLessonView page = navigate(ReluLessonView.class);
        Quiz quiz = page.quiz;
        int total = QuizAnswers.total(quiz);

        QuizAnswers.answer(quiz, total);
        test(quiz.check).click();
        QuizAnswers.answer(quiz, total - 1);
        test(quiz.check).click();

        var row = progress.findByUserIdAndLesson(me.getId(), Lesson.RELU.slug()).orElseThrow();
        assertThat(row.getAttempts()).isEqualTo(2);
        assertThat(row.getBestCorrect()).isEqualTo(total);
        assertThat(row.isDone()).isTrue();

        LearnView index = navigate(LearnView.class);
        assertThat(index.badge(Lesson.RELU)).isEqualTo("done · quiz " + total + "/" + total);
        assertThat(index.summary.getText()).startsWith("1 of 9 lessons done").endsWith("saved in your account.");
    }

    @Test
    void aGuestIsToldTheirProgressStaysInThisBrowser() {
        LearnView index = navigate(LearnView.class);
        assertThat(index.summary.getText()).endsWith("saved in this browser.");
    }
}
