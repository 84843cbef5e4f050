package org.convlab.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByAssignmentIdOrderBySubmittedAtAsc(Long assignmentId);

    List<Submission> findByAssignmentIdAndLearnerIdOrderBySubmittedAtAsc(Long assignmentId, Long learnerId);

    List<Submission> findByAssignmentSchoolClassIdOrderBySubmittedAtAsc(Long classId);

    List<Submission> findByLearnerIdOrderBySubmittedAtAsc(Long learnerId);
}
