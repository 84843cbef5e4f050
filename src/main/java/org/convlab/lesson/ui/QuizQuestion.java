package org.convlab.lesson.ui;

/**
 * One generated question with a numeric answer.
 *
 * @param answer the exact value, from the lesson engine
 * @param tolerance how far a typed answer may be off (rounded decimals of 7/9 are still right)
 * @param answerText how the answer is written in feedback, e.g. "7/9 ≈ 0.78"
 * @param explanation how to get there, shown after a wrong answer
 * @param sectionId the lesson section that explains it, linked from the feedback; the quiz names the
 *     link with the heading the page shows for it, in the page's language
 */
record QuizQuestion(String prompt, double answer, double tolerance, String answerText, String explanation,
        String sectionId) {

    boolean accepts(double typed) {
        return Math.abs(typed - answer) <= tolerance;
    }
}
