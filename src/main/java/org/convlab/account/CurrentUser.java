package org.convlab.account;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account behind the current request (a page, a download or an API call), looked up fresh
 * from the database so a changed role or a deleted account takes effect at once.
 */
@Component
public class CurrentUser {

    private final AppUserRepository users;

    public CurrentUser(AppUserRepository users) {
        this.users = users;
    }

    /** The signed-in account, or empty for a guest. */
    @Transactional(readOnly = true)
    public Optional<AppUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return users.findByUsername(auth.getName());
    }

    /** The signed-in account; a guest is refused. */
    public AppUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
