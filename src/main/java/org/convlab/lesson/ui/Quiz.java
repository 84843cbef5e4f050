package org.convlab.lesson.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The questions at the end of a lesson. They are generated with fresh random numbers each time, so
 * a learner practises the method rather than memorising answers; a wrong answer shows the worked
 * answer and links back to the section that explains it. Checking stores the score in the browser.
 */
final class Quiz extends Section {

    private final Lesson lesson;
    private final Supplier<List<QuizQuestion>> generator;
    private final Div list = new Div();
    private final Paragraph score = new Paragraph();
    final Button check = new Button("Check answers", VaadinIcon.CHECK.create());
    final Button newQuestions = new Button("New questions", VaadinIcon.REFRESH.create());
    private List<QuizQuestion> questions = List.of();
    private final List<TextField> fields = new ArrayList<>();
    private final List<Div> feedback = new ArrayList<>();

    Quiz(Lesson lesson, Supplier<List<QuizQuestion>> generator) {
        this.lesson = lesson;
        this.generator = generator;
        setId("quiz");
        addClassNames("lesson-section", "quiz");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        newQuestions.addClickListener(e -> regenerate());
        list.addClassName("quiz-questions");
        score.addClassName("quiz-score");
        score.getElement().setAttribute("role", "status");
        Paragraph intro = new Paragraph("New numbers every time. Fractions such as 7/9 and decimals are both fine.");
        intro.addClassName("muted");
        Div actions = new Div(check, newQuestions);
        actions.addClassName("quiz-actions");
        add(new H2("Check yourself"), intro, list, actions, score);
        regenerate();
    }

    void regenerate() {
        questions = generator.get();
        list.removeAll();
        fields.clear();
        feedback.clear();
        score.setText("");
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion question = questions.get(i);
            Paragraph prompt = new Paragraph((i + 1) + ". " + question.prompt());
            prompt.addClassName("quiz-prompt");
            TextField field = new TextField();
            field.setAriaLabel("Answer to question " + (i + 1));
            field.setPlaceholder("your answer");
            field.addKeyPressListener(Key.ENTER, e -> check());
            Div answerFeedback = new Div();
            answerFeedback.addClassName("quiz-feedback");
            answerFeedback.getElement().setAttribute("aria-live", "polite");
            Div item = new Div(prompt, field, answerFeedback);
            item.addClassName("quiz-question");
            list.add(item);
            fields.add(field);
            feedback.add(answerFeedback);
        }
    }

    /**
     * Marks every answer right or wrong; once every question has an answer, the score is recorded.
     * Returns the number right.
     */
    int check() {
        int correct = 0;
        int unanswered = 0;
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion question = questions.get(i);
            Div box = feedback.get(i);
            box.removeAll();
            box.removeClassNames("right", "wrong");
            OptionalDouble typed = AnswerParser.parse(fields.get(i).getValue());
            if (typed.isEmpty()) {
                box.add(new Span("Type a number first, e.g. 4, 0.5 or 7/9."));
                unanswered++;
                continue;
            }
            if (question.accepts(typed.getAsDouble())) {
                correct++;
                box.addClassName("right");
                box.add(new Span("Right: " + question.answerText() + "."));
            } else {
                box.addClassName("wrong");
                Anchor back = new Anchor("#" + question.sectionId(), "Go back to “" + question.sectionTitle() + "”");
                back.getElement().setAttribute("router-ignore", true);
                box.add(new Span("Not quite: the answer is " + question.answerText() + ". " + question.explanation()
                        + " "), back);
            }
        }
        if (unanswered > 0) {
            score.setText(correct + " of " + questions.size() + " right so far. Answer every question to record "
                    + "your score.");
            return correct;
        }
        score.setText(correct + " of " + questions.size() + " right"
                + (correct == questions.size() ? ". Lesson done!" : ". Try again, or ask for new questions."));
        LessonProgress.record(this, lesson, correct, questions.size());
        return correct;
    }

    List<QuizQuestion> questions() {
        return questions;
    }

    TextField field(int index) {
        return fields.get(index);
    }

    String feedback(int index) {
        return feedback.get(index).getElement().getTextRecursively();
    }

    String score() {
        return score.getText();
    }
}
