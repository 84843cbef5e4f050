package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.component.textfield.TextField;
import org.convlab.account.AccountException;
import org.convlab.classroom.AccountService;
import org.convlab.account.AppUser;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.ClassSummary;
import org.convlab.account.CurrentUser;
import org.convlab.classroom.LearnerAssignment;
import org.convlab.account.ClassroomOnly;

/**
 * The classroom's front page. A teacher sees their classes, each with its assignments and the way
 * to set a new one or open the gradebook; a learner sees their assignments, soonest due first, with
 * their grade so far, and the classes they are in, with a field to join one more.
 */
@ClassroomOnly
@Route("classroom")
@PermitAll
final class ClassroomView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.overview.title"));
    }


    /** One block per class (teacher) or one line per assignment (learner). */
    final Div entries = new Div();

    /** A learner's classes, and the class-code field that adds one. */
    final Div myClasses = new Div();
    final TextField joinCode = new TextField(t("classroom.overview.code"));
    final Button join = new Button(t("classroom.overview.join"));
    final Span joinMessage = new Span();

    private final AssignmentService service;
    private final AccountService accounts;

    ClassroomView(AssignmentService service, AccountService accounts, CurrentUser current) {
        this.service = service;
        this.accounts = accounts;
        addClassNames("page", "classroom-page");
        add(new H1(t("classroom.overview.title")));
        current.get().ifPresentOrElse(user -> {
            if (user.isTeacher()) {
                showTeacher();
            } else {
                showLearner(user);
            }
        }, () -> add(new Paragraph(t("classroom.overview.sign-in"))));
    }

    // ---- teacher ----

    private void showTeacher() {
        List<ClassSummary> classes = service.classesITeach();
        add(new Paragraph(t("classroom.overview.teacher.intro")), entries);
        if (classes.isEmpty()) {
            Paragraph none = ClassroomText.withLink("classroom.overview.no-classes", "classroom/classes",
                    "classroom.overview.no-classes.link");
            entries.add(none);
            return;
        }
        for (ClassSummary c : classes) {
            entries.add(classBlock(c, service.forClass(c.id())));
        }
    }

    private Section classBlock(ClassSummary c, List<AssignmentDetails> assignments) {
        Button create = new Button(t("classroom.overview.new-assignment"), VaadinIcon.PLUS.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/assignments/new", QueryParameters.simple(Map.of("class", String.valueOf(c.id()))))));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button gradebook = new Button(t("classroom.gradebook.title"), VaadinIcon.TABLE.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/gradebook/" + c.id())));
        Div actions = new Div(create, gradebook);
        actions.addClassName("page-actions");
        Span code = new Span(t("classroom.overview.class-code", c.joinCode()));
        code.addClassName("muted");

        Section block = new Section(new H2(c.name()), code, actions);
        block.addClassName("class-block");
        if (assignments.isEmpty()) {
            block.add(new Paragraph(t("classroom.overview.no-assignments")));
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

    private void showLearner(AppUser user) {
        add(new Paragraph(t("classroom.overview.learner.intro")), new H2(t("classroom.overview.your-assignments")), entries);
        showAssignments();
        joinCode.setPlaceholder(t("classroom.overview.code.placeholder"));
        joinCode.setClearButtonVisible(true);
        join.addClickListener(e -> join(user));
        join.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        joinMessage.addClassName("join-message");
        Div form = new Div(joinCode, join);
        form.addClassName("join-form");
        Section section = new Section(new H2(t("classroom.overview.your-classes")), myClasses,
                new Paragraph(t("classroom.overview.another-class")), form, joinMessage);
        section.addClassName("my-classes");
        add(section);
        showClasses(user);
    }

    /** Joins the class with the typed code; a wrong code is explained and changes nothing. */
    private void join(AppUser user) {
        try {
            String name = accounts.joinClass(user, joinCode.getValue()).getName();
            joinCode.clear();
            joinCode.setInvalid(false);
            joinMessage.setText(t("classroom.overview.joined", name));
            joinMessage.removeClassName("problem");
            showClasses(user);
            showAssignments();
        } catch (AccountException problem) {
            joinCode.setInvalid(true);
            joinMessage.setText(org.convlab.base.ui.I18n.message(problem));
            joinMessage.addClassName("problem");
        }
    }

    private void showClasses(AppUser user) {
        myClasses.removeAll();
        List<String> names = accounts.classesOf(user).stream().map(c -> c.getName()).sorted().toList();
        myClasses.add(new Paragraph(names.isEmpty() ? t("classroom.overview.in-no-class")
                : t("classroom.overview.in-classes", String.join(", ", names))));
    }

    private void showAssignments() {
        entries.removeAll();
        List<LearnerAssignment> mine = service.forLearner();
        if (mine.isEmpty()) {
            entries.add(new Paragraph(t("classroom.overview.none-for-you")));
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
                grade.setText(t("classroom.overview.overdue"));
                grade.addClassName("overdue");
            }
            Div line = new Div(new Anchor("classroom/assignments/" + a.id(), a.title()), due, grade);
            line.addClassName("assignment-line");
            entries.add(line);
        }
    }

    static String gradeSoFar(LearnerAssignment la) {
        return la.counted().map(s -> {
                    String grade = (s.grade().allPassed() ? "✓ " : "") + t(s.grade().summary());
                    String best = la.submissions() > 1 ? t("classroom.overview.best-of", grade, la.submissions()) : grade;
                    return s.late() ? t("classroom.overview.grade-late", best) : best;
                })
                .orElse(t("classroom.overview.not-handed-in"));
    }
}
