package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every lesson asks conceptual questions ("why…?", "what happens if…?") whose every choice explains
 * itself and points to the step of that lesson's page that teaches it; every field of the quiz is
 * labelled with its own question.
 */
@Tag("database")
@SpringBootTest
class QuizConceptsTest extends SpringBrowserlessTest {

    private static Set<String> sectionIds(LessonPage page) {
        return page.getChildren().map(c -> c.getId().orElse("")).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void everyLessonAsksThreeOrMoreWhyAndWhatIfQuestionsEachChoiceExplainedAndLinked() {
        for (Lesson lesson : Lesson.values()) {
            LessonPage page = (LessonPage) navigate(lesson.route(), Component.class);
            Set<String> sections = sectionIds(page);
            List<ConceptQuestion> questions = page.quiz.concepts();
            assertThat(questions).as(lesson.slug()).hasSizeGreaterThanOrEqualTo(3)
                    .anyMatch(q -> q.question().startsWith("Why "))
                    .anyMatch(q -> q.question().startsWith("What happens "));
            for (ConceptQuestion question : questions) {
                String where = lesson.slug() + ": " + question.question();
                assertThat(question.question()).as(where).endsWith("?");
                assertThat(question.choices()).as(where).hasSizeGreaterThanOrEqualTo(3)
                        .filteredOn(ConceptQuestion.Choice::right).hasSize(1);
                assertThat(question.choices()).extracting(ConceptQuestion.Choice::text).as(where).doesNotHaveDuplicates();
                for (ConceptQuestion.Choice choice : question.choices()) {
                    assertThat(choice.text()).as(where).isNotBlank();
                    assertThat(choice.explanation()).as(where + " / " + choice.text()).isNotBlank().endsWith(".");
                    assertThat(sections).as(where + " / " + choice.text() + " links to a step of the page")
                            .contains(choice.sectionId());
                }
            }
        }
    }

    @Test
    void aWrongChoiceIsExplainedAndLinksToTheStepThatTeachesIt() {
        PoolingLessonView page = navigate(PoolingLessonView.class);
        Quiz quiz = page.quiz;
        int first = quiz.questions().size();
        ConceptQuestion question = quiz.concepts().getFirst();
        ConceptQuestion.Choice wrong = question.choices().stream().filter(c -> !c.right()).findFirst().orElseThrow();
        test(quiz.choices(0)).selectItem(wrong.text());
        test(quiz.check).click();

        assertThat(quiz.feedback(first)).contains("Not quite", wrong.explanation(),
                "The right answer: “" + question.answer().text() + "”");
        Anchor back = $(Anchor.class, quiz).all().stream().filter(a -> a.getHref().equals("#" + wrong.sectionId()))
                .findFirst().orElseThrow();
        String heading = page.getChildren().filter(c -> c.getId().orElse("").equals(wrong.sectionId())).findFirst()
                .orElseThrow().getElement().getChild(0).getText();
        assertThat(back.getText()).isEqualTo("Go back to “" + heading + "”");
        assertThat(quiz.revealed()).isTrue();
    }

    @Test
    void everyAnswerFieldIsLabelledWithItsQuestion() {
        ReluLessonView page = navigate(ReluLessonView.class);
        Quiz quiz = page.quiz;
        for (int i = 0; i < quiz.questions().size(); i++) {
            assertThat(quiz.field(i).getAriaLabel()).contains(quiz.questions().get(i).prompt());
        }
        for (int i = 0; i < quiz.concepts().size(); i++) {
            assertThat(quiz.choices(i).getLabel()).endsWith(quiz.concepts().get(i).question());
        }
    }

    @Test
    void newQuestionsShuffleTheChoicesButKeepTheQuestions() {
        ReluLessonView page = navigate(ReluLessonView.class);
        Quiz quiz = page.quiz;
        List<String> questions = quiz.concepts().stream().map(ConceptQuestion::question).toList();
        List<List<String>> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            test(quiz.newQuestions).click();
            assertThat(quiz.concepts()).extracting(ConceptQuestion::question).isEqualTo(questions);
            orders.add(quiz.concepts().getFirst().choices().stream().map(ConceptQuestion.Choice::text).toList());
        }
        assertThat(orders.stream().distinct().count()).as("the right answer is not always in one place").isGreaterThan(1);
    }
}
