package org.convlab.lesson.ui;

import java.util.List;

/** Fills in a lesson's quiz for a test: numeric questions first, then the conceptual ones. */
final class QuizAnswers {

    private QuizAnswers() {}

    /** Answers the first {@code right} questions right and every other one wrong. */
    static void answer(Quiz quiz, int right) {
        List<QuizQuestion> numeric = quiz.questions();
        for (int i = 0; i < numeric.size(); i++) {
            double answer = numeric.get(i).answer();
            quiz.field(i).setValue(Formats.plain().format(i < right ? answer : answer + 7));
        }
        List<ConceptQuestion> concepts = quiz.concepts();
        for (int i = 0; i < concepts.size(); i++) {
            boolean rightOne = numeric.size() + i < right;
            quiz.choices(i).setValue(concepts.get(i).choices().stream()
                    .filter(c -> c.right() == rightOne).findFirst().orElseThrow());
        }
    }

    static void answerAllRight(Quiz quiz) {
        answer(quiz, total(quiz));
    }

    static int total(Quiz quiz) {
        return quiz.questions().size() + quiz.concepts().size();
    }
}
