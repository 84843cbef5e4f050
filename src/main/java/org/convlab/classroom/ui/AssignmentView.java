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
import com.vaadin.flow.router.PageTitle;
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
import org.convlab.classroom.grading.Rule;
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
@PageTitle("Assignment · ConvLab")
@PermitAll
final class AssignmentView extends Main implements BeforeEnterObserver {

    final H1 heading = new H1();
    final Select<RunChoice> run = new Select<>();
    final Button submit = new Button("Hand in and grade", VaadinIcon.CHECK.create());
    final Div result = new Div();
    final Paragraph problem = new Paragraph();
    final Div history = new Div();
    final Grid<SubmissionDetails> submissions = new Grid<>();
    /** One text area per written question, in order. */
    final List<PlainTextArea> answers = new ArrayList<>();
    final Button saveAnswers = new Button("Save answers only", VaadinIcon.EDIT.create());
    final Paragraph answersSaved = new Paragraph();

    private final AssignmentService service;
    private AssignmentDetails assignment;
    /** The submission the teacher marked last, whose form says it was saved. */
    private Long justMarked;

    AssignmentView(AssignmentService service) {
        this.service = service;
        addClassNames("page", "assignment-page");
        // Set up once: the same view can be shown again for another assignment.
        run.setLabel("Your finished run");
        run.setItemLabelGenerator(r -> r.label() + (r.finishedAt() == null ? "" : " · " + ClassroomText.when(r.finishedAt())));
        run.setWidthFull();
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        problem.addClassName("form-problem");
        result.addClassName("submit-result");
        submissions.addColumn(SubmissionDetails::learnerName).setHeader("Learner").setFlexGrow(2);
        submissions.addComponentColumn(s -> s.runId() == null ? new Span(s.runName() + " (deleted)")
                : new Anchor("runs/" + s.runId(), s.runName())).setHeader("Run").setFlexGrow(2);
        submissions.addColumn(s -> ClassroomText.when(s.submittedAt())).setHeader("Handed in").setFlexGrow(2);
        submissions.addColumn(s -> s.grade().passed() + "/" + s.grade().total()).setHeader("Rules passed");
        submissions.addColumn(s -> s.late() ? "late" : "").setHeader("Late");
        submissions.addColumn(AssignmentView::trainingData).setHeader("Training images").setFlexGrow(2);
        submissions.addColumn(AssignmentView::markText).setHeader("Your mark");
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
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            long assignmentId = Long.parseLong(id);
            assignment = service.get(assignmentId);
            show(service.standing(assignmentId));
        } catch (NumberFormatException e) {
            unavailable(NotYours.ASSIGNMENT);
        } catch (AssignmentException | AccessDeniedException e) {
            unavailable(e.getMessage());
        }
    }

    private void unavailable(String message) {
        removeAll();
        add(new H1("Assignment not available"), new Paragraph(message), new Anchor("classroom", "Back to the classroom"));
    }

    private void show(AssignmentService.Standing standing) {
        heading.setText(assignment.title());
        Span meta = new Span(assignment.className() + " · " + ClassroomText.due(assignment.dueAt()));
        meta.addClassName("muted");
        Paragraph instructions = new Paragraph(assignment.instructions());
        instructions.addClassName("instructions");
        OrderedList rules = new OrderedList();
        assignment.rules().stream().map(r -> new ListItem(t(r.description()))).forEach(rules::add);
        add(heading, meta, instructions, new H2("How it is graded"),
                new Paragraph("The run you hand in is checked against each rule as soon as you hand it in."), rules);
        if (standing == AssignmentService.Standing.TEACHER) {
            if (!assignment.questions().isEmpty()) {
                OrderedList questions = new OrderedList();
                assignment.questions().stream().map(ListItem::new).forEach(questions::add);
                add(new H2("Written questions"),
                        new Paragraph("Learners answer these when they hand in; you read the answers with each submission."),
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
        add(new H2("Hand in a run"));
        answers.clear();
        answersSaved.setVisible(false);
        if (runs.isEmpty()) {
            Paragraph none = new Paragraph("You have no finished runs yet. ");
            none.add(new Anchor("train", "Train a model"), new Span(", then come back to hand it in."));
            add(none);
        } else {
            add(new Paragraph("You can hand in again as often as you like; your best grade counts."));
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
                result.add(new Paragraph(s.subsetNote() + " Your teacher sees that beside your grade."));
            }
            if (s.late()) {
                result.add(new Paragraph("Handed in after the due date: your teacher sees it marked late."));
            }
            showHistory();
        } catch (AssignmentException | AccessDeniedException e) {
            problem.setText(e.getMessage());
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
        add(new Paragraph(nothingToHandIn
                ? "Answer these questions when you hand in a run; your teacher reads them beside your grade."
                : "Answer these questions with the run you hand in; your teacher reads them beside your grade and "
                        + "may add a mark and a comment."), fields);
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
                throw new AssignmentException("Hand in a run first; your answers go with it.");
            }
            service.answer(counted.get().id(), answerValues());
            answersSaved.setText("Answers saved with your submission of " + counted.get().runName() + ".");
            answersSaved.setVisible(true);
            showHistory();
        } catch (AssignmentException | AccessDeniedException e) {
            problem.setText(e.getMessage());
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
        history.add(new H2("Your submissions"));
        OrderedList list = new OrderedList();
        for (SubmissionDetails s : mine.reversed()) {
            ListItem item = new ListItem(ClassroomText.when(s.submittedAt()) + " · " + s.runName() + " · "
                    + t(s.grade().summary()) + (s.late() ? " · late" : "")
                    + (counted.filter(c -> c.id() == s.id()).isPresent() ? " · this one counts" : ""));
            if (s.marked() || s.trainImages() != null || s.answers().stream().anyMatch(WrittenAnswer::answered)) {
                item.add(new WrittenCard(s));
            }
            list.add(item);
        }
        history.add(list);
    }

    // ---- teacher ----

    private void showForTeacher() {
        Button edit = new Button("Change", VaadinIcon.EDIT.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/assignments/" + assignment.id() + "/edit")));
        Button gradebook = new Button("Gradebook", VaadinIcon.TABLE.create(), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate("classroom/gradebook/" + assignment.classId())));
        Div actions = new Div(edit, gradebook);
        actions.addClassName("page-actions");

        justMarked = null;
        List<SubmissionDetails> all = service.submissions(assignment.id());
        submissions.setItems(all.reversed());
        add(actions, new H2("Submissions"));
        if (all.isEmpty()) {
            add(new Paragraph("Nobody has handed in a run yet."));
        } else {
            add(new Paragraph(all.size() + (all.size() == 1 ? " submission" : " submissions")
                    + ", newest first. Click one to see its grade rule by rule"
                    + (assignment.questions().isEmpty() ? "" : ", read its written answers")
                    + " and give a mark and a comment."), submissions);
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
        return s.trainImages() == null ? "all"
                : String.format(Locale.ENGLISH, "%,d of %,d", s.trainImages(), WrittenWork.FULL_TRAINING_SET);
    }

    static String markText(SubmissionDetails s) {
        return s.mark() == null ? (s.comment() == null ? "" : "comment") : s.mark() + "/" + WrittenWork.MAX_MARK;
    }
}
