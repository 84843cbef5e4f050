package org.convlab.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByAssignmentIdOrderBySubmittedAtAscIdAsc(Long assignmentId);

    List<Submission> findByAssignmentIdAndLearnerIdOrderBySubmittedAtAscIdAsc(Long assignmentId, Long learnerId);

    List<Submission> findByAssignmentSchoolClassIdOrderBySubmittedAtAscIdAsc(Long classId);

    List<Submission> findByLearnerIdOrderBySubmittedAtAscIdAsc(Long learnerId);

    long countByAssignmentSchoolClassId(Long classId);
}
