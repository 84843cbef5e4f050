package org.convlab.classroom;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts an account (created if new) into the security context, as signing in does. */
public final class SignedIn {

    private SignedIn() {}

    public static AppUser as(AppUserRepository users, String username, Role role) {
        AppUser user = users.findByUsername(username)
                .orElseGet(() -> users.save(new AppUser(username, username, "{noop}password", role)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        return user;
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
