package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.AssignmentException.Problem;
import org.convlab.classroom.grading.Rule;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Written questions beside an assignment's rules: the teacher asks them, learners answer them with
 * the run they hand in, the teacher adds a mark and a comment. Every bound and every refusal is the
 * service's, whatever page or request the text comes from.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class WrittenAnswersTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final List<String> QUESTIONS = List.of(
            "Does accuracy keep improving after epoch 5? What do the curves show?",
            "How many parameters does your model have, and where are most of them?");

    @Autowired AssignmentService service;
    @Autowired GradebookService gradebooks;
    @Autowired SubmissionRepository submissions;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;

    ClassroomFixtures fx;
    AppUser teacher;
    AppUser ann;
    AppUser bob;
    AppUser otherTeacher;
    AppUser admin;
    SchoolClass room;

    @BeforeEach
    void aClassWithTwoLearnersAndAnotherTeacher() {
        fx = new ClassroomFixtures(users, classes, runs);
        int n = N.incrementAndGet();
        teacher = fx.user("wa-teacher" + n, "Ms Noether", Role.TEACHER);
        ann = fx.user("wa-ann" + n, "Ann", Role.LEARNER);
        bob = fx.user("wa-bob" + n, "Bob", Role.LEARNER);
        otherTeacher = fx.user("wa-other" + n, "Mr Hilbert", Role.TEACHER);
        admin = fx.user("wa-admin" + n, "Admin", Role.ADMIN);
        room = fx.schoolClass("Room W" + n, teacher, ann, bob);
        fx.schoolClass("Other room W" + n, otherTeacher);
    }

    @AfterEach
    void signOut() {
        ClassroomFixtures.signOut();
    }

    private AssignmentDetails withQuestions(List<String> questions) {
        ClassroomFixtures.signIn(teacher);
        return service.create(new AssignmentDraft(room.getId(), "Curves", "Train and look at the curves.",
                List.of(new Rule.MinTestAccuracy(0.85)), null, null, questions));
    }

    private RunJob run(AppUser owner, Hyperparameters hp) {
        return fx.finishedRun(owner, Presets.get("keras-cnn"), hp, 0.9, 5, 485_514);
    }

    private SubmissionDetails annHandsIn(AssignmentDetails a, List<String> answers) {
        ClassroomFixtures.signIn(ann);
        return service.submit(a.id(), run(ann, Hyperparameters.defaults()).getId(), answers);
    }

    private static List<Problem> problems(Runnable action) {
        try {
            action.run();
        } catch (AssignmentException e) {
            return e.problems();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aTeacherAsksQuestionsAndTheyAreKeptStrippedInOrder() {
        AssignmentDetails a = withQuestions(List.of("  " + QUESTIONS.get(0) + "  ", QUESTIONS.get(1)));
        assertThat(service.get(a.id()).questions()).containsExactlyElementsOf(QUESTIONS);
        assertThat(service.get(a.id()).draft().questions()).containsExactlyElementsOf(QUESTIONS);
        // No questions at all is an assignment graded by its rules alone.
        assertThat(withQuestions(List.of()).questions()).isEmpty();
    }

    @Test
    void badQuestionsAreRefusedOneLineEachAndNothingIsSaved() {
        ClassroomFixtures.signIn(teacher);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("Question " + i + "?");
        }
        assertThat(problems(() -> withQuestions(eleven)))
                .containsExactly(new Problem("questions", "At most 10 written questions, please."));
        assertThat(problems(() -> withQuestions(List.of("Fine?", "   "))))
                .containsExactly(new Problem("question 2", "Question 2 is empty: write it or remove it."));
        assertThat(problems(() -> withQuestions(Arrays.asList((String) null))))
                .containsExactly(new Problem("question 1", "Question 1 is empty: write it or remove it."));
        assertThat(problems(() -> withQuestions(List.of("x".repeat(501)))))
                .containsExactly(new Problem("question 1", "Question 1 is too long: at most 500 characters."));
        assertThat(problems(() -> withQuestions(List.of("Why\u0000?"))))
                .containsExactly(new Problem("question 1", "Question 1 contains characters that are not text."));
        assertThat(problems(() -> withQuestions(List.of("Two\nlines?"))))
                .containsExactly(new Problem("question 1", "Question 1 contains characters that are not text."));
        assertThat(service.forClass(room.getId())).isEmpty();

        // Changing an assignment checks them the same way and leaves it as it was.
        AssignmentDetails a = withQuestions(QUESTIONS);
        AssignmentDraft bad = new AssignmentDraft(room.getId(), "Curves", "Train.", List.of(new Rule.MaxEpochs(5)),
                null, null, List.of("", "ok?"));
        assertThat(problems(() -> service.update(a.id(), bad)))
                .containsExactly(new Problem("question 1", "Question 1 is empty: write it or remove it."));
        assertThat(service.get(a.id()).questions()).containsExactlyElementsOf(QUESTIONS);
        assertThat(service.get(a.id()).rules()).containsExactly(new Rule.MinTestAccuracy(0.85));
    }

    @Test
    void aLearnersAnswersAreKeptWithTheirSubmissionEachWithItsQuestion() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        SubmissionDetails s = annHandsIn(a, List.of("  It levels off after epoch 4.  "));
        assertThat(s.answers()).containsExactly(
                new WrittenAnswer(QUESTIONS.get(0), "It levels off after epoch 4."),
                new WrittenAnswer(QUESTIONS.get(1), ""));
        assertThat(s.marked()).isFalse();

        // Changing the questions later does not pair the old answer with a new question.
        ClassroomFixtures.signIn(teacher);
        service.update(a.id(), new AssignmentDraft(room.getId(), "Curves", "Train.", List.of(new Rule.MaxEpochs(10)),
                null, null, List.of("Something else entirely?")));
        assertThat(service.submissions(a.id()).getFirst().answers().getFirst())
                .isEqualTo(new WrittenAnswer(QUESTIONS.get(0), "It levels off after epoch 4."));

        // Before the teacher marks it, the learner may change the answers without handing in again.
        ClassroomFixtures.signIn(ann);
        SubmissionDetails changed = service.answer(s.id(), List.of("A new answer."));
        assertThat(changed.answers()).containsExactly(new WrittenAnswer("Something else entirely?", "A new answer."));
    }

    @Test
    void badAnswersAreRefusedAndNothingIsHandedIn() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        ClassroomFixtures.signIn(ann);
        String runId = run(ann, Hyperparameters.defaults()).getId();
        assertThatThrownBy(() -> service.submit(a.id(), runId, List.of("a", "b", "c")))
                .isInstanceOf(AssignmentException.class).hasMessage("This assignment asks 2 questions, not 3.");
        assertThatThrownBy(() -> service.submit(a.id(), runId, List.of("x".repeat(5_001))))
                .isInstanceOf(AssignmentException.class)
                .hasMessage("Your answer to question 1 is too long: at most 5,000 characters, not 5,001.");
        assertThatThrownBy(() -> service.submit(a.id(), runId, List.of("fine", "bell\u0007")))
                .isInstanceOf(AssignmentException.class)
                .hasMessage("Your answer to question 2 contains characters that are not text.");
        assertThat(service.mySubmissions(a.id())).isEmpty();

        AssignmentDetails noQuestions = withQuestions(List.of());
        ClassroomFixtures.signIn(ann);
        assertThatThrownBy(() -> service.submit(noQuestions.id(), runId, List.of("unasked")))
                .isInstanceOf(AssignmentException.class)
                .hasMessage("This assignment asks no written questions, so there is nothing to answer.");
        // Line breaks and tabs are ordinary text in an answer.
        assertThat(service.submit(a.id(), runId, List.of("line one\nline two\tend")).answers().getFirst().answer())
                .isEqualTo("line one\nline two\tend");
    }

    @Test
    void onlyTheLearnerWhoHandedItInAnswersAndForgedIdsAreRefused() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        SubmissionDetails s = annHandsIn(a, List.of("Mine."));

        ClassroomFixtures.signIn(bob);
        assertThatThrownBy(() -> service.answer(s.id(), List.of("Bob was here.")))
                .isInstanceOf(AccessDeniedException.class).hasMessage("No such submission, or it is not yours.");
        assertThatThrownBy(() -> service.answer(987_654_321L, List.of("x")))
                .isInstanceOf(AccessDeniedException.class).hasMessage("No such submission, or it is not yours.");
        ClassroomFixtures.signIn(teacher);
        assertThatThrownBy(() -> service.answer(s.id(), List.of("The teacher's words.")))
                .isInstanceOf(AccessDeniedException.class).hasMessage("No such submission, or it is not yours.");
        ClassroomFixtures.signOut();
        assertThatThrownBy(() -> service.answer(s.id(), List.of("x"))).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Sign in first.");
        assertThat(submissions.findById(s.id()).orElseThrow().getAnswers().getFirst().answer()).isEqualTo("Mine.");
    }

    @Test
    void theClassesTeacherMarksAndCommentsAndTheLearnerSeesIt() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        SubmissionDetails s = annHandsIn(a, List.of("Yes, until epoch 8.", "Most are in the first dense layer."));

        ClassroomFixtures.signIn(teacher);
        SubmissionDetails marked = service.mark(s.id(), 85, "  Good reading of the curves.  ");
        assertThat(marked.mark()).isEqualTo(85);
        assertThat(marked.comment()).isEqualTo("Good reading of the curves.");
        assertThat(marked.marked()).isTrue();
        // The automatic grade stays as it was, beside the mark.
        assertThat(marked.grade()).isEqualTo(s.grade());

        ClassroomFixtures.signIn(ann);
        assertThat(service.mySubmissions(a.id()).getFirst().mark()).isEqualTo(85);
        assertThat(service.forLearner()).filteredOn(la -> la.assignment().id() == a.id()).singleElement()
                .satisfies(la -> assertThat(la.counted().orElseThrow().comment()).isEqualTo("Good reading of the curves."));
        // Marked answers stay as the teacher read them.
        assertThatThrownBy(() -> service.answer(s.id(), List.of("Changed after marking.")))
                .isInstanceOf(AssignmentException.class).hasMessageStartingWith("Your teacher has already marked");

        // An admin may mark too; a comment alone is fine; clearing both unmarks.
        ClassroomFixtures.signIn(admin);
        assertThat(service.mark(s.id(), null, "See me.").mark()).isNull();
        ClassroomFixtures.signIn(teacher);
        assertThat(service.mark(s.id(), null, "  ").marked()).isFalse();
    }

    @Test
    void badMarksAndCommentsAreRefusedAndOnlyTheTeacherMarks() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        SubmissionDetails s = annHandsIn(a, List.of("Answer."));

        ClassroomFixtures.signIn(teacher);
        service.mark(s.id(), 70, "Fine.");
        assertThatThrownBy(() -> service.mark(s.id(), -1, "x")).isInstanceOf(AssignmentException.class)
                .hasMessage("A mark is a whole number from 0 to 100, not -1.");
        assertThatThrownBy(() -> service.mark(s.id(), 101, "x")).isInstanceOf(AssignmentException.class)
                .hasMessage("A mark is a whole number from 0 to 100, not 101.");
        assertThatThrownBy(() -> service.mark(s.id(), 50, "x".repeat(2_001))).isInstanceOf(AssignmentException.class)
                .hasMessage("The comment is too long: at most 2,000 characters, not 2,001.");
        assertThatThrownBy(() -> service.mark(s.id(), 50, "\u001b[31mred")).isInstanceOf(AssignmentException.class)
                .hasMessage("The comment contains characters that are not text.");
        assertThatThrownBy(() -> service.mark(987_654_321L, 50, "x")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such submission, or it is not yours.");

        ClassroomFixtures.signIn(ann);
        assertThatThrownBy(() -> service.mark(s.id(), 100, "I deserve it.")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only your teacher can mark your submission.");
        assertThatThrownBy(() -> service.mark(s.id(), 100, "Ich verdiene es.")).isInstanceOfSatisfying(NotAllowed.class,
                e -> assertThat(e.text().in(java.util.Locale.GERMAN)).isEqualTo("Nur deine Lehrkraft kann deine Abgabe bewerten."));
        ClassroomFixtures.signIn(bob);
        assertThatThrownBy(() -> service.mark(s.id(), 0, "Ha.")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such submission, or it is not yours.");
        ClassroomFixtures.signIn(otherTeacher);
        assertThatThrownBy(() -> service.mark(s.id(), 0, "Not my class.")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("No such submission, or it is not yours.");
        ClassroomFixtures.signOut();
        assertThatThrownBy(() -> service.mark(s.id(), 0, "x")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Sign in first.");

        Submission stored = submissions.findById(s.id()).orElseThrow();
        assertThat(stored.getMark()).isEqualTo(70);
        assertThat(stored.getTeacherComment()).isEqualTo("Fine.");
    }

    @Test
    void aRunTrainedOnASubsetSaysSoToTheTeacher() {
        AssignmentDetails a = withQuestions(QUESTIONS);
        ClassroomFixtures.signIn(ann);
        SubmissionDetails subset = service.submit(a.id(), run(ann, Hyperparameters.defaults().withLimit(2_000)).getId(),
                List.of());
        SubmissionDetails full = service.submit(a.id(), run(ann, Hyperparameters.defaults()).getId(), List.of());
        // A limit at or above the full set trained on all of it.
        SubmissionDetails all = service.submit(a.id(), run(ann, Hyperparameters.defaults().withLimit(60_000)).getId(),
                List.of());
        assertThat(subset.trainImages()).isEqualTo(2_000);
        assertThat(subset.subsetNote().map(Object::toString)).hasValue("Trained on the first 2,000 of 60,000 training images.");
        assertThat(full.trainImages()).isNull();
        assertThat(full.subsetNote()).isEmpty();
        assertThat(all.trainImages()).isNull();

        ClassroomFixtures.signIn(teacher);
        assertThat(service.submissions(a.id())).extracting(SubmissionDetails::trainImages).containsExactly(2_000, null, null);
        // The counted submission is the earliest of equal grades: the subset run, and the gradebook says so.
        assertThat(gradebooks.gradebook(room.getId()).rows().getFirst().cells().getFirst().subsetNote().map(Object::toString))
                .hasValue("Trained on the first 2,000 of 60,000 training images.");
    }

    @Test
    void theGradebookCsvCarriesAnswersMarksAndCommentsAsTextNotFormulas() throws IOException {
        AssignmentDetails a = withQuestions(QUESTIONS);
        SubmissionDetails s = annHandsIn(a, List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1"));
        ClassroomFixtures.signIn(teacher);
        service.mark(s.id(), 40, "=cmd|' /C calc'!A0");

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(gradebooks.csv(room.getId()))).getRecords();
        assertThat(records.getFirst().values()).containsExactly("Learner", "Username", "Curves (rules passed of 1)",
                "Curves (late)", "Curves (mark of 100)", "Curves (comment)", "Curves (written answers)",
                "Assignments passed in full (of 1)", "Lessons done");
        CSVRecord annRow = records.stream().filter(r -> r.get(0).equals("Ann")).findFirst().orElseThrow();
        assertThat(annRow.get(4)).isEqualTo("40");
        assertThat(annRow.get(5)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(annRow.get(6)).isEqualTo("Q: " + QUESTIONS.get(0) + "\nA: =HYPERLINK(\"http://evil.example\",\"x\")\n\n"
                + "Q: " + QUESTIONS.get(1) + "\nA: +1");
        CSVRecord bobRow = records.stream().filter(r -> r.get(0).equals("Bob")).findFirst().orElseThrow();
        assertThat(bobRow.values()).containsExactly("Bob", bob.getUsername(), "", "", "", "", "", "0", "0");
        for (CSVRecord r : records) {
            for (String cell : r.values()) {
                assertThat(CsvCells.looksLikeFormula(cell)).as(cell).isFalse();
            }
        }
    }

    @Test
    void everyTemplateAsksQuestionsTheServiceAccepts() {
        ClassroomFixtures.signIn(teacher);
        for (AssignmentTemplates.AssignmentTemplate t : AssignmentTemplates.all()) {
            assertThat(t.questions()).as(t.id()).isNotEmpty();
            AssignmentDetails a = service.create(new AssignmentDraft(room.getId(), t.title(), t.instructions(), t.rules(),
                    null, t.id(), t.questions()));
            assertThat(a.questions()).containsExactlyElementsOf(t.questions());
        }
        assertThat(AssignmentTemplates.all()).flatExtracting(AssignmentTemplates.AssignmentTemplate::questions)
                .contains("Does accuracy keep improving after epoch 5? What do the curves show?",
                        "How many parameters does your model have, and where are most of them?");
    }
}
