package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convlab.classroom.GradebookService.Cell;
import org.convlab.classroom.GradebookService.Gradebook;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class GradebookServiceTest {

    @Autowired GradebookService gradebooks;
    @Autowired AssignmentService assignments;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;
    @Autowired org.convlab.lesson.progress.ProgressService lessonProgress;

    @AfterEach
    void signOut() {
        ClassroomFixtures.signOut();
    }

    @Test
    void aClassGradebookShowsTheCountedSubmissionOfEveryLearnerAndExportsAsCsv() throws IOException {
        ClassroomFixtures fx = new ClassroomFixtures(users, classes, runs);
        AppUser teacher = fx.user("gb-teacher", "Ms Hopper", Role.TEACHER);
        AppUser zoe = fx.user("gb-zoe", "Zoe", Role.LEARNER);
        AppUser ann = fx.user("gb-ann", "Ann \"Annie\" Lee", Role.LEARNER);
        AppUser outsider = fx.user("gb-out", "Outsider", Role.LEARNER);
        SchoolClass room = fx.schoolClass("Room 4, Tuesdays", teacher, zoe, ann);
        fx.schoolClass("Elsewhere", fx.user("gb-other", "Other", Role.TEACHER), outsider);

        ClassroomFixtures.signIn(teacher);
        AssignmentDetails deeper = assignments.create(new AssignmentDraft(room.getId(), "Deeper, please", "Go deep.",
                List.of(new Rule.MinConvLayers(2), new Rule.MinTestAccuracy(0.9)), null, null));
        AssignmentDetails fc = assignments.create(new AssignmentDraft(room.getId(), "Fully connected", "No convolutions.",
                List.of(new Rule.MaxConvLayers(0), new Rule.MaxParams(150_000), new Rule.MaxEpochs(10)),
                Instant.now().minus(Duration.ofMinutes(5)), null));

        ClassroomFixtures.signIn(ann);
        assignments.submit(deeper.id(), fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.88, 5, 485_514).getId());
        assignments.submit(deeper.id(), fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.91, 5, 485_514).getId());
        assignments.submit(fc.id(), fx.finishedRun(ann, Presets.get("dense"), Hyperparameters.defaults(), 0.87, 5, 101_770).getId());
        lessonProgress.record("relu", 6, 6);
        lessonProgress.record("pooling", 4, 6);
        ClassroomFixtures.signIn(zoe);
        assignments.submit(deeper.id(), fx.finishedRun(zoe, Presets.get("dense"), Hyperparameters.defaults(), 0.86, 5, 101_770).getId());

        ClassroomFixtures.signIn(teacher);
        Gradebook book = gradebooks.gradebook(room.getId());
        assertThat(book.className()).isEqualTo("Room 4, Tuesdays");
        assertThat(book.columns()).extracting(GradebookService.Column::title).containsExactly("Deeper, please", "Fully connected");
        assertThat(book.rows()).extracting(GradebookService.Row::name).containsExactly("Ann \"Annie\" Lee", "Zoe");
        List<Cell> annCells = book.rows().getFirst().cells();
        assertThat(annCells).extracting(Cell::text).containsExactly("2/2", "3/3");
        assertThat(annCells).extracting(Cell::submissions).containsExactly(2, 1);
        assertThat(annCells).extracting(Cell::late).containsExactly(false, true);
        assertThat(book.rows().getFirst().completed()).isEqualTo(2);
        assertThat(book.rows().get(1).cells()).extracting(Cell::text).containsExactly("0/2", "–");
        assertThat(book.rows().getFirst().lessons()).containsOnlyKeys("relu", "pooling");
        assertThat(book.rows().getFirst().lessons().get("pooling").score()).isEqualTo("4/6");
        assertThat(book.rows().getFirst().lessonsDone()).isEqualTo(1);
        assertThat(book.rows().get(1).lessons()).isEmpty();

        String csv = gradebooks.csv(room.getId());
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.getFirst().values()).containsExactly("Learner", "Username",
                "Deeper, please (rules passed of 2)", "Deeper, please (late)",
                "Deeper, please (mark of 100)", "Deeper, please (comment)",
                "Fully connected (rules passed of 3)", "Fully connected (late)",
                "Fully connected (mark of 100)", "Fully connected (comment)",
                "Assignments passed in full (of 2)", "Lessons done");
        assertThat(records.get(1).values()).containsExactly("Ann \"Annie\" Lee", "gb-ann", "2", "on time", "", "",
                "3", "late", "", "", "2", "1");
        assertThat(records.get(2).values()).containsExactly("Zoe", "gb-zoe", "0", "on time", "", "", "", "", "", "", "0", "0");
        assertThat(records).hasSize(3);
        // Commas and quotes in names are quoted, not split.
        assertThat(csv).contains("\"Ann \"\"Annie\"\" Lee\"", "\"Deeper, please (late)\"");
        assertThat(GradebookService.fileName(book.className())).isEqualTo("gradebook-room-4-tuesdays.csv");
    }

    @Test
    void onlyTheClassesTeacherSeesItsGradebook() {
        ClassroomFixtures fx = new ClassroomFixtures(users, classes, runs);
        AppUser teacher = fx.user("gb2-teacher", "T", Role.TEACHER);
        AppUser learner = fx.user("gb2-learner", "L", Role.LEARNER);
        AppUser other = fx.user("gb2-other", "O", Role.TEACHER);
        AppUser admin = fx.user("gb2-admin", "A", Role.ADMIN);
        SchoolClass room = fx.schoolClass("Room B", teacher, learner);

        ClassroomFixtures.signIn(other);
        assertThatThrownBy(() -> gradebooks.gradebook(room.getId())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such class, or it is not yours.");
        assertThatThrownBy(() -> gradebooks.csv(room.getId())).isInstanceOf(AccessDeniedException.class);
        ClassroomFixtures.signIn(learner);
        assertThatThrownBy(() -> gradebooks.gradebook(room.getId())).isInstanceOf(AccessDeniedException.class);
        ClassroomFixtures.signOut();
        assertThatThrownBy(() -> gradebooks.gradebook(room.getId())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Sign in first.");

        ClassroomFixtures.signIn(admin);
        assertThat(gradebooks.gradebook(room.getId()).rows()).hasSize(1);
        ClassroomFixtures.signIn(teacher);
        assertThat(gradebooks.gradebook(room.getId()).rows()).extracting(GradebookService.Row::username)
                .containsExactly("gb2-learner");
        // A missing class reads exactly like someone else's.
        assertThatThrownBy(() -> gradebooks.gradebook(987_654)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such class, or it is not yours.");
    }

    @Test
    void hostileNamesAndTitlesReachTheSpreadsheetAsTextNotFormulas() throws IOException {
        ClassroomFixtures fx = new ClassroomFixtures(users, classes, runs);
        AppUser teacher = fx.user("gb3-teacher", "T", Role.TEACHER);
        AppUser evil = fx.user("gb3-evil", "=HYPERLINK(\"http://evil.example\",\"x\")", Role.LEARNER);
        AppUser plus = fx.user("gb3-plus", "+1+cmd|' /C calc'!A0", Role.LEARNER);
        AppUser minus = fx.user("gb3-minus", "-1+1", Role.LEARNER);
        AppUser at = fx.user("gb3-at", "@SUM(A1:A9)", Role.LEARNER);
        AppUser tab = fx.user("gb3-tab", "\t=1+1", Role.LEARNER);
        AppUser cr = fx.user("gb3-cr", "\r=1+1", Role.LEARNER);
        SchoolClass room = fx.schoolClass("Room F", teacher, evil, plus, minus, at, tab, cr);
        ClassroomFixtures.signIn(teacher);
        assignments.create(new AssignmentDraft(room.getId(), "=cmd|' /C calc'!A0", "Title attack.",
                List.of(new Rule.MaxEpochs(3)), null, null));

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(gradebooks.csv(room.getId()))).getRecords();
        assertThat(records.getFirst().get(2)).isEqualTo("'=cmd|' /C calc'!A0 (rules passed of 1)");
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0)).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+cmd|' /C calc'!A0", "'-1+1", "'@SUM(A1:A9)",
                "'\t=1+1", "'\r=1+1");
    }
}
