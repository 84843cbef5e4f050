package org.convlab.training;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RunJobRepository extends JpaRepository<RunJob, String> {

    List<RunJob> findByOwnerIdOrderBySubmittedAtDesc(Long ownerId);

    List<RunJob> findByStatusInOrderByQueuedAtAsc(Collection<RunJob.Status> statuses);

    List<RunJob> findByOwnerIdAndStatusIn(Long ownerId, Collection<RunJob.Status> statuses);

    List<RunJob> findByGridIdOrderBySubmittedAtAsc(String gridId);

    long countByStatus(RunJob.Status status);
}
