package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.convlab.base.ui.I18n;

/**
 * A class's gradebook: each learner against each assignment, the cell being the rules passed by
 * their best submission, marked when it came in late; with the same table as a CSV download.
 */
@ClassroomOnly
@Route("classroom/gradebook/:classId")
@RolesAllowed({"TEACHER", "ADMIN"})
final class GradebookView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final H1 heading = new H1();
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
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.gradebook.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("classId").orElse("");
        try {
            show(gradebooks.gradebook(Long.parseLong(id)));
        } catch (NumberFormatException e) {
            unavailable(ClassroomText.refusal(NotYours.clazz()));
        } catch (AssignmentException | AccessDeniedException e) {
            unavailable(ClassroomText.refusal(e));
        }
    }

    private void unavailable(String message) {
        removeAll();
        add(new H1(t("classroom.gradebook.unavailable")), new Paragraph(message), new Anchor("classroom", t("classroom.back")));
    }

    private void show(Gradebook book) {
        heading.setText(t("classroom.gradebook.heading", book.className()));
        add(heading);
        if (book.rows().isEmpty()) {
            add(new Paragraph(t("classroom.gradebook.no-learners")), new Anchor("classroom", t("classroom.back")));
            return;
        }
        if (book.columns().isEmpty()) {
            add(new Paragraph(t("classroom.gradebook.no-assignments")));
            showLessons(book);
            add(new Anchor("classroom", t("classroom.back")));
            return;
        }
        add(new Paragraph(t("classroom.gradebook.intro")));

        grid.removeAllColumns(); // the view is reused when going from one class's gradebook to another's
        grid.addColumn(Row::name).setHeader(t("classroom.gradebook.learner")).setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < book.columns().size(); i++) {
            int index = i;
            Column column = book.columns().get(i);
            grid.addColumn(row -> cellText(row.cells().get(index)))
                    .setHeader(column.title()).setTooltipGenerator(row -> tooltip(row.cells().get(index)))
                    .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        }
        grid.addColumn(row -> t("classroom.gradebook.of", row.completed(), book.columns().size()))
                .setHeader(t("classroom.gradebook.passed-in-full"))
                .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        grid.setItems(book.rows());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(row -> details(book, row)));
        grid.setDetailsVisibleOnClick(true);

        long classId = book.classId();
        String fileName = GradebookService.fileName(book.className());
        // The table is built afresh on each download, and who asks is checked again; its header is
        // written in the language of the page it was downloaded from.
        java.util.Locale language = I18n.locale();
        csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = gradebooks.csv(classId, language).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv", bytes.length);
        }), "");
        csv.add(new Button(t("classroom.gradebook.download"), VaadinIcon.DOWNLOAD.create()));
        csv.addClassName("export-link");
        add(grid, csv);
        showLessons(book);
    }

    /** The lesson quizzes: per learner and lesson, the best score and whether the lesson is done. */
    private void showLessons(Gradebook book) {
        lessons.removeAllColumns();
        lessons.addColumn(Row::name).setHeader(t("classroom.gradebook.learner")).setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        // The total first: with nine lessons the table may scroll sideways.
        lessons.addColumn(row -> t("classroom.gradebook.of", row.lessonsDone(), Lesson.values().length))
                .setHeader(t("classroom.gradebook.lessons-done"))
                .setFrozen(true).setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true).setFlexGrow(0);
        for (Lesson lesson : Lesson.values()) {
            lessons.addColumn(row -> lessonText(row.lessons().get(lesson.slug())))
                    .setHeader(lesson.number() + ". " + lesson.title())
                    .setTextAlign(ColumnTextAlign.CENTER).setAutoWidth(true);
        }
        lessons.setItems(book.rows());
        add(new H2(t("classroom.gradebook.quizzes")), new Paragraph(t("classroom.gradebook.quizzes.intro")), lessons);
    }

    /** "5/6", "6/6 done", or "–" when the lesson's quiz was never finished. */
    static String lessonText(LessonProgressRecord result) {
        return result == null ? "–" : result.isDone() ? t("classroom.gradebook.quiz-done", result.score()) : result.score();
    }

    static String cellText(Cell cell) {
        // Short notes after the score, each its own word in the reader's language, parted by "·".
        return cell.text() + (cell.late() ? " " + t("classroom.gradebook.cell.late") : "")
                + cell.mark().map(m -> " · " + t("classroom.gradebook.cell.mark", m)).orElse("")
                + (cell.subsetNote().isEmpty() ? "" : " · " + t("classroom.gradebook.cell.subset"));
    }

    private static String tooltip(Cell cell) {
        String handedIn = t("classroom.gradebook.handed-in", cell.submissions());
        return cell.subsetNote().map(note -> handedIn + ". " + t(note)).orElse(handedIn);
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
            details.add(new H3(t("classroom.gradebook.details.heading", column.title(), cellText(cell))),
                    new WrittenCard(cell.counted().get()),
                    new Anchor("classroom/assignments/" + column.assignmentId(), t("classroom.gradebook.details.mark")));
        }
        if (details.getChildren().findAny().isEmpty()) {
            details.add(new Paragraph(t("classroom.gradebook.details.nothing", row.name())));
        }
        return details;
    }
}
