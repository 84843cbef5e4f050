package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.convlab.base.ui.I18n;

/**
 * The questions at the end of a lesson: numeric ones generated with fresh random numbers each time,
 * so a learner practises the method rather than memorising answers, and the lesson's conceptual
 * multiple-choice questions ({@link ConceptQuestion}), their choices in a new order each time. A
 * wrong answer shows the worked answer and links back to the section that explains it; from then on
 * the set no longer counts ({@link QuizRound}). A counted score is stored ({@link LessonProgress}).
 */
final class Quiz extends Section {

    private final Lesson lesson;
    private final Supplier<List<QuizQuestion>> generator;
    private final List<ConceptQuestion> concepts;
    private final RandomGenerator random;
    private final Div list = new Div();
    private final Paragraph score = new Paragraph();
    final Paragraph intro = new Paragraph();
    final Button check = new Button(I18n.t("lesson.quiz.check"), VaadinIcon.CHECK.create());
    final Button newQuestions = new Button(I18n.t("lesson.quiz.new"), VaadinIcon.REFRESH.create());
    private List<QuizQuestion> questions = List.of();
    private List<ConceptQuestion> shownConcepts = List.of();
    private final List<TextField> fields = new ArrayList<>();
    private final List<RadioButtonGroup<ConceptQuestion.Choice>> choices = new ArrayList<>();
    private final List<Div> feedback = new ArrayList<>();
    private QuizRound round;


    Quiz(Lesson lesson, Supplier<List<QuizQuestion>> generator) {
        this(lesson, generator, new Random());
    }

    Quiz(Lesson lesson, Supplier<List<QuizQuestion>> generator, RandomGenerator random) {
        this.lesson = lesson;
        this.generator = generator;
        this.concepts = ConceptQuestion.of(lesson);
        this.random = random;
        setId("quiz");
        addClassNames("lesson-section", "quiz");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        newQuestions.addClickListener(e -> regenerate());
        list.addClassName("quiz-questions");
        score.addClassName("quiz-score");
        score.getElement().setAttribute("role", "status");
        intro.addClassName("muted");
        Paragraph rule = new Paragraph(QuizRound.rule());
        rule.addClassNames("muted", "quiz-rule");
        Div actions = new Div(check, newQuestions);
        actions.addClassName("quiz-actions");
        add(new H2(I18n.t("lesson.quiz.title")), intro, rule, list, actions, score);
        regenerate();
    }

    /** A fresh set: new numbers, the choices in a new order, nothing revealed. */
    void regenerate() {
        questions = generator.get();
        // A grid in a question is written on one line, "[1 2 / 3 4]": the slash there starts a new row,
        // which a learner could take for the fraction slash of "7/9" unless told.
        intro.setText(I18n.t(questions.stream().anyMatch(q -> q.prompt().contains("["))
                ? "lesson.quiz.intro-with-grid" : "lesson.quiz.intro"));
        shownConcepts = concepts.stream().map(q -> q.shuffled(random)).toList();
        round = new QuizRound(questions.size() + shownConcepts.size());
        list.removeAll();
        fields.clear();
        choices.clear();
        feedback.clear();
        score.setText("");
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion question = questions.get(i);
            Paragraph prompt = new Paragraph((i + 1) + ". " + question.prompt());
            prompt.addClassName("quiz-prompt");
            TextField field = new TextField();
            field.setAriaLabel(question.prompt());
            field.setPlaceholder(I18n.t("lesson.quiz.placeholder"));
            field.addKeyPressListener(Key.ENTER, e -> check());
            fields.add(field);
            addItem(prompt, field);
        }
        for (int i = 0; i < shownConcepts.size(); i++) {
            ConceptQuestion question = shownConcepts.get(i);
            RadioButtonGroup<ConceptQuestion.Choice> group = new RadioButtonGroup<>();
            // The question is the group's label, so a screen reader reads it with the choices.
            group.setLabel((questions.size() + i + 1) + ". " + question.question());
            group.setItems(question.choices());
            group.setItemLabelGenerator(ConceptQuestion.Choice::text);
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.addClassName("quiz-choices");
            choices.add(group);
            addItem(group);
        }
    }

    private void addItem(Component... content) {
        Div answerFeedback = new Div();
        answerFeedback.addClassName("quiz-feedback");
        answerFeedback.getElement().setAttribute("aria-live", "polite");
        Div item = new Div(content);
        item.add(answerFeedback);
        item.addClassName("quiz-question");
        list.add(item);
        feedback.add(answerFeedback);
    }

    /**
     * Marks every answer right or wrong, showing the worked answer of the wrong ones; once every
     * question has an answer, the score is recorded unless this set's answers had been shown before.
     * Returns the number right.
     */
    int check() {
        int correct = 0;
        int wrong = 0;
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion question = questions.get(i);
            Div box = clear(feedback.get(i));
            OptionalDouble typed = AnswerParser.parse(fields.get(i).getValue(), I18n.locale());
            if (typed.isEmpty()) {
                box.add(new Span(I18n.t("lesson.quiz.type-a-number")));
            } else if (question.accepts(typed.getAsDouble())) {
                correct++;
                box.addClassName("right");
                box.add(new Span(I18n.t("lesson.quiz.right", question.answerText())));
            } else {
                wrong++;
                box.addClassName("wrong");
                box.add(new Span(I18n.t("lesson.quiz.wrong", question.answerText(), question.explanation()) + " "),
                        back(question.sectionId()));
            }
        }
        for (int i = 0; i < shownConcepts.size(); i++) {
            Div box = clear(feedback.get(questions.size() + i));
            ConceptQuestion.Choice picked = choices.get(i).getValue();
            if (picked == null) {
                box.add(new Span(I18n.t("lesson.quiz.pick-an-answer")));
            } else if (picked.right()) {
                correct++;
                box.addClassName("right");
                box.add(new Span(I18n.t("lesson.quiz.right-choice", picked.explanation())));
            } else {
                wrong++;
                box.addClassName("wrong");
                box.add(new Span(I18n.t("lesson.quiz.wrong-choice", picked.explanation(),
                        shownConcepts.get(i).answer().text()) + " "), back(picked.sectionId()));
            }
        }
        QuizRound.Outcome outcome = round.check(correct, wrong);
        score.setText(outcome.message());
        if (outcome.counts()) {
            LessonProgress.record(this, lesson, outcome.correct(), outcome.total());
        }
        return correct;
    }

    private static Div clear(Div box) {
        box.removeAll();
        box.removeClassNames("right", "wrong");
        return box;
    }

    /** A link to the section that teaches the answer, named by its heading on this page. */
    private Anchor back(String sectionId) {
        Anchor back = new Anchor("#" + sectionId, I18n.t("lesson.quiz.back", sectionTitle(sectionId)));
        back.getElement().setAttribute("router-ignore", true);
        return back;
    }

    private String sectionTitle(String sectionId) {
        return getParent().flatMap(page -> page.getChildren()
                        .filter(c -> c.getId().filter(sectionId::equals).isPresent()).findFirst())
                .flatMap(section -> section.getChildren().filter(H2.class::isInstance).findFirst())
                .map(heading -> heading.getElement().getText())
                .orElseGet(() -> I18n.t("lesson.quiz.the-lesson"));
    }

    List<QuizQuestion> questions() {
        return questions;
    }

    /** The conceptual questions as shown in this set (choices in this set's order). */
    List<ConceptQuestion> concepts() {
        return shownConcepts;
    }

    TextField field(int index) {
        return fields.get(index);
    }

    RadioButtonGroup<ConceptQuestion.Choice> choices(int index) {
        return choices.get(index);
    }

    /** Feedback for question {@code index}: the numeric questions first, then the conceptual ones. */
    String feedback(int index) {
        return feedback.get(index).getElement().getTextRecursively();
    }

    String score() {
        return score.getText();
    }

    boolean revealed() {
        return round.revealed();
    }
}
