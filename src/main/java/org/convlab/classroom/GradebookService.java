package org.convlab.classroom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.i18n.Translations;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.account.NotYours;
import org.convlab.lesson.progress.LessonProgressRecord;
import org.convlab.lesson.progress.ProgressService;
import java.util.Locale;
/**
 * A class's gradebook: every learner against every assignment, each cell the submission that counts
 * (the best; see {@link SubmissionDetails#counted}). For the class's teacher only.
 */
@Service
public class GradebookService {

    /** One assignment's column; {@code questions} is how many written questions it asks. */
    public record Column(long assignmentId, String title, int rules, Instant dueAt, int questions) {}

    /** One learner's grade on one assignment; {@code counted} is empty when they handed nothing in. */
    public record Cell(Optional<SubmissionDetails> counted, int submissions) {

        /** "3/4", or "–" when nothing was handed in. */
        public String text() {
            return counted.map(s -> s.grade().passed() + "/" + s.grade().total()).orElse("–");
        }

        public boolean late() {
            return counted.map(SubmissionDetails::late).orElse(false);
        }

        public boolean allPassed() {
            return counted.map(s -> s.grade().allPassed()).orElse(false);
        }

        /** The teacher's mark on the counted submission, if given. */
        public Optional<Integer> mark() {
            return counted.map(SubmissionDetails::mark);
        }

        /** "Trained on the first 2,000 of 60,000 training images." when the counted run used a subset, else "". */
        public Optional<Text> subsetNote() {
            return counted.flatMap(SubmissionDetails::subsetNote);
        }
    }

    /**
     * One learner's line; {@code lessons} is their quiz result per lesson slug (lessons they have not
     * tried are missing).
     */
    public record Row(long learnerId, String name, String username, List<Cell> cells,
            Map<String, LessonProgressRecord> lessons) {

        /** Lessons whose quiz was answered all right on a set whose answers had not been shown. */
        public int lessonsDone() {
            return (int) lessons.values().stream().filter(LessonProgressRecord::isDone).count();
        }


        /** Assignments on which every rule passed. */
        public int completed() {
            return (int) cells.stream().filter(Cell::allPassed).count();
        }
    }

    public record Gradebook(long classId, String className, List<Column> columns, List<Row> rows) {}

    private final CurrentUser current;
    private final SchoolClassRepository classes;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final ProgressService progress;

    public GradebookService(CurrentUser current, SchoolClassRepository classes, AssignmentRepository assignments,
            SubmissionRepository submissions, ProgressService progress) {
        this.progress = progress;
        this.current = current;
        this.classes = classes;
        this.assignments = assignments;
        this.submissions = submissions;
    }

    @Transactional(readOnly = true)
    public Gradebook gradebook(long classId) {
        AppUser me = current.require();
        SchoolClass schoolClass = classes.findById(classId).orElseThrow(NotYours::clazz);
        AssignmentService.requireTeacher(me, schoolClass);

        List<Assignment> set = assignments.findBySchoolClassIdOrderByCreatedAtAscIdAsc(classId);
        List<Column> columns = set.stream()
                .map(a -> new Column(a.getId(), a.getTitle(), a.getRules().size(), a.getDueAt(), a.getQuestions().size()))
                .toList();
        // learner → assignment → their submissions
        Map<Long, Map<Long, List<SubmissionDetails>>> handedIn = submissions
                .findByAssignmentSchoolClassIdOrderBySubmittedAtAscIdAsc(classId).stream()
                .map(SubmissionDetails::of)
                .collect(Collectors.groupingBy(SubmissionDetails::learnerId,
                        Collectors.groupingBy(SubmissionDetails::assignmentId)));
        Map<Long, Map<String, LessonProgressRecord>> lessons = progress.of(
                schoolClass.getMembers().stream().map(AppUser::getId).toList());
        List<Row> rows = schoolClass.getMembers().stream()
                .sorted(Comparator.comparing(AppUser::getDisplayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(AppUser::getUsername))
                .map(learner -> {
                    Map<Long, List<SubmissionDetails>> own = handedIn.getOrDefault(learner.getId(), Map.of());
                    List<Cell> cells = columns.stream().map(column -> {
                        List<SubmissionDetails> list = own.getOrDefault(column.assignmentId(), List.of());
                        return new Cell(SubmissionDetails.counted(list), list.size());
                    }).toList();
                    return new Row(learner.getId(), learner.getDisplayName(), learner.getUsername(), cells,
                            lessons.getOrDefault(learner.getId(), Map.of()));
                })
                .toList();
        return new Gradebook(classId, schoolClass.getName(), columns, rows);
    }

    /**
     * The gradebook as CSV for a spreadsheet: per assignment the number of rules passed (empty when
     * nothing was handed in), whether the counted submission was late, the teacher's mark and
     * comment, and, for an assignment with written questions, the learner's answers (each after its
     * question, in one cell); then how many assignments were passed in full and how many lessons'
     * quizzes are done. Plain numbers, not
     * "3/4", which spreadsheets read as a date. Names, titles, answers and comments that a
     * spreadsheet would run as a formula are written as text ({@link CsvCells}).
     */
    @Transactional(readOnly = true)
    public String csv(long classId) {
        return csv(classId, Locale.ENGLISH);
    }

    /**
     * The same, its header row in {@code language} (the teacher's, who downloads it); the cells stay
     * as a spreadsheet reads them.
     */
    @Transactional(readOnly = true)
    public String csv(long classId, Locale language) {
        Gradebook book = gradebook(classId);
        List<String> header = new ArrayList<>(List.of(Translations.get(language, "classroom.gradebook.csv.learner"),
                Translations.get(language, "classroom.gradebook.csv.username")));
        for (Column c : book.columns()) {
            // Plain numbers in the header too: the column names are read by spreadsheets and scripts.
            header.add(CsvCells.text(Translations.get(language, "classroom.gradebook.csv.rules-passed", c.title(),
                    String.valueOf(c.rules()))));
            header.add(CsvCells.text(Translations.get(language, "classroom.gradebook.csv.late", c.title())));
            header.add(CsvCells.text(Translations.get(language, "classroom.gradebook.csv.mark", c.title())));
            header.add(CsvCells.text(Translations.get(language, "classroom.gradebook.csv.comment", c.title())));
            if (c.questions() > 0) {
                header.add(CsvCells.text(Translations.get(language, "classroom.gradebook.csv.answers", c.title())));
            }
        }
        header.add(Translations.get(language, "classroom.gradebook.csv.passed-in-full",
                String.valueOf(book.columns().size())));
        header.add(Translations.get(language, "classroom.gradebook.csv.lessons-done"));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (Row row : book.rows()) {
                List<Object> values = new ArrayList<>(List.of(CsvCells.text(row.name()), CsvCells.text(row.username())));
                for (int i = 0; i < row.cells().size(); i++) {
                    Cell cell = row.cells().get(i);
                    values.add(cell.counted().map(s -> (Object) s.grade().passed()).orElse(""));
                    values.add(cell.counted().isEmpty() ? "" : cell.late() ? "late" : "on time");
                    values.add(cell.mark().map(m -> (Object) m).orElse(""));
                    values.add(CsvCells.text(cell.counted().map(SubmissionDetails::comment).orElse("")));
                    if (book.columns().get(i).questions() > 0) {
                        values.add(CsvCells.text(cell.counted().map(s -> answersText(s.answers())).orElse("")));
                    }
                }
                values.add(row.completed());
                values.add(row.lessonsDone());
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** "Q: question" and "A: answer" lines, one pair after another; "" when nothing was written. */
    static String answersText(List<WrittenAnswer> answers) {
        if (answers.stream().noneMatch(WrittenAnswer::answered)) {
            return "";
        }
        return answers.stream().map(a -> "Q: " + a.question() + "\nA: " + a.answer()).collect(Collectors.joining("\n\n"));
    }

    /** "gradebook-room-12.csv": the class's name, safe as a file name. */
    public static String fileName(String className) {
        String slug = className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "gradebook" + (slug.isEmpty() ? "" : "-" + slug) + ".csv";
    }
}
