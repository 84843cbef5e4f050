package org.convlab.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    Optional<AppUser> findFirstByRoleOrderByIdAsc(Role role);

    long countByRoleAndDisabledFalse(Role role);
}
