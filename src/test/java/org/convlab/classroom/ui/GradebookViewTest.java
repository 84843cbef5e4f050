package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.convlab.lesson.progress.ProgressService;

class GradebookViewTest extends ClassroomPageTest {

    @Autowired ProgressService progress;

    /** The teacher sees each learner's quiz result per lesson, even before setting any assignment. */
    @Test
    void theTeacherSeesEachLearnersQuizResultPerLesson() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("gq-teacher" + n, "Mr Quiz", Role.TEACHER);
        AppUser ann = fx.user("gq-ann" + n, "Ann", Role.LEARNER);
        AppUser bob = fx.user("gq-bob" + n, "Bob", Role.LEARNER);
        SchoolClass room = fx.schoolClass("Room Q" + n, teacher, ann, bob);
        ClassroomFixtures.signIn(ann);
        progress.record("matrices", 7, 7);
        progress.record("relu", 5, 7);

        ClassroomFixtures.signIn(teacher);
        GradebookView view = navigate("classroom/gradebook/" + room.getId(), GradebookView.class);
        assertThat(view.getElement().getTextRecursively()).contains("This class has no assignments yet.",
                "Lesson quizzes");
        var lessons = test(view.lessons);
        assertThat(lessons.getHeaderCell(1)).isEqualTo("Lessons done");
        assertThat(lessons.getHeaderCell(2)).isEqualTo("1. Images are matrices");
        assertThat(lessons.getCellText(0, 0)).isEqualTo("Ann");
        assertThat(lessons.getCellText(0, 1)).isEqualTo("1 of 9");
        assertThat(lessons.getCellText(0, 2)).isEqualTo("7/7 done");
        assertThat(lessons.getCellText(0, 3)).isEqualTo("–");
        assertThat(lessons.getCellText(0, 4)).isEqualTo("5/7");
        assertThat(lessons.getCellText(1, 1)).isEqualTo("0 of 9");
        assertThat(lessons.getCellText(1, 2)).isEqualTo("–");
    }

    @Test
    void theTeacherSeesLearnersAgainstAssignmentsAndCanDownloadTheTable() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("gv-teacher" + n, "Ms Franklin", Role.TEACHER);
        AppUser ann = fx.user("gv-ann" + n, "Ann", Role.LEARNER);
        AppUser bob = fx.user("gv-bob" + n, "Bob", Role.LEARNER);
        SchoolClass room = fx.schoolClass("Room G" + n, teacher, ann, bob);
        ClassroomFixtures.signIn(teacher);
        AssignmentDetails first = service.create(new AssignmentDraft(room.getId(), "Convolutions", "Use two.",
                List.of(new Rule.MinConvLayers(2), new Rule.MaxEpochs(10)), Instant.parse("2020-01-01T00:00:00Z"), null));
        service.create(new AssignmentDraft(room.getId(), "Fully connected", "Use none.",
                List.of(new Rule.MaxConvLayers(0)), null, null));
        ClassroomFixtures.signIn(ann);
        service.submit(first.id(), fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.9, 5, 485_514).getId());

        ClassroomFixtures.signIn(teacher);
        GradebookView view = navigate("classroom/gradebook/" + room.getId(), GradebookView.class);
        assertThat(view.heading.getText()).isEqualTo("Gradebook: Room G" + n);
        assertThat(test(view.grid).getHeaderCell(1)).isEqualTo("Convolutions");
        assertThat(test(view.grid).getHeaderCell(2)).isEqualTo("Fully connected");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("Ann");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("2/2 late");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("–");
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("1 of 2");
        assertThat(test(view.grid).getCellText(1, 1)).isEqualTo("–");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(view.csv).download(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("Learner,Username,Convolutions (rules passed of 2),")
                .contains("Ann,gv-ann" + n + ",2,late,,,,,,,1,0", "Bob,gv-bob" + n + ",,,,,,,,,0,0");
    }

    @Test
    void anotherTeachersGradebookIsNotShown() {
        ClassroomFixtures fx = fixtures();
        int n = unique();
        AppUser teacher = fx.user("gv-owner" + n, "Owner", Role.TEACHER);
        SchoolClass room = fx.schoolClass("Room H" + n, teacher, fx.user("gv-l" + n, "L", Role.LEARNER));
        ClassroomFixtures.signIn(fx.user("gv-nosy" + n, "Nosy", Role.TEACHER));
        GradebookView view = navigate("classroom/gradebook/" + room.getId(), GradebookView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Gradebook not available",
                "No such class, or it is not yours.").doesNotContain("Room H" + n);
        GradebookView missing = navigate("classroom/gradebook/987654321", GradebookView.class);
        assertThat(missing.getElement().getTextRecursively()).contains("Gradebook not available",
                "No such class, or it is not yours.");
        assertThat(view.csv).isNull();
    }
}
