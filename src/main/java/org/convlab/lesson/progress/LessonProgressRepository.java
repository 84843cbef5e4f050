package org.convlab.lesson.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LessonProgressRepository extends JpaRepository<LessonProgressRecord, Long> {

    List<LessonProgressRecord> findByUserIdOrderByLessonAsc(Long userId);

    List<LessonProgressRecord> findByUserIdIn(Collection<Long> userIds);

    Optional<LessonProgressRecord> findByUserIdAndLesson(Long userId, String lesson);
}
