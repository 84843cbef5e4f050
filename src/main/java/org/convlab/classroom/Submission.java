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
}
