package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convlab.classroom.AssignmentDetails;
import org.convlab.classroom.AssignmentException;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.RunChoice;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.WrittenAnswer;
import org.convlab.classroom.WrittenWork;
import org.convlab.base.ui.I18n;
import org.springframework.security.access.AccessDeniedException;
import org.convlab.account.NotYours;
import org.convlab.account.ClassroomOnly;

/**
 * One assignment. A learner reads what to do and how it is graded, picks one of their finished runs
 * and hands it in; the grade appears at once, rule by rule, and earlier attempts stay listed. The
 * class's teacher sees every submission with its grade.
 */
@ClassroomOnly
@Route("classroom/assignments/:id")
@PermitAll
final class AssignmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final H1 heading = new H1();
    final Select<RunChoice> run = new Select<>();
    final Button submit = new Button(t("classroom.assignment.submit"), VaadinIcon.CHECK.create());
    final Div result = new Div();
    final Paragraph problem = new Paragraph();
    final Div history = new Div();
    final Grid<SubmissionDetails> submissions = new Grid<>();
    /** One text area per written question, in order. */
    final List<PlainTextArea> answers = new ArrayList<>();
    final Button saveAnswers = new Button(t("classroom.assignment.save-answers"), VaadinIcon.EDIT.create());
    final Paragraph answersSaved = new Paragraph();

    private final AssignmentService service;
    private AssignmentDetails assignment;
    /** The submission the teacher marked last, whose form says it was saved. */
    private Long justMarked;

    AssignmentView(AssignmentService service) {
        this.service = service;
        addClassNames("page", "assignment-page");
        // Set up once: the same view can be shown again for another assignment.
        run.setLabel(t("classroom.assignment.run"));
        run.setItemLabelGenerator(AssignmentView::runLabel);
        run.setWidthFull();
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        problem.addClassName("form-problem");
        result.addClassName("submit-result");
        submissions.addColumn(SubmissionDetails::learnerName).setHeader(t("classroom.assignment.column.learner")).setFlexGrow(2);
        submissions.addComponentColumn(s -> s.runId() == null ? new Span(t("classroom.assignment.run-deleted", s.runName()))
                : new Anchor("runs/" + s.runId(), s.runName())).setHeader(t("classroom.assignment.column.run")).setFlexGrow(2);
        submissions.addColumn(s -> ClassroomText.when(s.submittedAt())).setHeader(t("classroom.assignment.column.handed-in")).setFlexGrow(2);
        submissions.addColumn(s -> s.grade().passed() + "/" + s.grade().total()).setHeader(t("classroom.assignment.column.rules-passed"));
        submissions.addColumn(s -> s.late() ? t("classroom.assignment.late") : "")
                .setHeader(t("classroom.assignment.column.late"));
        submissions.addColumn(AssignmentView::trainingData).setHeader(t("classroom.assignment.column.training-images")).setFlexGrow(2);
        submissions.addColumn(AssignmentView::markText).setHeader(t("classroom.assignment.column.mark"));
        submissions.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        submissions.setDetailsVisibleOnClick(false);
        submissions.addItemClickListener(e -> {
            // A click inside the opened details (typing a comment, saving a mark) is no click on the row.
            if (e.getColumn() != null) {
                submissions.setDetailsVisible(e.getItem(), !submissions.isDetailsVisible(e.getItem()));
            }
        });
        saveAnswers.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveAnswers.addClickListener(e -> saveAnswers());
        answersSaved.addClassName("muted");
        submissions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        submissions.setAllRowsVisible(true);
    }

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.assignment.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            long assignmentId = Long.parseLong(id);
            assignment = service.get(assignmentId);
            show(service.standing(assignmentId));
        } catch (NumberFormatException e) {
            unavailable(ClassroomText.refusal(NotYours.assignment()));
        } catch (AssignmentException | AccessDeniedException e) {
            unavailable(ClassroomText.refusal(e));
        }
    }

    private void unavailable(String message) {
        removeAll();
        add(new H1(t("classroom.assignment.unavailable")), new Paragraph(message), new Anchor("classroom", t("classroom.back")));
    }

    private void show(AssignmentService.Standing standing) {
        heading.setText(assignment.title());
        Span meta = new Span(assignment.className() + " · " + ClassroomText.due(assignment.dueAt()));
        meta.addClassName("muted");
        Paragraph instructions = new Paragraph(assignment.instructions());
        instructions.addClassName("instructions");
        OrderedList rules = new OrderedList();
        assignment.rules().stream().map(r -> new ListItem(t(r.description()))).forEach(rules::add);
        add(heading, meta, instructions, new H2(t("classroom.assignment.how-graded")),
                new Paragraph(t("classroom.assignment.how-graded.intro")), rules);
        if (standing == AssignmentService.Standing.TEACHER) {
            if (!assignment.questions().isEmpty()) {
                OrderedList questions = new OrderedList();
                assignment.questions().stream().map(ListItem::new).forEach(questions::add);
                add(new H2(t("classroom.assignment.questions")),
                        new Paragraph(t("classroom.assignment.questions.teacher")),
                        questions);
            }
            showForTeacher();
        } else {
            showForLearner();
        }
    }

    // ---- learner ----

    private void showForLearner() {
        List<RunChoice> runs = service.submittableRuns();
        add(new H2(t("classroom.assignment.hand-in")));
        answers.clear();
        answersSaved.setVisible(false);
        if (runs.isEmpty()) {
            add(ClassroomText.withLink("classroom.assignment.no-runs", "train", "classroom.assignment.no-runs.link"));
        } else {
            add(new Paragraph(t("classroom.assignment.again")));
        }
        if (!assignment.questions().isEmpty()) {
            showQuestions(runs.isEmpty());
        }
        if (!runs.isEmpty()) {
            run.setItems(runs);
            run.setValue(runs.getFirst());
            Div form = new Div(run, submit);
            form.addClassName("submit-row");
            add(form);
        }
        problem.setVisible(false);
        result.removeAll();
        add(problem, result, history);
        showHistory();
    }

    /** Hands in the chosen run and shows its grade; a refusal is explained instead. */
    void submit() {
        problem.setVisible(false);
        result.removeAll();
        try {
            RunChoice chosen = run.getValue();
            SubmissionDetails s = service.submit(assignment.id(), chosen == null ? null : chosen.id(), answerValues());
            result.add(new GradeCard(s.grade()));
            if (s.trainImages() != null) {
                result.add(new Paragraph(t("classroom.assignment.subset", s.subsetNote().map(I18n::t).orElse(""))));
            }
            if (s.late()) {
                result.add(new Paragraph(t("classroom.assignment.late-note")));
            }
            showHistory();
        } catch (AssignmentException | AccessDeniedException e) {
            problem.setText(ClassroomText.refusal(e));
            problem.setVisible(true);
        }
    }

    /**
     * A text area per question, filled with the answers of the submission that counts so far (the
     * ones the teacher reads), so handing in again keeps them unless the learner edits them.
     */
    private void showQuestions(boolean nothingToHandIn) {
        Optional<SubmissionDetails> previous = SubmissionDetails.counted(service.mySubmissions(assignment.id()));
        Div fields = new Div();
        fields.addClassName("written-answers");
        for (int i = 0; i < assignment.questions().size(); i++) {
            String question = assignment.questions().get(i);
            PlainTextArea area = new PlainTextArea((i + 1) + ". " + question, WrittenWork.MAX_ANSWER);
            area.setValue(previous.map(p -> earlierAnswer(p, question)).orElse(""));
            answers.add(area);
            fields.add(area);
        }
        add(new Paragraph(t(nothingToHandIn ? "classroom.assignment.questions.later" : "classroom.assignment.questions.now")),
                fields);
        if (previous.isPresent()) {
            // Changing the answers of the submission that counts needs no new run.
            add(new Div(saveAnswers, answersSaved));
        }
    }

    /** The answer a submission gave to this question (matched by its text), or "". */
    private static String earlierAnswer(SubmissionDetails s, String question) {
        return s.answers().stream().filter(a -> a.question().equals(question)).map(WrittenAnswer::answer)
                .findFirst().orElse("");
    }

    List<String> answerValues() {
        return answers.stream().map(PlainTextArea::getValue).toList();
    }

    /** Saves the answers to the submission that counts without handing in again; refused once it is marked. */
    void saveAnswers() {
        problem.setVisible(false);
        answersSaved.setVisible(false);
        try {
            Optional<SubmissionDetails> counted = SubmissionDetails.counted(service.mySubmissions(assignment.id()));
            if (counted.isEmpty()) {
                problem.setText(t("classroom.assignment.answers.first"));
                problem.setVisible(true);
                return;
            }
            service.answer(counted.get().id(), answerValues());
            answersSaved.setText(t("classroom.assignment.answers.saved", counted.get().runName()));
            answersSaved.setVisible(true);
            showHistory();
        } catch (AssignmentException | AccessDeniedException e) {
            problem.setText(ClassroomText.refusal(e));
            problem.setVisible(true);
        }
    }

    private void showHistory() {
        history.removeAll();
        List<SubmissionDetails> mine = service.mySubmissions(assignment.id());
        if (mine.isEmpty()) {
            return;
        }
        Optional<SubmissionDetails> counted = SubmissionDetails.counted(mine);
        history.add(new H2(t("classroom.assignment.history")));
        OrderedList list = new OrderedList();
        for (SubmissionDetails s : mine.reversed()) {
            ListItem item = new ListItem(ClassroomText.when(s.submittedAt()) + " · " + s.runName() + " · "
                    + t(s.grade().summary()) + (s.late() ? " · " + t("classroom.assignment.late") : "")
                    + (counted.filter(c -> c.id() == s.id()).isPresent() ? " · " + t("classroom.assignment.counts") : ""));
            if (s.marked() || s.trainImages() != null || s.answers().stream().anyMatch(WrittenAnswer::answered)) {
                item.add(new WrittenCard(s));
            }
            list.add(item);
        }
        history.add(list);
    }

    // ---- teacher ----

    private void showForTeacher() {
        Button edit = new Button(t("classroom.assignment.change"), VaadinIcon.EDIT.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/assignments/" + assignment.id() + "/edit")));
        Button gradebook = new Button(t("classroom.gradebook.title"), VaadinIcon.TABLE.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/gradebook/" + assignment.classId())));
        Div actions = new Div(edit, gradebook);
        actions.addClassName("page-actions");

        justMarked = null;
        List<SubmissionDetails> all = service.submissions(assignment.id());
        submissions.setItems(all.reversed());
        add(actions, new H2(t("classroom.assignment.submissions")));
        if (all.isEmpty()) {
            add(new Paragraph(t("classroom.assignment.submissions.none")));
        } else {
            add(new Paragraph(I18n.count(assignment.questions().isEmpty() ? "classroom.assignment.submissions.intro"
                    : "classroom.assignment.submissions.intro-written", all.size())), submissions);
        }
    }

    /** A submission opened in the teacher's list: its grade, its written side, and the mark form. */
    Div details(SubmissionDetails s) {
        MarkForm form = new MarkForm(service, s, updated -> {
            // The list is read again so the row shows the mark; the same submission stays open, saying so.
            justMarked = updated.id();
            List<SubmissionDetails> all = service.submissions(assignment.id()).reversed();
            submissions.setItems(all);
            all.stream().filter(x -> x.id() == updated.id()).findFirst()
                    .ifPresent(x -> submissions.setDetailsVisible(x, true));
        });
        form.saved.setVisible(justMarked != null && justMarked == s.id());
        Div details = new Div(new GradeCard(s.grade()), new WrittenCard(s), form);
        details.addClassName("submission-details");
        return details;
    }

    /** "2,000 of 60,000" when the run used part of the training set, "all" otherwise. */
    static String trainingData(SubmissionDetails s) {
        return s.trainImages() == null ? t("classroom.assignment.training.all")
                : t("classroom.gradebook.of", s.trainImages(), WrittenWork.FULL_TRAINING_SET);
    }

    /** "keras-cnn · 91.34% · Tue 3 Mar 2026, 14:00": the run's name, test accuracy and when it finished. */
    static String runLabel(RunChoice r) {
        String label = r.testAccuracy() == null ? r.name()
                : t("classroom.assignment.run.accuracy", r.name(), I18n.percent(r.testAccuracy(), 2));
        return r.finishedAt() == null ? label : label + " · " + ClassroomText.when(r.finishedAt());
    }

    static String markText(SubmissionDetails s) {
        return s.mark() == null ? (s.comment() == null ? "" : t("classroom.assignment.comment")) : s.mark() + "/" + WrittenWork.MAX_MARK;
    }
}
