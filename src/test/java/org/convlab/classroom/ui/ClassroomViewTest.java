package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.convlab.classroom.AccountService;

class ClassroomViewTest extends ClassroomPageTest {

    @Autowired AccountService accounts;


    private static String text(ClassroomView view) {
        return view.entries.getElement().getTextRecursively();
    }

    @Test
    void aTeacherSeesEachClassWithItsAssignmentsAndCanStartANewOne() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("cv-teacher" + n, "Ms Curie", Role.TEACHER);
        SchoolClass first = fx.schoolClass("Class A" + n, teacher);
        SchoolClass second = fx.schoolClass("Class B" + n, teacher);
        ClassroomFixtures.signIn(teacher);
        service.create(new AssignmentDraft(second.getId(), "Batch norm", "Add it.", List.of(new Rule.RequiresBatchNorm()),
                null, null));

        ClassroomView view = navigate(ClassroomView.class);
        assertThat(text(view)).contains("Class A" + n, "No assignments yet.", "Class B" + n, "Batch norm",
                "No due date · 1 rule", "Class code: ");

        Button create = view.entries.getChildren().skip(1).findFirst().orElseThrow()
                .getChildren().filter(c -> c.hasClassName("page-actions")).findFirst().orElseThrow()
                .getChildren().map(Button.class::cast).filter(b -> b.getText().equals("New assignment")).findFirst().orElseThrow();
        test(create).click();
        AssignmentEditorView editor = (AssignmentEditorView) getCurrentView();
        assertThat(editor.schoolClass.getValue().id()).isEqualTo(second.getId());
    }

    @Test
    void aLearnerSeesTheirAssignmentsWithTheGradeSoFar() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("cv-t" + n, "T", Role.TEACHER);
        AppUser ann = fx.user("cv-ann" + n, "Ann", Role.LEARNER);
        SchoolClass room = fx.schoolClass("Room C" + n, teacher, ann);
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails done = service.create(new AssignmentDraft(room.getId(), "Deeper", "Two conv layers.",
                List.of(new Rule.MinConvLayers(2), new Rule.MaxEpochs(10)), Instant.now().plus(Duration.ofDays(2)), null));
        service.create(new AssignmentDraft(room.getId(), "Overdue one", "Too late now.",
                List.of(new Rule.MaxEpochs(10)), Instant.now().minus(Duration.ofDays(1)), null));
        service.create(new AssignmentDraft(room.getId(), "Open one", "Whenever.", List.of(new Rule.MaxEpochs(10)), null, null));
        ClassroomFixtures.signIn(ann);
        service.submit(done.id(), fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.9, 5, 485_514).getId());

        ClassroomView view = navigate(ClassroomView.class);
        List<String> lines = view.entries.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Overdue one").contains("Not handed in, and the due date has passed");
        assertThat(lines.get(1)).startsWith("Deeper").contains("Room C" + n, "Due ", "✓ 2 of 2 rules passed");
        assertThat(lines.get(2)).startsWith("Open one").contains("No due date", "Not handed in yet");
    }

    @Test
    void aLearnerOutsideAnyClassIsToldHowToJoin() {
        ClassroomFixtures fx = fixtures();
        ClassroomFixtures.signIn(fx.user("cv-alone" + unique(), "Alone", Role.LEARNER));
        ClassroomView view = navigate(ClassroomView.class);
        assertThat(text(view)).contains("No assignments for you yet", "class code");
    }

    @Test
    void aLearnerJoinsASecondClassWithItsCodeAndSeesItsAssignments() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("cv-jt" + n, "T", Role.TEACHER);
        AppUser bo = fx.user("cv-bo" + n, "Bo", Role.LEARNER);
        fx.schoolClass("Home room " + n, teacher, bo);
        SchoolClass club = accounts.createClass(teacher, "Vision club " + n);
        ClassroomFixtures.signIn(teacher);
        service.create(new AssignmentDraft(club.getId(), "Club task", "Pool twice.", List.of(new Rule.MaxEpochs(10)), null, null));
        ClassroomFixtures.signIn(bo);

        ClassroomView view = navigate(ClassroomView.class);
        assertThat(view.myClasses.getElement().getTextRecursively()).isEqualTo("You are in Home room " + n + ".");
        assertThat(text(view)).doesNotContain("Club task");

        // A wrong code is explained and changes nothing.
        test(view.joinCode).setValue("ZZZZZZ");
        test(view.join).click();
        assertThat(view.joinMessage.getText()).contains("no class with the code ZZZZZZ");
        assertThat(view.joinCode.isInvalid()).isTrue();
        assertThat(view.myClasses.getElement().getTextRecursively()).isEqualTo("You are in Home room " + n + ".");

        // Codes are forgiving about case and dashes, as teachers read them out.
        String code = club.getJoinCode();
        test(view.joinCode).setValue(code.substring(0, 3).toLowerCase() + "-" + code.substring(3));
        test(view.join).click();
        assertThat(view.joinMessage.getText()).isEqualTo("You joined Vision club " + n + ". Its assignments are listed above.");
        assertThat(view.myClasses.getElement().getTextRecursively()).contains("Home room " + n, "Vision club " + n);
        assertThat(text(view)).contains("Club task", "Vision club " + n);

        // Joining again says so.
        test(view.joinCode).setValue(code);
        test(view.join).click();
        assertThat(view.joinMessage.getText()).isEqualTo("You are already in Vision club " + n + ".");
        assertThat(classes.findByMember(bo.getId())).hasSize(2);
    }
}
