package org.convlab.account;

import org.convlab.i18n.Text;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in account changes its own password: the current one is required (a session left open on
 * a shared classroom computer is not enough), the new one must pass {@link AccountRules#password}.
 * A password reset by a teacher or the admin must be changed this way before anything else. Wrong
 * current passwords count against the account in the sign-in throttle ({@link LoginThrottle}).
 */
@Service
@Transactional
public class PasswordService {

    static final Text WRONG_CURRENT = Text.of("account.password.wrong-current");
    static final Text SAME_AGAIN = Text.of("account.password.same-again");
    static final Text NOT_REPEATED = Text.of("account.password.not-repeated");

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final LoginThrottle throttle;

    public PasswordService(AppUserRepository users, PasswordEncoder passwords, AuditLog audit, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
    }

    /** Changes the password of {@code who} (the signed-in account); refusals change nothing. */
    public void changeOwnPassword(AppUser who, String current, String fresh, String repeated) {
        AppUser user = who == null ? null : users.findById(who.getId()).orElse(null);
        if (user == null || user.isDisabled()) {
            throw new AccountException(Text.of("account.password.sign-in-first"));
        }
        // Guessing the current password from an open session counts like guessing it at sign-in.
        var wait = throttle.waitFor(user.getUsername(), null);
        if (wait.isPresent()) {
            throw new AccountException(new TooManyAttemptsException(wait.get()).text());
        }
        if (current == null || current.isEmpty() || !passwords.matches(current, user.getPasswordHash())) {
            throttle.failed(user.getUsername(), null);
            throw new AccountException(WRONG_CURRENT);
        }
        AccountRules.password(fresh);
        if (!fresh.equals(repeated)) {
            throw new AccountException(NOT_REPEATED);
        }
        if (fresh.equals(current)) {
            throw new AccountException(SAME_AGAIN);
        }
        user.setPasswordHash(passwords.encode(fresh));
        user.setMustChangePassword(false);
        audit.record(user, AuditAction.PASSWORD_CHANGED, user.getUsername());
    }
}
