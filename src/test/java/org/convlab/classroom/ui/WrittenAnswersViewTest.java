package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.account.Role;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.AssignmentTemplates;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.classroom.GradebookService;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.WrittenAnswer;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The written side of assignments on the pages: the editor, the hand-in form, marking, gradebook, My progress. */
class WrittenAnswersViewTest extends ClassroomPageTest {

    private static final List<String> QUESTIONS = List.of("Does accuracy keep improving after epoch 5?",
            "Where are most of the parameters?");

    @Autowired GradebookService gradebooks;

    ClassroomFixtures fx;
    AppUser teacher;
    AppUser ann;
    SchoolClass room;

    @BeforeEach
    void aClassOfOne() {
        fx = fixtures();
        int n = unique();
        teacher = fx.user("wv-teacher" + n, "Ms Meitner", Role.TEACHER);
        ann = fx.user("wv-ann" + n, "Ann", Role.LEARNER);
        room = fx.schoolClass("Room WV" + n, teacher, ann);
        ClassroomFixtures.signIn(teacher);
    }

    private AssignmentDetails assignment() {
        ClassroomFixtures.signIn(teacher);
        return service.create(new AssignmentDraft(room.getId(), "Curves", "Train it.",
                List.of(new Rule.MinTestAccuracy(0.85)), null, null, QUESTIONS));
    }

    private AssignmentView open(AssignmentDetails a) {
        return navigate("classroom/assignments/" + a.id(), AssignmentView.class);
    }

    @Test
    void aTemplatesQuestionsFillTheEditorAndAreSavedWithTheAssignment() {
        UI.getCurrent().navigate("classroom/assignments/new", QueryParameters.of("class", String.valueOf(room.getId())));
        AssignmentEditorView view = (AssignmentEditorView) getCurrentView();
        test(view.template).selectItem("Dropout against overfitting (Deck 004, dropout experiment)");
        List<String> expected = AssignmentTemplates.find("dropout").orElseThrow().questions();
        assertThat(view.questionRows()).extracting(q -> q.text.getValue()).containsExactlyElementsOf(expected);
        test(view.addQuestion).click();
        test(view.questionRows().getLast().text).setValue("What would you try next?");

        test(view.save).click();

        assertThat(getCurrentView()).isInstanceOf(AssignmentView.class);
        assertThat(service.forClass(room.getId()).getFirst().questions()).hasSize(expected.size() + 1)
                .endsWith("What would you try next?");
    }

    @Test
    void anEmptyQuestionIsMarkedOnItsRowAndNothingIsSaved() {
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        test(view.addQuestion).click();
        test(view.addQuestion).click();
        test(view.questionRows().getFirst().text).setValue("Fine?");
        test(view.title).setValue("T");
        test(view.instructions).setValue("Do it.");

        test(view.save).click();

        QuestionRow empty = view.questionRows().get(1);
        assertThat(empty.text.isInvalid()).isTrue();
        assertThat(empty.text.getErrorMessage()).isEqualTo("Question 2 is empty: write it or remove it.");
        assertThat(view.questionRows().getFirst().text.isInvalid()).isFalse();
        assertThat(service.forClass(room.getId())).isEmpty();
        test(empty.remove).click();
        test(view.save).click();
        assertThat(service.forClass(room.getId()).getFirst().questions()).containsExactly("Fine?");
    }

    @Test
    void aLearnerAnswersWhenHandingInAndTheAnswersAreKeptForTheNextTime() {
        AssignmentDetails a = assignment();
        fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults().withLimit(2_000), 0.9, 5, 485_514);
        ClassroomFixtures.signIn(ann);
        AssignmentView view = open(a);
        assertThat(view.answers).extracting(t -> t.getLabel())
                .containsExactly("1. " + QUESTIONS.get(0), "2. " + QUESTIONS.get(1));
        view.answers.get(0).setValue("It levels off.");
        test(view.submit).click();

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.result.getElement().getTextRecursively())
                .contains("Trained on the first 2,000 of 60,000 training images.");
        SubmissionDetails s = service.mySubmissions(a.id()).getFirst();
        assertThat(s.answers()).containsExactly(new WrittenAnswer(QUESTIONS.get(0), "It levels off."),
                new WrittenAnswer(QUESTIONS.get(1), ""));

        // Back on the page, the answers are there to keep or change; saving them needs no new run.
        AssignmentView again = open(a);
        assertThat(again.answers.get(0).getValue()).isEqualTo("It levels off.");
        again.answers.get(1).setValue("In the first dense layer.");
        test(again.saveAnswers).click();
        assertThat(again.answersSaved.isVisible()).isTrue();
        assertThat(service.mySubmissions(a.id())).hasSize(1).first()
                .satisfies(x -> assertThat(x.answers().get(1).answer()).isEqualTo("In the first dense layer."));

        // A too-long answer is refused with one line and nothing is handed in.
        again.answers.get(0).setValue("x".repeat(5_001));
        test(again.submit).click();
        assertThat(again.problem.isVisible()).isTrue();
        assertThat(again.problem.getText()).isEqualTo(
                "Your answer to question 1 is too long: at most 5,000 characters, not 5,001.");
        assertThat(service.mySubmissions(a.id())).hasSize(1);
    }

    @Test
    void theTeacherReadsTheAnswersMarksThemAndTheLearnerSeesTheMark() {
        AssignmentDetails a = assignment();
        RunJob run = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults().withLimit(2_000), 0.9, 5,
                485_514);
        ClassroomFixtures.signIn(ann);
        service.submit(a.id(), run.getId(), List.of("It levels off.", "The dense layer."));

        ClassroomFixtures.signIn(teacher);
        AssignmentView view = open(a);
        SubmissionDetails s = test(view.submissions).getRow(0);
        assertThat(test(view.submissions).getCellText(0, 5)).isEqualTo("2,000 of 60,000");
        assertThat(view.getElement().getTextRecursively()).contains("Written questions", QUESTIONS.get(1));
        // What the grid shows when the row is clicked, attached as the grid would attach it.
        var details = view.details(s);
        view.add(details);
        WrittenCard card = (WrittenCard) details.getChildren().filter(WrittenCard.class::isInstance).findFirst().orElseThrow();
        assertThat(card.lines()).containsExactly("1. " + QUESTIONS.get(0), "It levels off.", "2. " + QUESTIONS.get(1),
                "The dense layer.");
        assertThat(card.subset.getText()).isEqualTo("Trained on the first 2,000 of 60,000 training images.");
        MarkForm form = (MarkForm) details.getChildren().filter(MarkForm.class::isInstance).findFirst().orElseThrow();

        test(form.mark).setValue("150");
        test(form.save).click();
        assertThat(form.problem.getText()).isEqualTo("A mark is a whole number from 0 to 100, not 150.");
        test(form.mark).setValue("eighty");
        test(form.save).click();
        assertThat(form.problem.getText()).isEqualTo("A mark is a whole number from 0 to 100, not \"eighty\".");
        assertThat(service.submissions(a.id()).getFirst().marked()).isFalse();

        test(form.mark).setValue(" 80 ");
        form.comment.setValue("Good reading of the curves.");
        test(form.save).click();
        assertThat(form.problem.isVisible()).isFalse();
        assertThat(form.saved.isVisible()).isTrue();
        assertThat(test(view.submissions).getCellText(0, 6)).isEqualTo("80/100");

        GradebookView book = navigate("classroom/gradebook/" + room.getId(), GradebookView.class);
        assertThat(test(book.grid).getCellText(0, 1)).isEqualTo("1/1 · mark 80 · subset");
        assertThat(GradebookView.details(gradebooks.gradebook(room.getId()), test(book.grid).getRow(0))
                .getElement().getTextRecursively())
                .contains("It levels off.", "The dense layer.", "Mark: 80 of 100. Comment: Good reading of the curves.",
                        "Trained on the first 2,000 of 60,000 training images.");

        ClassroomFixtures.signIn(ann);
        AssignmentView mine = open(a);
        assertThat(mine.history.getElement().getTextRecursively())
                .contains("Mark: 80 of 100. Comment: Good reading of the curves.");
        MyProgressView progress = navigate(MyProgressView.class);
        assertThat(progress.assignments.getElement().getTextRecursively())
                .contains("Curves", "Mark: 80 of 100. Comment: Good reading of the curves.");
    }
}
