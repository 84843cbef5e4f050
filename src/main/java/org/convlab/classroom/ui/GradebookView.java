package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.convlab.classroom.AssignmentException;
import org.convlab.classroom.GradebookService;
import org.convlab.classroom.GradebookService.Cell;
import org.convlab.classroom.GradebookService.Column;
import org.convlab.classroom.GradebookService.Gradebook;
import org.convlab.classroom.GradebookService.Row;
import org.springframework.security.access.AccessDeniedException;
import org.convlab.account.NotYours;
import org.convlab.account.ClassroomOnly;
import org.convlab.lesson.progress.LessonProgressRecord;
import org.convlab.lesson.ui.Lesson;

/**
 * A class's gradebook: each learner against each assignment, the cell being the rules passed by
 * their best submission, marked when it came in late; with the same table as a CSV download.
 */
@ClassroomOnly
@Route("classroom/gradebook/:classId")
@PageTitle("Gradebook · ConvLab")
@RolesAllowed({"TEACHER", "ADMIN"})
final class GradebookView extends Main implements BeforeEnterObserver {

    final H1 heading = new H1("Gradebook");
    final Grid<Row> grid = new Grid<>();
    /** Each learner's quiz result per lesson. */
    final Grid<Row> lessons = new Grid<>();
    Anchor csv;

    private final GradebookService gradebooks;

    GradebookView(GradebookService gradebooks) {
        this.gradebooks = gradebooks;
        addClassNames("page", "gradebook-page");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        lessons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        lessons.setAllRowsVisible(true);
        lessons.addClassName("gradebook-lessons");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("classId").orElse("");
        try {
            show(gradebooks.gradebook(Long.parseLong(id)));
        } catch (NumberFormatException e) {
            unavailable(NotYours.CLASS);
        } catch (AssignmentException | AccessDeniedException e) {
            unavailable(e.getMessage());
        }
    }

    private void unavailable(String message) {
        removeAll();
        add(new H1("Gradebook not available"), new Paragraph(message), new Anchor("classroom", "Back to the classroom"));
    }

    private void show(Gradebook book) {
        heading.setText("Gradebook: " + book.className());
        add(heading);
        if (book.rows().isEmpty()) {
            add(new Paragraph("No learners have joined this class yet."), new Anchor("classroom", "Back to the classroom"));
            return;
        }
        if (book.columns().isEmpty()) {
            add(new Paragraph("This class has no assignments yet."));
            showLessons(book);
            add(new Anchor("classroom", "Back to the classroom"));
            return;
        }
        add(new Paragraph("Each cell is the number of rules passed by the learner's best submission. "
                + "“late” marks a best submission handed in after the due date; “–” means nothing was handed in; "
                + "“mark” is your own mark and “subset” a run trained on part of the training images. "
                + "Click a learner to read their written answers and your comments."));

        grid.removeAllColumns(); // the view is reused when going from one class's gradebook to another's
        grid.addColumn(Row::name).setHeader("Learner").setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < book.columns().size(); i++) {
            int index = i;
            Column column = book.columns().get(i);
            grid.addColumn(row -> cellText(row.cells().get(index)))
                    .setHeader(column.title()).setTooltipGenerator(row -> tooltip(row.cells().get(index)))
                    .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        }
        grid.addColumn(row -> row.completed() + " of " + book.columns().size()).setHeader("Passed in full")
                .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        grid.setItems(book.rows());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(row -> details(book, row)));
        grid.setDetailsVisibleOnClick(true);

        long classId = book.classId();
        String fileName = GradebookService.fileName(book.className());
        // The table is built afresh on each download, and who asks is checked again.
        csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = gradebooks.csv(classId).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv", bytes.length);
        }), "");
        csv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        csv.addClassName("export-link");
        add(grid, csv);
        showLessons(book);
    }

    /** The lesson quizzes: per learner and lesson, the best score and whether the lesson is done. */
    private void showLessons(Gradebook book) {
        lessons.removeAllColumns();
        lessons.addColumn(Row::name).setHeader("Learner").setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        // The total first: with nine lessons the table may scroll sideways.
        lessons.addColumn(row -> row.lessonsDone() + " of " + Lesson.values().length).setHeader("Lessons done")
                .setFrozen(true).setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true).setFlexGrow(0);
        for (Lesson lesson : Lesson.values()) {
            lessons.addColumn(row -> lessonText(row.lessons().get(lesson.slug())))
                    .setHeader(lesson.number() + ". " + lesson.title())
                    .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        }
        lessons.setItems(book.rows());
        add(new H2("Lesson quizzes"), new Paragraph("Each cell is the learner's best quiz score in that lesson, "
                + "counting only sets whose answers they had not been shown; “done” means all right. "
                + "“–” means not tried yet."), lessons);
    }

    /** "5/6", "6/6 done", or "–" when the lesson's quiz was never finished. */
    static String lessonText(LessonProgressRecord result) {
        return result == null ? "–" : result.score() + (result.isDone() ? " done" : "");
    }

    static String cellText(Cell cell) {
        return cell.text() + (cell.late() ? " late" : "")
                + cell.mark().map(m -> " · mark " + m).orElse("")
                + (cell.subsetNote().isEmpty() ? "" : " · subset");
    }

    private static String tooltip(Cell cell) {
        String note = cell.subsetNote();
        return cell.submissions() + " handed in" + (note.isEmpty() ? "" : ". " + note);
    }

    /**
     * A learner opened in the gradebook: for each assignment they handed in, the submission that
     * counts with its written answers, how much training data its run used, and the teacher's mark
     * and comment, with a link to the assignment's submissions where the mark is given.
     */
    static Div details(Gradebook book, Row row) {
        Div details = new Div();
        details.addClassName("gradebook-details");
        for (int i = 0; i < book.columns().size(); i++) {
            Column column = book.columns().get(i);
            Cell cell = row.cells().get(i);
            if (cell.counted().isEmpty()) {
                continue;
            }
            details.add(new H3(column.title() + ": " + cellText(cell)), new WrittenCard(cell.counted().get()),
                    new Anchor("classroom/assignments/" + column.assignmentId(), "Mark or comment on its submissions"));
        }
        if (details.getChildren().findAny().isEmpty()) {
            details.add(new Paragraph(row.name() + " has not handed anything in yet."));
        }
        return details;
    }
}
