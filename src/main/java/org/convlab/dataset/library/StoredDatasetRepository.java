package org.convlab.dataset.library;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StoredDatasetRepository extends JpaRepository<StoredDataset, Long> {

    Optional<StoredDataset> findByKey(String key);

    long countByOwnerId(long ownerId);

    /** The owner's own data sets and those of the given classes, newest first. */
    @Query("select d from StoredDataset d where d.ownerId = :owner or d.classId in :classes order by d.createdAt desc")
    List<StoredDataset> findVisible(@Param("owner") long owner, @Param("classes") Collection<Long> classes);

    List<StoredDataset> findAllByOrderByCreatedAtDesc();

    /** Gives one account's data sets to another (a personal install's learner handing over to a class's). */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update StoredDataset d set d.ownerId = :to where d.ownerId = :from")
    int handOver(@Param("from") long from, @Param("to") long to);
}
