package org.convlab.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    Optional<AppUser> findFirstByRoleOrderByIdAsc(Role role);

    long countByRoleAndDisabledFalse(Role role);

    /** Locks the accounts of a role until the transaction ends (the last admin is never disabled). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.role = :role")
    List<AppUser> lockByRole(Role role);
}
