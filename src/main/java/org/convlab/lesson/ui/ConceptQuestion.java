package org.convlab.lesson.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A multiple-choice question about an idea rather than a sum ("why…?", "what happens if…?"). Every
 * choice says why it is right or wrong and which section of the lesson teaches it, so a wrong pick
 * is answered with a reason and a way back, not just "no".
 *
 * <p>The questions are read from the lesson's quiz file ({@code lessons/quiz/<slug>.properties}):
 * <pre>
 * concept.1.question=Why …?
 * concept.1.answer=the right choice
 * concept.1.answer.why=why it is right
 * concept.1.answer.section=section-id
 * concept.1.wrong.1=a wrong choice
 * concept.1.wrong.1.why=what is wrong with it
 * concept.1.wrong.1.section=section-id
 * </pre>
 * numbered from 1 without gaps.
 */
record ConceptQuestion(String question, List<Choice> choices) {

    /**
     * @param explanation one sentence: why this choice is right, or what is wrong with it
     * @param sectionId the lesson section that teaches it, linked from the feedback
     */
    record Choice(String text, boolean right, String explanation, String sectionId) {}

    ConceptQuestion {
        choices = List.copyOf(choices);
    }

    Choice answer() {
        return choices.stream().filter(Choice::right).findFirst().orElseThrow();
    }

    /** The same question with its choices in another order, so the right one is not always first. */
    ConceptQuestion shuffled(RandomGenerator random) {
        List<Choice> order = new ArrayList<>(choices);
        Collections.shuffle(order, random);
        return new ConceptQuestion(question, order);
    }

    /** The lesson's conceptual questions, in the file's order. */
    static List<ConceptQuestion> of(Lesson lesson) {
        return read(LessonText.quizOf(lesson));
    }

    static List<ConceptQuestion> read(LessonText text) {
        List<ConceptQuestion> questions = new ArrayList<>();
        for (int n = 1; text.has("concept." + n + ".question"); n++) {
            String key = "concept." + n;
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice(text.get(key + ".answer"), true, text.get(key + ".answer.why"),
                    text.get(key + ".answer.section")));
            for (int m = 1; text.has(key + ".wrong." + m); m++) {
                String wrong = key + ".wrong." + m;
                choices.add(new Choice(text.get(wrong), false, text.get(wrong + ".why"), text.get(wrong + ".section")));
            }
            questions.add(new ConceptQuestion(text.get(key + ".question"), choices));
        }
        return questions;
    }

    Optional<Choice> choice(String text) {
        return choices.stream().filter(c -> c.text().equals(text)).findFirst();
    }
}
