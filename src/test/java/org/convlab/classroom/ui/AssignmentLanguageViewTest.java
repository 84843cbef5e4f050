package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.convlab.account.AppUser;
import org.convlab.account.Role;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One learner's grade, read by the teacher in German and by the learner in Spanish: each reads the
 * same stored grade in the language of their own page, numbers written as that language writes them.
 */
class AssignmentLanguageViewTest extends ClassroomPageTest {

    ClassroomFixtures fx;
    AppUser teacher;
    AppUser ann;
    AssignmentDetails assignment;
    SubmissionDetails handedIn;
    SchoolClass room;
    @org.springframework.beans.factory.annotation.Autowired org.convlab.classroom.GradebookService gradebooks;

    @BeforeEach
    void aLearnerHasHandedInARun() {
        fx = fixtures();
        int n = unique();
        teacher = fx.user("lang-teacher" + n, "Frau Noether", Role.TEACHER);
        ann = fx.user("lang-ann" + n, "Ann", Role.LEARNER);
        room = fx.schoolClass("Raum " + n, teacher, ann);
        ClassroomFixtures.signIn(teacher);
        assignment = service.create(new AssignmentDraft(room.getId(), "Zwei Stufen", "Baue zwei Stufen.",
                List.of(new Rule.MinTestAccuracy(0.9), new Rule.MaxParams(150_000)), null, null));
        RunJob run = fx.finishedRun(ann, Presets.get("keras-cnn"), Hyperparameters.defaults(), 0.8765, 5, 485_514);
        ClassroomFixtures.signIn(ann);
        handedIn = service.submit(assignment.id(), run.getId());
    }

    @Test
    void theTeacherReadsTheGradeInGerman() {
        ClassroomFixtures.signIn(teacher);
        UI.getCurrent().setLocale(Locale.GERMAN);
        AssignmentView view = navigate("classroom/assignments/" + assignment.id(), AssignmentView.class);

        assertThat(view.getElement().getTextRecursively()).contains("So wird bewertet", "Abgaben",
                "Genauigkeit auf den Testdaten von mindestens 90 %", "Höchstens 150.000 Parameter",
                "1 Abgabe, die neueste zuerst.");
        assertThat(test(view.submissions).getCellText(0, 3)).isEqualTo("0/2");
        GradeCard card = (GradeCard) view.details(handedIn).getChildren().findFirst().orElseThrow();
        assertThat(card.summary.getText()).isEqualTo("0 von 2 Regeln erfüllt");
        assertThat(card.lines()).containsExactly(
                "✗ Genauigkeit auf den Testdaten von mindestens 90 %: Testgenauigkeit 87,65 %, unter 90 %.",
                "✗ Höchstens 150.000 Parameter: Das Modell hat 485.514 Parameter, 335.514 mehr als die Grenze von 150.000.");
    }

    @Test
    void theLearnerReadsTheSameGradeInSpanish() {
        ClassroomFixtures.signIn(ann);
        UI.getCurrent().setLocale(Locale.of("es"));
        AssignmentView view = navigate("classroom/assignments/" + assignment.id(), AssignmentView.class);

        assertThat(view.getElement().getTextRecursively()).contains("Cómo se califica", "Tus entregas",
                "0 de 2 reglas cumplidas", "Sin fecha límite");
        assertThat(view.submit.getText()).isEqualTo("Entregar y calificar");
        test(view.submit).click();
        GradeCard card = (GradeCard) view.result.getChildren().findFirst().orElseThrow();
        assertThat(card.lines()).containsExactly(
                "✗ Exactitud en los datos de prueba de al menos 90 %: Exactitud de prueba: 87,65 %, por debajo de 90 %.",
                "✗ Como máximo 150.000 parámetros: El modelo tiene 485.514 parámetros, 335.514 más que el límite de 150.000.");
    }

    @Test
    void theGradebookAndItsCsvHeaderReadInTheTeachersLanguage() {
        ClassroomFixtures.signIn(teacher);
        UI.getCurrent().setLocale(Locale.GERMAN);
        GradebookView view = navigate("classroom/gradebook/" + room.getId(), GradebookView.class);

        assertThat(view.heading.getText()).isEqualTo("Notenübersicht: " + room.getName());
        assertThat(view.getPageTitle()).isEqualTo("Notenübersicht · ConvLab");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("0/2");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("0 von 1");
        String csv = gradebooks.csv(room.getId(), Locale.GERMAN);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Lernende,Benutzername,Zwei Stufen (erfüllte Regeln von 2)");
        assertThat(gradebooks.csv(room.getId()).lines().findFirst().orElseThrow())
                .startsWith("Learner,Username,Zwei Stufen (rules passed of 2)");
    }
}
