package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A conceptual question tests understanding only if its right answer cannot be spotted by its look:
 * the right choice must not be, as a rule, the longest and most detailed one.
 */
class QuizChoicesTest {

    private static boolean rightIsStrictlyLongest(ConceptQuestion question) {
        int right = question.answer().text().length();
        return question.choices().stream().filter(c -> !c.right()).allMatch(c -> c.text().length() < right);
    }

    private static double medianWrongLength(ConceptQuestion question) {
        List<Integer> lengths = question.choices().stream().filter(c -> !c.right()).map(c -> c.text().length())
                .sorted().toList();
        int n = lengths.size();
        return n % 2 == 1 ? lengths.get(n / 2) : (lengths.get(n / 2 - 1) + lengths.get(n / 2)) / 2.0;
    }

    @Test
    void theRightAnswerIsNotGivenAwayByBeingTheLongestChoice() {
        int questions = 0;
        int longest = 0;
        List<String> alwaysLongest = new ArrayList<>();
        for (Lesson lesson : Lesson.values()) {
            List<ConceptQuestion> concepts = ConceptQuestion.of(lesson);
            long here = concepts.stream().filter(QuizChoicesTest::rightIsStrictlyLongest).count();
            if (here == concepts.size()) {
                alwaysLongest.add(lesson.slug());
            }
            questions += concepts.size();
            longest += (int) here;
        }
        assertThat(questions).isPositive();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(alwaysLongest).as("lessons whose right answer is the longest choice in every question").isEmpty();
        softly.assertThat((double) longest / questions)
                .as("share of questions whose right answer is the strictly longest choice (%d of %d)", longest, questions)
                .isLessThanOrEqualTo(0.40);
        softly.assertAll();
    }

    @Test
    void noRightAnswerIsMuchLongerThanItsWrongChoices() {
        for (Lesson lesson : Lesson.values()) {
            for (ConceptQuestion question : ConceptQuestion.of(lesson)) {
                double ratio = question.answer().text().length() / medianWrongLength(question);
                assertThat(ratio).as("%s: %s — right answer length / median wrong length", lesson.slug(),
                        question.question()).isLessThanOrEqualTo(1.6);
            }
        }
    }
}
