package org.convlab.classroom;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findBySchoolClassIdOrderByCreatedAtAscIdAsc(Long classId);

    List<Assignment> findBySchoolClassIdInOrderByCreatedAtAscIdAsc(Collection<Long> classIds);
}
