package org.convlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.convlab.classroom.grading.Grade;
import org.convlab.classroom.grading.RuleJson;

import org.convlab.account.AppUser;
/** One run a learner handed in for an assignment, with the grade it got. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "learner_id")
    private AppUser learner;

    /** Null once the run was deleted. */
    @Column(name = "run_id", length = 120)
    private String runId;

    @Column(name = "run_name", nullable = false, length = 120)
    private String runName;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(nullable = false)
    private boolean late;

    @Column(name = "results_json", nullable = false)
    private String resultsJson;

    @Column(nullable = false)
    private int passed;

    @Column(nullable = false)
    private int total;

    @Column(name = "graded_at", nullable = false)
    private Instant gradedAt;

    /** The written answers, each with its question (WrittenWork). */
    @Column(name = "answers_json", nullable = false)
    private String answersJson = "[]";

    /** Training images the run used when it was trained on a subset; null for the full set. */
    @Column(name = "train_images")
    private Integer trainImages;

    /** The teacher's mark, 0 to 100; null until given. */
    @Column(name = "mark")
    private Integer mark;

    @Column(name = "teacher_comment", length = 2000)
    private String teacherComment;

    @Column(name = "marked_at")
    private Instant markedAt;

    protected Submission() {}

    public Submission(Assignment assignment, AppUser learner, String runId, String runName, Instant submittedAt,
            Grade grade) {
        this.assignment = assignment;
        this.learner = learner;
        this.runId = runId;
        this.runName = runName;
        this.submittedAt = Assignment.micros(submittedAt);
        this.late = assignment.isLate(submittedAt);
        record(grade);
    }

    /** Marks it late or on time again by the assignment's due date (which the teacher may have moved). */
    public void recheckLate() {
        this.late = assignment.isLate(submittedAt);
    }

    /** Stores {@code grade} as this submission's grade. */
    public void record(Grade grade) {
        this.resultsJson = RuleJson.writeResults(grade.results());
        this.passed = grade.passed();
        this.total = grade.total();
        this.gradedAt = Assignment.micros(Instant.now());
    }

    /** Replaces the written answers (the service has checked them). */
    public void answer(List<WrittenAnswer> answers) {
        this.answersJson = WrittenWork.writeAnswers(answers);
    }

    public void recordTrainImages(Integer trainImages) {
        this.trainImages = trainImages;
    }

    /** The teacher's mark and comment (either may be null: cleared). */
    public void mark(Integer mark, String comment) {
        this.mark = mark;
        this.teacherComment = comment;
        this.markedAt = mark == null && comment == null ? null : Assignment.micros(Instant.now());
    }

    public boolean isMarked() {
        return markedAt != null;
    }

    public Long getId() { return id; }
    public Assignment getAssignment() { return assignment; }
    public AppUser getLearner() { return learner; }
    public String getRunId() { return runId; }
    public String getRunName() { return runName; }
    public Instant getSubmittedAt() { return submittedAt; }
    public boolean isLate() { return late; }
    public Grade getGrade() { return new Grade(RuleJson.parseResults(resultsJson)); }
    public int getPassed() { return passed; }
    public int getTotal() { return total; }
    public Instant getGradedAt() { return gradedAt; }
    public List<WrittenAnswer> getAnswers() { return WrittenWork.parseAnswers(answersJson); }
    public Integer getTrainImages() { return trainImages; }
    public Integer getMark() { return mark; }
    public String getTeacherComment() { return teacherComment; }
    public Instant getMarkedAt() { return markedAt; }
}
