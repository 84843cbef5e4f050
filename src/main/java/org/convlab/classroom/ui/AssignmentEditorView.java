package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentDraft;
import org.convlab.classroom.AssignmentException;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.AssignmentTemplates;
import org.convlab.classroom.AssignmentTemplates.AssignmentTemplate;
import org.convlab.classroom.ClassSummary;
import org.convlab.classroom.WrittenWork;
import org.convlab.classroom.grading.InvalidRuleException;
import org.convlab.classroom.grading.Rule;
import org.springframework.security.access.AccessDeniedException;
import org.convlab.account.NotYours;
import org.convlab.account.ClassroomOnly;

/**
 * A teacher writes an assignment, or changes one: the class, a template from the decks or a blank
 * page, the title, instructions and due date, and the rules a run is graded by, one row each.
 * Problems show next to what they are about, and nothing is saved until there are none.
 */
@ClassroomOnly
@Route("classroom/assignments/new")
@RouteAlias("classroom/assignments/:id/edit")
@PageTitle("Assignment · ConvLab")
@RolesAllowed({"TEACHER", "ADMIN"})
final class AssignmentEditorView extends Main implements BeforeEnterObserver {

    final H1 heading = new H1("New assignment");
    final Select<ClassSummary> schoolClass = new Select<>();
    final Select<AssignmentTemplate> template = new Select<>();
    final TextField title = new TextField("Title");
    final TextArea instructions = new TextArea("Instructions");
    final DateTimePicker due = new DateTimePicker("Due (optional)");
    final Div rules = new Div();
    final Button addRule = new Button("Add a rule", VaadinIcon.PLUS.create());
    final Div questions = new Div();
    final Button addQuestion = new Button("Add a question", VaadinIcon.PLUS.create());
    final Div problems = new Div();
    final Button save = new Button("Save assignment", VaadinIcon.CHECK.create());
    final Paragraph regradeNote = new Paragraph("Saving grades every submission made so far again by the new rules.");
    private final Div form = new Div();
    private final Div unavailable = new Div();

    private final AssignmentService service;
    private List<org.convlab.classroom.grading.RuleKind.DatasetOption> datasetOptions;
    /** Set when changing an existing assignment. */
    private Long editing;

    AssignmentEditorView(AssignmentService service) {
        this.service = service;
        addClassNames("page", "assignment-editor");

        schoolClass.setLabel("Class");
        schoolClass.setItemLabelGenerator(ClassSummary::name);
        template.setLabel("Start from");
        template.setItems(AssignmentTemplates.all());
        template.setItemLabelGenerator(t -> t == null ? "A blank page" : t.title() + " (" + t.source() + ")");
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption("A blank page");
        template.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                fillFrom(e.getValue());
            }
        });
        title.setMaxLength(200);
        title.setWidthFull();
        instructions.setWidthFull();
        instructions.setMinHeight("12em");
        instructions.setHelperText("What should learners build, train and hand in, and what should they think about?");
        due.setStep(Duration.ofMinutes(15));
        due.setHelperText("Times are the server's (" + ClassroomText.ZONE.getId() + "). Late work is still taken, marked late.");
        addRule.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addRule.addClickListener(e -> addRow(new Rule.MinTestAccuracy(0.90)));
        rules.addClassName("rule-list");
        questions.addClassName("rule-list");
        addQuestion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addQuestion.addClickListener(e -> addQuestion(""));
        problems.addClassName("callout-error");
        problems.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        Div top = new Div(schoolClass, template);
        top.addClassName("editor-row");
        form.add(heading, top, title, instructions, due,
                new H2("Rules"),
                new Paragraph("A submitted run is graded by each rule at once: passed or not, with a line saying why. "
                        + "Rules can check the model (layers, size), how it was trained and what it reached."),
                rules, addRule,
                new H2("Written questions"),
                new Paragraph("Optional: questions learners answer in writing when they hand in a run, at most "
                        + WrittenWork.MAX_QUESTIONS + ". You read the answers with the submissions and may add a mark "
                        + "and a comment to the automatic grade."),
                questions, addQuestion, problems, save, regradeNote);
        add(form, unavailable);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> id = event.getRouteParameters().get("id");
        // The same view may be shown again (another assignment, or new after change): start clean.
        form.setVisible(true);
        unavailable.removeAll();
        clearProblems();
        try {
            if (id.isPresent()) {
                edit(parse(id.get()));
            } else {
                create(event.getLocation().getQueryParameters().getSingleParameter("class").orElse(null));
            }
        } catch (AccessDeniedException | AssignmentException e) {
            form.setVisible(false);
            unavailable.add(new H1("Assignment not available"), new Paragraph(e.getMessage()));
        }
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new AssignmentException(NotYours.ASSIGNMENT);
        }
    }

    private void create(String classParam) {
        editing = null;
        heading.setText("New assignment");
        schoolClass.setReadOnly(false);
        template.setVisible(true);
        template.clear();
        save.setText("Save assignment");
        save.setEnabled(true);
        regradeNote.setVisible(false);
        due.clear();
        List<ClassSummary> mine = service.classesITeach();
        schoolClass.setItems(mine);
        if (mine.isEmpty()) {
            showProblem("You do not teach a class yet. Create a class first; then set its assignments here.");
            save.setEnabled(false);
            return;
        }
        schoolClass.setValue(mine.stream().filter(c -> String.valueOf(c.id()).equals(classParam)).findFirst()
                .orElse(mine.getFirst()));
        fillFrom(null);
    }

    private void edit(long id) {
        if (service.standing(id) != AssignmentService.Standing.TEACHER) {
            throw new AccessDeniedException("Only the class's teacher can change this assignment.");
        }
        AssignmentDetails a = service.get(id);
        editing = id;
        heading.setText("Change assignment");
        ClassSummary own = new ClassSummary(a.classId(), a.className(), "");
        schoolClass.setItems(own);
        schoolClass.setValue(own);
        schoolClass.setReadOnly(true);
        template.setVisible(false);
        title.setValue(a.title());
        instructions.setValue(a.instructions());
        due.setValue(a.dueAt() == null ? null : a.dueAt().atZone(ClassroomText.ZONE).toLocalDateTime());
        rules.removeAll();
        a.rules().forEach(this::addRow);
        questions.removeAll();
        a.questions().forEach(this::addQuestion);
        save.setText("Save changes");
        save.setEnabled(true);
        regradeNote.setVisible(true);
    }

    /** A template's text and rules, or a blank page with one suggested rule. */
    void fillFrom(AssignmentTemplate t) {
        title.setValue(t == null ? "" : t.title());
        instructions.setValue(t == null ? "" : t.instructions());
        rules.removeAll();
        List<Rule> start = t == null ? List.of(new Rule.MinTestAccuracy(0.85)) : t.rules();
        start.forEach(this::addRow);
        questions.removeAll();
        (t == null ? List.<String>of() : t.questions()).forEach(this::addQuestion);
    }

    private void addQuestion(String question) {
        questions.add(new QuestionRow(question, row -> questions.remove(row)));
    }

    List<QuestionRow> questionRows() {
        return questions.getChildren().map(QuestionRow.class::cast).toList();
    }

    private void addRow(Rule rule) {
        rules.add(new RuleRow(rule, datasets(), row -> rules.remove(row)));
    }

    /** The data sets this teacher may name in a rule, read once per page. */
    private List<org.convlab.classroom.grading.RuleKind.DatasetOption> datasets() {
        if (datasetOptions == null) {
            datasetOptions = service.datasetsForRules();
        }
        return datasetOptions;
    }

    List<RuleRow> rows() {
        return rules.getChildren().map(RuleRow.class::cast).toList();
    }

    /** Saves and opens the assignment; otherwise marks every problem where it is. */
    void save() {
        clearProblems();
        List<Rule> parsed = new ArrayList<>();
        boolean broken = false;
        for (RuleRow row : rows()) {
            try {
                parsed.add(row.rule());
            } catch (InvalidRuleException e) {
                row.showProblem(org.convlab.base.ui.I18n.message(e));
                broken = true;
            }
        }
        if (broken) {
            showProblem("Some rules cannot be graded as they are; see the rules marked in red.");
            return;
        }
        Instant dueAt = due.getValue() == null ? null : due.getValue().atZone(ClassroomText.ZONE).toInstant();
        ClassSummary c = schoolClass.getValue();
        AssignmentDraft draft = new AssignmentDraft(c == null ? null : c.id(), title.getValue(), instructions.getValue(),
                parsed, dueAt, template.getValue() == null ? null : template.getValue().id(),
                questionRows().stream().map(q -> q.text.getValue()).toList());
        try {
            AssignmentDetails saved = editing == null ? service.create(draft) : service.update(editing, draft);
            getUI().ifPresent(ui -> ui.navigate(AssignmentView.class, new RouteParameters("id", String.valueOf(saved.id()))));
        } catch (AssignmentException e) {
            for (AssignmentException.Problem p : e.problems()) {
                switch (p.field()) {
                    case "title" -> invalid(title, p.message());
                    case "instructions" -> invalid(instructions, p.message());
                    case "questions" -> showProblem(p.message());
                    case "class" -> {
                        schoolClass.setInvalid(true);
                        schoolClass.setErrorMessage(p.message());
                    }
                    default -> {
                        if (p.field().startsWith("question ")) {
                            int index = Integer.parseInt(p.field().substring("question ".length())) - 1;
                            questionRows().get(index).showProblem(p.message());
                        } else {
                            showProblem(p.message());
                        }
                    }
                }
            }
        } catch (AccessDeniedException e) {
            showProblem(e.getMessage());
        }
    }

    private static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void invalid(TextArea field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void showProblem(String message) {
        problems.add(new Paragraph(message));
        problems.setVisible(true);
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        title.setInvalid(false);
        instructions.setInvalid(false);
        schoolClass.setInvalid(false);
        rows().forEach(RuleRow::clearProblem);
        questionRows().forEach(q -> q.text.setInvalid(false));
    }
}
