package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.ClassSummary;
import org.convlab.classroom.CurrentUser;
import org.convlab.classroom.LearnerAssignment;

/**
 * The classroom's front page. A teacher sees their classes, each with its assignments and the way
 * to set a new one or open the gradebook; a learner sees their assignments, soonest due first, with
 * their grade so far.
 */
@Route("classroom")
@PageTitle("Classroom · ConvLab")
@PermitAll
final class ClassroomView extends Main {

    /** One block per class (teacher) or one line per assignment (learner). */
    final Div entries = new Div();

    private final AssignmentService service;

    ClassroomView(AssignmentService service, CurrentUser current) {
        this.service = service;
        addClassNames("page", "classroom-page");
        add(new H1("Classroom"));
        current.get().ifPresentOrElse(user -> {
            if (user.isTeacher()) {
                showTeacher();
            } else {
                showLearner();
            }
        }, () -> add(new Paragraph("Sign in to see your classes and assignments.")));
    }

    // ---- teacher ----

    private void showTeacher() {
        List<ClassSummary> classes = service.classesITeach();
        add(new Paragraph("Your classes and their assignments. Learners hand in runs and are graded at once; "
                + "the gradebook collects their grades."), entries);
        if (classes.isEmpty()) {
            Paragraph none = new Paragraph("You do not teach a class yet. ");
            none.add(new Anchor("classroom/classes", "Create a class"), new Span("; its assignments will appear here."));
            entries.add(none);
            return;
        }
        for (ClassSummary c : classes) {
            entries.add(classBlock(c, service.forClass(c.id())));
        }
    }

    private Section classBlock(ClassSummary c, List<AssignmentDetails> assignments) {
        Button create = new Button("New assignment", VaadinIcon.PLUS.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/assignments/new", QueryParameters.simple(Map.of("class", String.valueOf(c.id()))))));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button gradebook = new Button("Gradebook", VaadinIcon.TABLE.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/gradebook/" + c.id())));
        Div actions = new Div(create, gradebook);
        actions.addClassName("page-actions");
        Span code = new Span("Class code: " + c.joinCode());
        code.addClassName("muted");

        Section block = new Section(new H2(c.name()), code, actions);
        block.addClassName("class-block");
        if (assignments.isEmpty()) {
            block.add(new Paragraph("No assignments yet."));
        }
        for (AssignmentDetails a : assignments) {
            Span meta = new Span(ClassroomText.due(a.dueAt()) + " · " + ClassroomText.rules(a.rules().size()));
            meta.addClassName("muted");
            Div line = new Div(new Anchor("classroom/assignments/" + a.id(), a.title()), meta);
            line.addClassName("assignment-line");
            block.add(line);
        }
        return block;
    }

    // ---- learner ----

    private void showLearner() {
        List<LearnerAssignment> mine = service.forLearner();
        add(new H2("Your assignments"), entries);
        if (mine.isEmpty()) {
            entries.add(new Paragraph("No assignments for you yet. If you are not in a class, ask your teacher for "
                    + "the class code."));
            return;
        }
        Instant now = Instant.now();
        for (LearnerAssignment la : mine) {
            AssignmentDetails a = la.assignment();
            Span due = new Span(a.className() + " · " + ClassroomText.due(a.dueAt()));
            due.addClassName("muted");
            Span grade = new Span(gradeSoFar(la));
            grade.addClassName("assignment-grade");
            if (la.counted().isEmpty() && a.dueAt() != null && a.dueAt().isBefore(now)) {
                grade.setText("Not handed in, and the due date has passed");
                grade.addClassName("overdue");
            }
            Div line = new Div(new Anchor("classroom/assignments/" + a.id(), a.title()), due, grade);
            line.addClassName("assignment-line");
            entries.add(line);
        }
    }

    static String gradeSoFar(LearnerAssignment la) {
        return la.counted().map(s -> (s.grade().allPassed() ? "✓ " : "") + s.grade().summary()
                        + (la.submissions() > 1 ? " (best of " + la.submissions() + ")" : "")
                        + (s.late() ? ", late" : ""))
                .orElse("Not handed in yet");
    }
}
