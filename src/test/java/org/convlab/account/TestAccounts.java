package org.convlab.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Real accounts for tests, signed in the way Spring Security signs in a browser: the account exists
 * in the test database (so {@link CurrentUser} finds it) and the security context holds a token with
 * its role. Use {@link SignedIn} on a test class or method, or {@link #signIn} inside a test and
 * navigate again afterwards (Vaadin checks access when it navigates).
 */
public final class TestAccounts {

    /** The password of every account made here. */
    public static final String PASSWORD = "test-password";

    private TestAccounts() {}

    /** The account with this name, created with {@link #PASSWORD} and the role if it does not exist yet. */
    public static AppUser ensure(AppUserRepository users, PasswordEncoder encoder, String username, Role role) {
        return users.findByUsername(username).orElseGet(() -> users.save(
                new AppUser(username, displayName(username), encoder.encode(PASSWORD), role)));
    }

    /** Puts the account into the security context of this thread, as a successful login does. */
    public static void signIn(AppUser user) {
        SecurityContextHolder.setContext(context(user));
    }

    /** The account (created with a plain test password if new), signed in on this thread. */
    public static AppUser as(AppUserRepository users, String username, Role role) {
        AppUser user = users.findByUsername(username)
                .orElseGet(() -> users.save(new AppUser(username, displayName(username), "{noop}" + PASSWORD, role)));
        signIn(user);
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    static SecurityContext context(AppUser user) {
        return new SecurityContextImpl(token(user));
    }

    static Authentication token(AppUser user) {
        User principal = (User) User.withUsername(user.getUsername()).password(user.getPasswordHash())
                .authorities(user.getRole().authority()).build();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static String displayName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1);
    }

    /** Makes the account that {@link SignedIn} names, before the test's UI is created. */
    static final class SignedInFactory implements WithSecurityContextFactory<SignedIn> {

        private final AppUserRepository users;
        private final PasswordEncoder encoder;

        SignedInFactory(AppUserRepository users, PasswordEncoder encoder) {
            this.users = users;
            this.encoder = encoder;
        }

        @Override
        public SecurityContext createSecurityContext(SignedIn signedIn) {
            return context(ensure(users, encoder, signedIn.username(), signedIn.role()));
        }
    }
}
