package org.convlab.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one learner of a personal install: an ordinary learner account, so runs, lesson progress and
 * everything else are kept exactly as a classroom keeps them, and a later switch to classroom mode
 * can hand them over (docs/decisions/013). Its name is too short for anyone to register, and its
 * password is random and never shown, so in classroom mode nobody can sign in as it.
 */
@Component
public class PersonalLearner implements SmartInitializingSingleton {

    public static final String USERNAME = "me";
    static final String DISPLAY_NAME = "You";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AppMode mode;

    public PersonalLearner(AppUserRepository users, PasswordEncoder encoder, AppMode mode) {
        this.users = users;
        this.encoder = encoder;
        this.mode = mode;
    }

    /**
     * In personal mode the account exists before the web server takes its first request (the server
     * starts after every bean is made), so no early request finds nobody at the keyboard.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (mode.isPersonal()) {
            ensure();
        }
    }

    /** The personal learner's account, created the first time personal mode starts on this database. */
    @Transactional
    public AppUser ensure() {
        return users.findByUsername(USERNAME).orElseGet(() -> {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String unusable = encoder.encode(Base64.getEncoder().encodeToString(secret));
            return users.save(new AppUser(USERNAME, DISPLAY_NAME, unusable, Role.LEARNER));
        });
    }

    /** The account, when personal mode has ever run on this database. */
    @Transactional(readOnly = true)
    public Optional<AppUser> find() {
        return users.findByUsername(USERNAME);
    }

    /** Signed in as the personal learner, as the sign-in page would sign them in. */
    static Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                List.of(new SimpleGrantedAuthority(Role.LEARNER.authority())));
    }

    static boolean isPersonalLearner(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && USERNAME.equals(authentication.getName())
                && authentication instanceof UsernamePasswordAuthenticationToken;
    }
}
