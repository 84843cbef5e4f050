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
import com.vaadin.flow.router.HasDynamicTitle;
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
@RolesAllowed({"TEACHER", "ADMIN"})
final class AssignmentEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.assignment.title"));
    }


    final H1 heading = new H1(t("classroom.editor.new"));
    final Select<ClassSummary> schoolClass = new Select<>();
    final Select<AssignmentTemplate> template = new Select<>();
    final TextField title = new TextField(t("classroom.editor.title-field"));
    final TextArea instructions = new TextArea(t("classroom.editor.instructions"));
    final DateTimePicker due = new DateTimePicker(t("classroom.editor.due"));
    final Div rules = new Div();
    final Button addRule = new Button(t("classroom.editor.add-rule"), VaadinIcon.PLUS.create());
    final Div questions = new Div();
    final Button addQuestion = new Button(t("classroom.editor.add-question"), VaadinIcon.PLUS.create());
    final Div problems = new Div();
    final Button save = new Button(t("classroom.editor.save"), VaadinIcon.CHECK.create());
    final Paragraph regradeNote = new Paragraph(t("classroom.editor.regrade-note"));
    private final Div form = new Div();
    private final Div unavailable = new Div();

    private final AssignmentService service;
    private List<org.convlab.classroom.grading.RuleKind.DatasetOption> datasetOptions;
    /** Set when changing an existing assignment. */
    private Long editing;

    AssignmentEditorView(AssignmentService service) {
        this.service = service;
        addClassNames("page", "assignment-editor");

        schoolClass.setLabel(t("classroom.editor.class"));
        schoolClass.setItemLabelGenerator(ClassSummary::name);
        template.setLabel(t("classroom.editor.template"));
        // In the teacher's language: the assignment made from it keeps these words as the teacher's own.
        template.setItems(AssignmentTemplates.all(org.convlab.base.ui.I18n.locale()));
        template.setItemLabelGenerator(x -> x == null ? t("classroom.editor.blank") : t("classroom.editor.template.option", x.title(), x.source()));
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption(t("classroom.editor.blank"));
        template.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                fillFrom(e.getValue());
            }
        });
        title.setMaxLength(200);
        title.setWidthFull();
        instructions.setWidthFull();
        instructions.setMinHeight("12em");
        instructions.setHelperText(t("classroom.editor.instructions.help"));
        due.setStep(Duration.ofMinutes(15));
        // Dates and times written, and the calendar worded, the way the page's language does.
        DuePickerText.apply(due, org.convlab.base.ui.I18n.locale());
        due.setHelperText(t("classroom.editor.due.help", ClassroomText.ZONE.getId()));
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
                new H2(t("classroom.editor.rules")),
                new Paragraph(t("classroom.editor.rules.intro")),
                rules, addRule,
                new H2(t("classroom.assignment.questions")),
                new Paragraph(t("classroom.editor.questions.intro", WrittenWork.MAX_QUESTIONS)),
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
            unavailable.add(new H1(t("classroom.assignment.unavailable")), new Paragraph(ClassroomText.refusal(e)));
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
        heading.setText(t("classroom.editor.new"));
        schoolClass.setReadOnly(false);
        template.setVisible(true);
        template.clear();
        save.setText(t("classroom.editor.save"));
        save.setEnabled(true);
        regradeNote.setVisible(false);
        due.clear();
        List<ClassSummary> mine = service.classesITeach();
        schoolClass.setItems(mine);
        if (mine.isEmpty()) {
            showProblem(t("classroom.editor.no-class"));
            save.setEnabled(false);
            return;
        }
        schoolClass.setValue(mine.stream().filter(c -> String.valueOf(c.id()).equals(classParam)).findFirst()
                .orElse(mine.getFirst()));
        fillFrom(null);
    }

    private void edit(long id) {
        if (service.standing(id) != AssignmentService.Standing.TEACHER) {
            throw new AssignmentException(t("classroom.editor.not-teacher"));
        }
        AssignmentDetails a = service.get(id);
        editing = id;
        heading.setText(t("classroom.editor.change"));
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
        save.setText(t("classroom.editor.save-changes"));
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
            showProblem(t("classroom.editor.rules-broken"));
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
                    case "title" -> invalid(title, t(p.text()));
                    case "instructions" -> invalid(instructions, t(p.text()));
                    case "questions" -> showProblem(t(p.text()));
                    case "class" -> {
                        schoolClass.setInvalid(true);
                        schoolClass.setErrorMessage(t(p.text()));
                    }
                    default -> {
                        if (p.field().startsWith("question ")) {
                            int index = Integer.parseInt(p.field().substring("question ".length())) - 1;
                            questionRows().get(index).showProblem(t(p.text()));
                        } else {
                            showProblem(t(p.text()));
                        }
                    }
                }
            }
        } catch (AccessDeniedException e) {
            showProblem(ClassroomText.refusal(e));
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
