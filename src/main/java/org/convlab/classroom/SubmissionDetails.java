package org.convlab.classroom;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convlab.classroom.grading.Grade;

/**
 * A submission as pages show it.
 *
 * @param runId null once the run was deleted (the grade stays)
 */
public record SubmissionDetails(long id, long assignmentId, long learnerId, String learnerName, String runId,
        String runName, Instant submittedAt, boolean late, Grade grade) {

    static SubmissionDetails of(Submission s) {
        return new SubmissionDetails(s.getId(), s.getAssignment().getId(), s.getLearner().getId(),
                s.getLearner().getDisplayName(), s.getRunId(), s.getRunName(), s.getSubmittedAt(), s.isLate(),
                s.getGrade());
    }

    /**
     * Which of a learner's submissions to one assignment counts: the one that passed the most rules,
     * and of those the earliest, so trying something new after a good run never costs a grade and a
     * later (perhaps late) copy of the same score does not replace an on-time one.
     */
    public static Optional<SubmissionDetails> counted(List<SubmissionDetails> submissions) {
        return submissions.stream().min(Comparator
                .comparingInt((SubmissionDetails s) -> -s.grade().passed())
                .thenComparing(SubmissionDetails::submittedAt)
                .thenComparingLong(SubmissionDetails::id));
    }
}
