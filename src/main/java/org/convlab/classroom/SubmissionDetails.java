package org.convlab.classroom;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.classroom.grading.Grade;

/**
 * A submission as pages show it.
 *
 * @param runId null once the run was deleted (the grade stays)
 * @param answers the written answers, each with the question it answered
 * @param trainImages training images the run used when trained on a subset; null for the full set
 * @param mark the teacher's mark (0 to 100), null until given
 * @param comment the teacher's comment, null when there is none
 */
public record SubmissionDetails(long id, long assignmentId, long learnerId, String learnerName, String runId,
        String runName, Instant submittedAt, boolean late, Grade grade, List<WrittenAnswer> answers,
        Integer trainImages, Integer mark, String comment, Instant markedAt) {

    static SubmissionDetails of(Submission s) {
        return new SubmissionDetails(s.getId(), s.getAssignment().getId(), s.getLearner().getId(),
                s.getLearner().getDisplayName(), s.getRunId(), s.getRunName(), s.getSubmittedAt(), s.isLate(),
                s.getGrade(), s.getAnswers(), s.getTrainImages(), s.getMark(), s.getTeacherComment(), s.getMarkedAt());
    }

    /** Whether the teacher has given a mark or a comment. */
    public boolean marked() {
        return markedAt != null;
    }

    /** "Trained on the first 2,000 of 60,000 training images." or empty. */
    public Optional<Text> subsetNote() {
        return WrittenWork.subsetNote(trainImages);
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
