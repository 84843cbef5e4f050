package org.convlab.classroom;

import org.convlab.i18n.Text;
import org.convlab.classroom.grading.RuleKind;
import org.convlab.dataset.library.DatasetCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.convlab.classroom.AssignmentException.Problem;
import org.convlab.classroom.grading.Grade;
import org.convlab.classroom.grading.Grader;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.account.NotYours;
import org.convlab.training.engine.RunState;
/**
 * Assignments and submissions. Every method works for the signed-in account and checks it itself:
 * a teacher sets and changes assignments of their own classes and sees their submissions; a learner
 * sees the assignments of their classes and submits their own finished runs, graded at once.
 * Admins may do what a class's teacher may.
 */
@Service
public class AssignmentService {

    static final int MAX_TITLE = 200;
    static final int MAX_INSTRUCTIONS = 20_000;
    static final int MAX_RULES = 30;

    private final CurrentUser current;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final SchoolClassRepository classes;
    private final RunJobRepository runs;

    private final DatasetCatalog datasets;

    public AssignmentService(CurrentUser current, AssignmentRepository assignments, SubmissionRepository submissions,
            SchoolClassRepository classes, RunJobRepository runs, DatasetCatalog datasets) {
        this.datasets = datasets;
        this.current = current;
        this.assignments = assignments;
        this.submissions = submissions;
        this.classes = classes;
        this.runs = runs;
    }

    /** How the signed-in account relates to an assignment: it decides what its page shows. */
    public enum Standing { TEACHER, LEARNER }

    // ---- teachers ----

    /** The classes the signed-in teacher teaches (every class, for an admin). */
    @Transactional(readOnly = true)
    public List<ClassSummary> classesITeach() {
        AppUser me = current.require();
        List<SchoolClass> mine = me.isAdmin()
                ? classes.findAll().stream().sorted(Comparator.comparing(SchoolClass::getName)).toList()
                : classes.findByTeacherIdOrderByName(me.getId());
        return mine.stream().map(ClassSummary::of).toList();
    }

    @Transactional
    public AssignmentDetails create(AssignmentDraft draft) {
        AppUser me = current.require();
        if (draft.classId() == null) {
            throw new AssignmentException(List.of(new Problem("class", Text.of("classroom.refusal.choose-class"))));
        }
        SchoolClass schoolClass = classes.findById(draft.classId()).orElseThrow(NotYours::clazz);
        requireTeacher(me, schoolClass);
        List<String> questions = check(draft);
        Assignment assignment = new Assignment(schoolClass, draft.title().strip(), draft.instructions().strip(),
                draft.rules(), questions, draft.dueAt(), knownTemplate(draft.template()));
        return AssignmentDetails.of(assignments.save(assignment));
    }

    /**
     * Changes an assignment (its class stays). Every submission made so far is graded again by the
     * new rules, so the gradebook never mixes old and new rules (submissions whose run was deleted
     * keep their grade), and marked late or not by the new due date.
     */
    @Transactional
    public AssignmentDetails update(long assignmentId, AssignmentDraft draft) {
        AppUser me = current.require();
        Assignment assignment = find(assignmentId);
        requireTeacher(me, assignment.getSchoolClass());
        List<String> questions = check(draft);
        assignment.change(draft.title().strip(), draft.instructions().strip(), draft.rules(), questions, draft.dueAt());
        for (Submission s : submissions.findByAssignmentIdOrderBySubmittedAtAscIdAsc(assignmentId)) {
            s.recheckLate();
            if (s.getRunId() != null) {
                runs.findById(s.getRunId()).ifPresent(run -> {
                    s.record(grade(assignment, run));
                    s.recordTrainImages(GradedRuns.trainImages(run));
                });
            }
        }
        return AssignmentDetails.of(assignment);
    }

    /** Every submission to an assignment, oldest first; its teacher only. */
    @Transactional(readOnly = true)
    public List<SubmissionDetails> submissions(long assignmentId) {
        AppUser me = current.require();
        Assignment assignment = find(assignmentId);
        requireTeacher(me, assignment.getSchoolClass());
        return submissions.findByAssignmentIdOrderBySubmittedAtAscIdAsc(assignmentId).stream()
                .map(SubmissionDetails::of).toList();
    }

    // ---- everyone in the class ----

    /** The assignments of a class, oldest first; for its teacher and its learners. */
    @Transactional(readOnly = true)
    public List<AssignmentDetails> forClass(long classId) {
        AppUser me = current.require();
        SchoolClass schoolClass = classes.findById(classId).orElseThrow(NotYours::clazz);
        if (!teaches(me, schoolClass) && !isMember(me, classId)) {
            throw NotYours.clazz();
        }
        return assignments.findBySchoolClassIdOrderByCreatedAtAscIdAsc(classId).stream().map(AssignmentDetails::of).toList();
    }

    @Transactional(readOnly = true)
    public AssignmentDetails get(long assignmentId) {
        AppUser me = current.require();
        Assignment assignment = find(assignmentId);
        standing(me, assignment);
        return AssignmentDetails.of(assignment);
    }

    /** Whether the signed-in account sees this assignment as its teacher or as a learner in the class. */
    @Transactional(readOnly = true)
    public Standing standing(long assignmentId) {
        return standing(current.require(), find(assignmentId));
    }

    // ---- learners ----

    /** The signed-in learner's assignments from all their classes, soonest due first (no due date last). */
    @Transactional(readOnly = true)
    public List<LearnerAssignment> forLearner() {
        AppUser me = current.require();
        Set<Long> classIds = classes.findByMember(me.getId()).stream().map(SchoolClass::getId).collect(Collectors.toSet());
        if (classIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SubmissionDetails>> mine = submissions.findByLearnerIdOrderBySubmittedAtAscIdAsc(me.getId()).stream()
                .map(SubmissionDetails::of)
                .collect(Collectors.groupingBy(SubmissionDetails::assignmentId));
        return assignments.findBySchoolClassIdInOrderByCreatedAtAscIdAsc(classIds).stream()
                .map(AssignmentDetails::of)
                .sorted(Comparator.comparing(AssignmentDetails::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> {
                    List<SubmissionDetails> own = mine.getOrDefault(a.id(), List.of());
                    return new LearnerAssignment(a, SubmissionDetails.counted(own), own.size());
                })
                .toList();
    }

    /** The signed-in learner's finished runs, newest first: the ones they can submit. */
    @Transactional(readOnly = true)
    public List<RunChoice> submittableRuns() {
        AppUser me = current.require();
        return runs.findByOwnerIdAndStatusIn(me.getId(), List.of(RunState.DONE)).stream()
                // A lesson's practice runs (lesson 9's live network) are not the learner's work to hand in.
                .filter(r -> !r.isLessonRun())
                .sorted(Comparator.comparing(RunJob::getFinishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(r -> new RunChoice(r.getId(), r.getName(), r.getTestAccuracy(), r.getFinishedAt()))
                .toList();
    }

    /**
     * Hands in one of the signed-in learner's finished runs and grades it at once. Submitting again
     * is allowed; every submission is kept and the best one counts ({@link SubmissionDetails#counted}).
     * After the due date a submission is still taken, marked late.
     */
    @Transactional
    public SubmissionDetails submit(long assignmentId, String runId) {
        return submit(assignmentId, runId, List.of());
    }

    /**
     * Hands in a run with the learner's answers to the assignment's written questions (one per
     * question, in order; fewer leaves the rest blank). Answers are checked before anything is kept.
     */
    @Transactional
    public SubmissionDetails submit(long assignmentId, String runId, List<String> answers) {
        AppUser me = current.require();
        Assignment assignment = find(assignmentId);
        if (!isMember(me, assignment.getSchoolClass().getId())) {
            if (!teaches(me, assignment.getSchoolClass())) {
                throw NotYours.assignment();
            }
            throw new NotAllowed(Text.of("classroom.refusal.only-learners-hand-in"));
        }
        if (runId == null || runId.isBlank()) {
            throw new AssignmentException(Text.of("classroom.refusal.choose-run"));
        }
        // Someone else's run and a missing one read alike (NotYours).
        RunJob run = runs.findById(runId).filter(r -> Objects.equals(r.getOwnerId(), me.getId()))
                .orElseThrow(() -> new AssignmentException(NotYours.text(NotYours.RUN).orElseThrow()));
        if (run.isLessonRun()) {
            throw new AssignmentException(Text.of("classroom.refusal.lesson-run"));
        }
        if (run.getStatus() != RunState.DONE) {
            throw new AssignmentException(notFinished(run));
        }
        List<WrittenAnswer> written = WrittenWork.answers(assignment.getQuestions(), answers);
        Submission submission = new Submission(assignment, me, run.getId(), run.getName(), Instant.now(),
                grade(assignment, run));
        submission.answer(written);
        submission.recordTrainImages(GradedRuns.trainImages(run));
        return SubmissionDetails.of(submissions.save(submission));
    }

    /**
     * Changes the written answers of one of the signed-in learner's own submissions, until the
     * teacher has marked it (then the marked answers stay as they were read; handing in again
     * gives a new submission to answer).
     */
    @Transactional
    public SubmissionDetails answer(long submissionId, List<String> answers) {
        AppUser me = current.require();
        Submission submission = submissions.findById(submissionId)
                .filter(s -> s.getLearner().getId().equals(me.getId()))
                .orElseThrow(NotYours::submission);
        if (submission.isMarked()) {
            throw new AssignmentException(Text.of("classroom.refusal.already-marked"));
        }
        submission.answer(WrittenWork.answers(submission.getAssignment().getQuestions(), answers));
        return SubmissionDetails.of(submission);
    }

    /**
     * The teacher's mark (0 to 100, or null for none) and comment on a submission, beside its
     * automatic grade; for the class's teacher (or an admin) only. Both null clears them.
     */
    @Transactional
    public SubmissionDetails mark(long submissionId, Integer mark, String comment) {
        AppUser me = current.require();
        Submission submission = submissions.findById(submissionId).orElseThrow(NotYours::submission);
        if (!teaches(me, submission.getAssignment().getSchoolClass())) {
            if (submission.getLearner().getId().equals(me.getId())) {
                throw new NotAllowed(Text.of("classroom.refusal.only-teacher-marks"));
            }
            throw NotYours.submission();
        }
        submission.mark(mark, WrittenWork.comment(mark, comment));
        return SubmissionDetails.of(submission);
    }

    /** The signed-in learner's own submissions to an assignment, oldest first. */
    @Transactional(readOnly = true)
    public List<SubmissionDetails> mySubmissions(long assignmentId) {
        AppUser me = current.require();
        Assignment assignment = find(assignmentId);
        standing(me, assignment);
        return submissions.findByAssignmentIdAndLearnerIdOrderBySubmittedAtAscIdAsc(assignmentId, me.getId()).stream()
                .map(SubmissionDetails::of).toList();
    }

    /**
     * Grades a submission again from its run's stored facts and the assignment's rules; for the
     * learner who made it and the class's teacher. With unchanged rules the grade is the same.
     */
    @Transactional
    public SubmissionDetails regrade(long submissionId) {
        AppUser me = current.require();
        Submission submission = submissions.findById(submissionId)
                .orElseThrow(NotYours::submission);
        Assignment assignment = submission.getAssignment();
        if (!submission.getLearner().getId().equals(me.getId()) && !teaches(me, assignment.getSchoolClass())) {
            throw NotYours.submission();
        }
        RunJob run = submission.getRunId() == null ? null : runs.findById(submission.getRunId()).orElse(null);
        if (run == null) {
            throw new AssignmentException(Text.of("classroom.refusal.run-deleted"));
        }
        submission.record(grade(assignment, run));
        submission.recordTrainImages(GradedRuns.trainImages(run));
        return SubmissionDetails.of(submission);
    }

    // ---- the rules of access ----

    private Grade grade(Assignment assignment, RunJob run) {
        return Grader.grade(assignment.getRules(), GradedRuns.from(run, key -> datasets.nameOf(key).orElse(null)));
    }

    /**
     * The data sets the signed-in teacher may name in a rule ("Trained on a chosen data set"): the
     * built-in ones and those made for their classes, never a private one a class could not use.
     */
    public List<RuleKind.DatasetOption> datasetsForRules() {
        return current.get().map(datasets::choicesForClasses).orElse(List.of()).stream()
                .map(c -> new RuleKind.DatasetOption(c.key(), c.name())).toList();
    }

    private Assignment find(long id) {
        return assignments.findById(id).orElseThrow(NotYours::assignment);
    }

    static boolean teaches(AppUser user, SchoolClass schoolClass) {
        return user.isAdmin() || schoolClass.getTeacher().getId().equals(user.getId());
    }

    static void requireTeacher(AppUser user, SchoolClass schoolClass) {
        if (!teaches(user, schoolClass)) {
            throw NotYours.clazz();
        }
    }

    private boolean isMember(AppUser user, long classId) {
        return classes.findByMember(user.getId()).stream().anyMatch(c -> c.getId() == classId);
    }

    private Standing standing(AppUser me, Assignment assignment) {
        if (teaches(me, assignment.getSchoolClass())) {
            return Standing.TEACHER;
        }
        if (isMember(me, assignment.getSchoolClass().getId())) {
            return Standing.LEARNER;
        }
        throw NotYours.assignment();
    }

    private static Text notFinished(RunJob run) {
        String name = run.getName();
        return switch (run.getStatus()) {
            case QUEUED -> Text.of("classroom.refusal.run.queued", name);
            case RUNNING, EVALUATING -> Text.of("classroom.refusal.run.training", name);
            case FAILED -> Text.of("classroom.refusal.run.failed", name);
            case CANCELLED -> Text.of("classroom.refusal.run.cancelled", name);
            case DONE -> Text.of("classroom.refusal.run.done", name);
        };
    }

    /** Refuses a draft with every problem named by field; returns its written questions, stripped. */
    private static List<String> check(AssignmentDraft draft) {
        List<Problem> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add(new Problem("title", Text.of("classroom.refusal.title.empty")));
        } else if (draft.title().strip().length() > MAX_TITLE) {
            problems.add(new Problem("title", Text.of("classroom.refusal.title.too-long", (long) MAX_TITLE)));
        }
        if (draft.instructions() == null || draft.instructions().isBlank()) {
            problems.add(new Problem("instructions", Text.of("classroom.refusal.instructions.empty")));
        } else if (draft.instructions().strip().length() > MAX_INSTRUCTIONS) {
            problems.add(new Problem("instructions", Text.of("classroom.refusal.instructions.too-long",
                    (long) MAX_INSTRUCTIONS)));
        }
        if (draft.rules().isEmpty()) {
            problems.add(new Problem("rules", Text.of("classroom.refusal.rules.none")));
        } else if (draft.rules().size() > MAX_RULES) {
            problems.add(new Problem("rules", Text.of("classroom.refusal.rules.too-many", (long) MAX_RULES)));
        }
        List<String> questions = WrittenWork.questions(draft.questions(), problems);
        if (!problems.isEmpty()) {
            throw new AssignmentException(problems);
        }
        return questions;
    }

    private static String knownTemplate(String id) {
        return id == null ? null : AssignmentTemplates.find(id).map(AssignmentTemplates.AssignmentTemplate::id).orElse(null);
    }
}
