package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.convlab.account.AppUser;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.AssignmentTemplates;
import org.convlab.classroom.ClassroomFixtures;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.grading.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentEditorViewTest extends ClassroomPageTest {


    ClassroomFixtures fx;
    AppUser teacher;
    SchoolClass room;
    SchoolClass second;

    @BeforeEach
    void aTeacherWithTwoClasses() {
        fx = fixtures();
        int n = unique();
        teacher = fx.user("ed-teacher" + n, "Ms Noether", Role.TEACHER);
        room = fx.schoolClass("A room " + n, teacher);
        second = fx.schoolClass("B room " + n, teacher);
        ClassroomFixtures.signIn(teacher);
    }


    @Test
    void aTemplateFillsTheFormAndSavingOpensTheNewAssignment() {
        com.vaadin.flow.component.UI.getCurrent().navigate("classroom/assignments/new",
                com.vaadin.flow.router.QueryParameters.of("class", String.valueOf(second.getId())));
        AssignmentEditorView view = (AssignmentEditorView) getCurrentView();
        assertThat(view.schoolClass.getValue().name()).isEqualTo(second.getName());
        test(view.template).selectItem("A deeper convolutional network (Deck 003, exercise 1)");
        assertThat(view.title.getValue()).isEqualTo("A deeper convolutional network");
        assertThat(view.instructions.getValue()).contains("64 filters");
        assertThat(view.rows()).hasSize(4);
        assertThat(view.rows().get(2).number.getValue()).isEqualTo(88.0);
        assertThat(view.rows().get(2).number.isVisible()).isTrue();
        view.due.setValue(LocalDateTime.of(2030, 1, 15, 9, 0));

        test(view.save).click();

        AssignmentView page = (AssignmentView) getCurrentView();
        assertThat(page.heading.getText()).isEqualTo("A deeper convolutional network");
        List<AssignmentDetails> saved = service.forClass(second.getId());
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().rules()).isEqualTo(AssignmentTemplates.find("deeper-cnn").orElseThrow().rules());
        assertThat(saved.getFirst().template()).isEqualTo("deeper-cnn");
        assertThat(saved.getFirst().dueAt()).isEqualTo(LocalDateTime.of(2030, 1, 15, 9, 0).atZone(ClassroomText.ZONE).toInstant());
        assertThat(service.forClass(room.getId())).isEmpty();
    }

    @Test
    void aTemplatePickedOnAGermanPageIsWrittenAndSavedInGerman() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        test(view.template).selectItem("Ein tieferes Faltungsnetz (Foliensatz 003, Übung 1)");
        assertThat(view.title.getValue()).isEqualTo("Ein tieferes Faltungsnetz");
        assertThat(view.instructions.getValue()).startsWith("Mach ein Netz tiefer").contains("64 Filtern");
        assertThat(view.questionRows()).extracting(q -> q.text.getValue())
                .startsWith("Verbessert sich die Testgenauigkeit gegenüber der Basislinie? Um wie viel?");

        test(view.save).click();

        // From now on it is the teacher's own text: stored in German, read in German by everyone.
        AssignmentDetails saved = service.forClass(room.getId()).getFirst();
        assertThat(saved.title()).isEqualTo("Ein tieferes Faltungsnetz");
        assertThat(saved.instructions()).startsWith("Mach ein Netz tiefer");
        assertThat(saved.template()).isEqualTo("deeper-cnn");
        assertThat(saved.rules()).isEqualTo(AssignmentTemplates.find("deeper-cnn").orElseThrow().rules());
    }

    @Test
    void theDueDatePickerSpeaksSpanishAndStartsTheWeekOnMonday() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.of("es"));
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        var calendar = view.due.getDatePickerI18n();
        assertThat(calendar.getMonthNames()).hasSize(12).startsWith("enero", "febrero").endsWith("diciembre");
        assertThat(calendar.getWeekdays()).hasSize(7).startsWith("domingo", "lunes");
        assertThat(calendar.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(calendar.getToday()).isEqualTo("Hoy");
        assertThat(calendar.getCancel()).isEqualTo("Cancelar");
        assertThat(view.due.getI18n().getTimeLabel()).isEqualTo("Hora");
        assertThat(view.due.getLocale().getLanguage()).isEqualTo("es");
        assertThat(view.due.getLabel()).isEqualTo("Fecha límite (opcional)");
    }

    @Test
    void theDueDatePickerSpeaksGermanOnAGermanPage() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        var calendar = view.due.getDatePickerI18n();
        assertThat(calendar.getMonthNames()).startsWith("Januar", "Februar", "März");
        assertThat(calendar.getWeekdays()).startsWith("Sonntag", "Montag");
        assertThat(calendar.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(calendar.getToday()).isEqualTo("Heute");
        assertThat(calendar.getCancel()).isEqualTo("Abbrechen");
    }

    @Test
    void problemsShowWhereTheyAreAndNothingIsSavedUntilTheyAreFixed() {
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        assertThat(view.schoolClass.getValue().name()).isEqualTo(room.getName());
        assertThat(view.rows()).hasSize(1); // a blank page starts with one suggested rule
        test(view.addRule).click();
        RuleRow epochs = view.rows().get(1);
        test(epochs.kind).selectItem("Trained for at most N epochs");
        assertThat(epochs.number.getValue()).isEqualTo(10.0);
        test(epochs.number).setValue(-3.0);

        test(view.save).click();
        assertThat(epochs.problem.isVisible()).isTrue();
        assertThat(epochs.problem.getText()).isEqualTo("\"At most N epochs\" needs N of 1 or more, not -3.");
        assertThat(view.rows().getFirst().problem.isVisible()).isFalse();
        assertThat(view.problems.isVisible()).isTrue();
        assertThat(getCurrentView()).isSameAs(view);

        test(epochs.number).setValue(10.0);
        test(view.save).click();
        assertThat(epochs.problem.isVisible()).isFalse();
        assertThat(view.title.isInvalid()).isTrue();
        assertThat(view.title.getErrorMessage()).isEqualTo("Give the assignment a title.");
        assertThat(view.instructions.isInvalid()).isTrue();
        assertThat(service.forClass(room.getId())).isEmpty();

        test(view.title).setValue("Small and quick");
        test(view.instructions).setValue("Reach 85% in at most ten epochs.");
        test(view.save).click();
        assertThat(getCurrentView()).isInstanceOf(AssignmentView.class);
        assertThat(service.forClass(room.getId()).getFirst().rules())
                .containsExactly(new Rule.MinTestAccuracy(0.85), new Rule.MaxEpochs(10));
    }

    @Test
    void theTeacherPicksTheDataSetARunMustHaveTrainedOnFromTheSetsTheyMayUse() {
        java.nio.file.Path folder = datasets.newFolder(teacher, "Shapes for class");
        org.convlab.dataset.TestDatasets.colour(folder, "Shapes for class", 10, 4);
        String key = datasets.register(teacher, room.getId(), org.convlab.dataset.library.StoredDataset.Source.IMPORT,
                "Shapes for class", folder).key();
        java.nio.file.Path own = datasets.newFolder(teacher, "Teacher's own");
        org.convlab.dataset.TestDatasets.colour(own, "Teacher's own", 10, 4);
        datasets.register(teacher, null, org.convlab.dataset.library.StoredDataset.Source.IMPORT, "Teacher's own", own);
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        test(view.title).setValue("Colour");
        test(view.instructions).setValue("Train on the class's shapes.");
        RuleRow row = view.rows().getFirst();
        test(row.kind).selectItem("Trained on a chosen data set");
        assertThat(row.choice.isVisible()).isTrue();
        assertThat(row.choice.getListDataView().getItems().map(c -> c.option().toString()).toList())
                .as("the class can train on these; not on the teacher's private set")
                .contains("Fashion-MNIST", "Shapes for class").doesNotContain("Teacher's own");
        test(row.choice).selectItem("Shapes for class");
        test(view.save).click();
        assertThat(getCurrentView()).isInstanceOf(AssignmentView.class);
        AssignmentDetails saved = service.forClass(room.getId()).getFirst();
        assertThat(saved.rules()).containsExactly(new Rule.TrainedOnDataset(key, "Shapes for class"));

        // Opened again for changing, the row shows the chosen set.
        AssignmentEditorView again = navigate("classroom/assignments/" + saved.id() + "/edit", AssignmentEditorView.class);
        assertThat(again.rows().getFirst().choice.getValue().option().toString()).isEqualTo("Shapes for class");
    }

    @Test
    void removingEveryRuleIsExplained() {
        AssignmentEditorView view = navigate(AssignmentEditorView.class);
        test(view.title).setValue("No rules");
        test(view.instructions).setValue("Anything goes.");
        test(view.rows().getFirst().remove).click();
        test(view.save).click();
        assertThat(view.problems.getElement().getTextRecursively()).isEqualTo("Add at least one rule, so that submissions can be graded.");
        assertThat(service.forClass(room.getId())).isEmpty();
    }

    @Test
    void changingAnAssignmentKeepsItsClassAndRegradesOnSave() {
        AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), "Pooling", "Try average pooling.",
                List.of(new Rule.PoolingType(Rule.Pooling.AVERAGE), new Rule.MaxEpochs(5)), null, null));

        AssignmentEditorView view = navigate("classroom/assignments/" + a.id() + "/edit", AssignmentEditorView.class);
        assertThat(view.heading.getText()).isEqualTo("Change assignment");
        assertThat(view.schoolClass.isReadOnly()).isTrue();
        assertThat(view.title.getValue()).isEqualTo("Pooling");
        assertThat(view.rows()).hasSize(2);
        assertThat(view.rows().getFirst().choice.isVisible()).isTrue();
        assertThat(view.rows().getFirst().number.isVisible()).isFalse();
        assertThat(view.regradeNote.isVisible()).isTrue();
        test(view.rows().getFirst().choice).selectItem("max pooling");

        test(view.save).click();
        assertThat(getCurrentView()).isInstanceOf(AssignmentView.class);
        assertThat(service.get(a.id()).rules()).containsExactly(new Rule.PoolingType(Rule.Pooling.MAX), new Rule.MaxEpochs(5));
    }

    @Test
    void anotherTeacherCannotOpenItForChanging() {
        AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), "Mine", "Only mine.",
                List.of(new Rule.MaxEpochs(5)), null, null));
        ClassroomFixtures.signIn(fx.user("ed-intruder" + unique(), "Intruder", Role.TEACHER));
        AssignmentEditorView view = navigate("classroom/assignments/" + a.id() + "/edit", AssignmentEditorView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Assignment not available",
                "No such assignment, or it is not yours.");
        assertThat(view.save.isVisible() && view.save.getParent().map(p -> p.isVisible()).orElse(false)).isFalse();
    }
}
