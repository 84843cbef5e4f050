package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.classroom.RunChoice;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.convlab.training.engine.RunState;

class AssignmentViewTest extends ClassroomPageTest {


    ClassroomFixtures fx;
    AppUser teacher;
    AppUser ann;
    AppUser bob;
    SchoolClass room;
    AssignmentDetails assignment;

    @BeforeEach
    void anAssignmentForAClassOfTwo() {
        fx = fixtures();
        int n = unique();
        teacher = fx.user("av-teacher" + n, "Mr Turing", Role.TEACHER);
        ann = fx.user("av-ann" + n, "Ann", Role.LEARNER);
        bob = fx.user("av-bob" + n, "Bob", Role.LEARNER);
        room = fx.schoolClass("Room V" + n, teacher, ann, bob);
        ClassroomFixtures.signIn(teacher);
        assignment = service.create(new AssignmentDraft(room.getId(), "Two stages", "Build two conv stages.\nThen train.",
                List.of(new Rule.MinConvLayers(2), new Rule.MinTestAccuracy(0.9), new Rule.MaxEpochs(10)), null, null));
    }


    private AssignmentView open() {
        return navigate("classroom/assignments/" + assignment.id(), AssignmentView.class);
    }

    @Test
    void aLearnerHandsInOneOfTheirFinishedRunsAndSeesTheGradeRuleByRule() {
        RunJob good = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.9123, 5, 485_514);
        RunJob weak = fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults(), 0.87, 5, 101_770);
        fx.finishedRun(bob, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.95, 5, 485_514);
        fx.run(ann, Presets.get("keras-cnn"), RunState.RUNNING);

        ClassroomFixtures.signIn(ann);
        AssignmentView view = open();
        assertThat(view.heading.getText()).isEqualTo("Two stages");
        assertThat(view.getElement().getTextRecursively()).contains("Build two conv stages.", "At least 2 convolution layers",
                "Test accuracy of at least 90%", "No due date");
        assertThat(test(view.run).getSuggestionItems()).extracting(RunChoice::id)
                .containsExactlyInAnyOrder(good.getId(), weak.getId());

        view.run.setValue(test(view.run).getSuggestionItems().stream().filter(r -> r.id().equals(weak.getId())).findFirst().orElseThrow());
        test(view.submit).click();
        GradeCard card = (GradeCard) view.result.getChildren().findFirst().orElseThrow();
        assertThat(card.summary.getText()).isEqualTo("1 of 3 rules passed");
        assertThat(card.lines()).containsExactly(
                "✗ At least 2 convolution layers: The model has 0 convolution layers; it needs at least 2.",
                "✗ Test accuracy of at least 90%: Test accuracy 87.00%, below 90%.",
                "✓ Trained for at most 10 epochs: Trained for 5 epochs.");

        view.run.setValue(test(view.run).getSuggestionItems().stream().filter(r -> r.id().equals(good.getId())).findFirst().orElseThrow());
        test(view.submit).click();
        card = (GradeCard) view.result.getChildren().findFirst().orElseThrow();
        assertThat(card.summary.getText()).isEqualTo("3 of 3 rules passed ✓");
        List<String> history = view.history.getChildren().flatMap(c -> c.getChildren())
                .filter(ListItem.class::isInstance).map(c -> ((ListItem) c).getText()).toList();
        assertThat(history).hasSize(2);
        assertThat(history.getFirst()).contains("keras-cnn", "3 of 3 rules passed", "this one counts");
        assertThat(history.get(1)).contains("dense", "1 of 3 rules passed").doesNotContain("counts");
        assertThat(view.problem.isVisible()).isFalse();
    }

    @Test
    void aRunThatStoppedCountingAsFinishedIsExplainedNotGraded() {
        RunJob run = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.9, 5, 485_514);
        ClassroomFixtures.signIn(ann);
        AssignmentView view = open();
        // The list on the page is older than the run's state: by the time Submit is pressed it is no longer finished.
        run.setStatus(RunState.RUNNING);
        runs.save(run);
        test(view.submit).click();
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo("Run \"keras-cnn\" is still training; hand it in once it has finished.");
        assertThat(view.result.getChildren()).isEmpty();
        assertThat(service.mySubmissions(assignment.id())).isEmpty();
    }

    @Test
    void aLearnerWithoutFinishedRunsIsToldToTrainFirst() {
        ClassroomFixtures.signIn(bob);
        AssignmentView view = open();
        assertThat(view.getElement().getTextRecursively()).contains("You have no finished runs yet.", "Train a model");
        assertThat(view.submit.getParent()).isEmpty();
    }

    @Test
    void theTeacherSeesEverySubmissionNewestFirst() {
        RunJob annsRun = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.93, 5, 485_514);
        RunJob bobsRun = fx.finishedRun(bob, Presets.get("dense"), Hyperparameters.defaults(), 0.88, 5, 101_770);
        ClassroomFixtures.signIn(ann);
        service.submit(assignment.id(), annsRun.getId());
        ClassroomFixtures.signIn(bob);
        service.submit(assignment.id(), bobsRun.getId());

        ClassroomFixtures.signIn(teacher);
        AssignmentView view = open();
        assertThat(test(view.submissions).size()).isEqualTo(2);
        assertThat(test(view.submissions).getCellText(0, 0)).isEqualTo("Bob");
        assertThat(test(view.submissions).getCellText(0, 3)).isEqualTo("1/3");
        assertThat(test(view.submissions).getCellText(1, 0)).isEqualTo("Ann");
        assertThat(test(view.submissions).getCellText(1, 3)).isEqualTo("3/3");
        assertThat(view.getElement().getTextRecursively()).contains("2 submissions, newest first");
    }

    @Test
    void someoneOutsideTheClassIsTurnedAway() {
        ClassroomFixtures.signIn(fx.user("av-eve" + unique(), "Eve", Role.LEARNER));
        AssignmentView view = open();
        assertThat(view.getElement().getTextRecursively()).contains("Assignment not available",
                "No such assignment, or it is not yours.").doesNotContain("Two stages");
        AssignmentView missing = navigate("classroom/assignments/nonsense", AssignmentView.class);
        assertThat(missing.getElement().getTextRecursively()).contains("No such assignment, or it is not yours.");
    }
}
