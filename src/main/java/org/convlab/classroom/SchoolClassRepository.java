package org.convlab.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SchoolClassRepository extends JpaRepository<SchoolClass, Long> {

    Optional<SchoolClass> findByJoinCode(String joinCode);

    List<SchoolClass> findByTeacherIdOrderByName(Long teacherId);

    @Query("select c from SchoolClass c join c.members m where m.id = :userId order by c.name")
    List<SchoolClass> findByMember(Long userId);

    /** Whether {@code teacherId} teaches a class that {@code learnerId} belongs to. */
    @Query("select count(c) > 0 from SchoolClass c join c.members m where c.teacher.id = :teacherId and m.id = :learnerId")
    boolean teaches(Long teacherId, Long learnerId);
}
