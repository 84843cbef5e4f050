package org.convlab.training.queue;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.convlab.training.engine.RunState;

public interface RunJobRepository extends JpaRepository<RunJob, String> {

    List<RunJob> findByOwnerIdOrderBySubmittedAtDesc(Long ownerId);

    List<RunJob> findByStatusInOrderByQueuedAtAsc(Collection<RunState> statuses);

    List<RunJob> findByOwnerIdAndStatusIn(Long ownerId, Collection<RunState> statuses);

    List<RunJob> findByGridIdOrderBySubmittedAtAsc(String gridId);

    List<RunJob> findByOwnerIdAndGridIdNotNullOrderBySubmittedAtDesc(Long ownerId);

    List<RunJob> findTop20ByStatusOrderByFinishedAtDesc(RunState status);

    long countByStatus(RunState status);

    long countByOwnerIdAndGridKind(Long ownerId, String gridKind);

    long countByOwnerIdAndStatus(Long ownerId, RunState status);

    long countByOwnerIdAndStatusAndTurns(Long ownerId, RunState status, int turns);

    long countByStatusInAndDevice(Collection<RunState> statuses, String device);

    /** Rows of (device, count) for runs in these states; a run not yet claimed has no device. */
    @Query("select r.device, count(r) from RunJob r where r.status in :statuses group by r.device")
    List<Object[]> countByDevice(Collection<RunState> statuses);

    /** Locks the owner's account row until the transaction ends (serialises their claims). */
    @Query(value = "select id from app_user where id = :ownerId for update", nativeQuery = true)
    Long lockOwner(Long ownerId);

    /** Gives every run of one account to another (a personal install switched to classroom mode). */
    @Modifying
    @Query("update RunJob r set r.ownerId = :to where r.ownerId = :from")
    int transferOwner(Long from, Long to);
}
