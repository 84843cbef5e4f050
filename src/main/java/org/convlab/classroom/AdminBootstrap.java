package org.convlab.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh server has someone who can create teachers: at start-up, if there is no admin
 * account yet, creates one from {@code convlab.admin.username} and {@code convlab.admin.password}
 * (or {@code CONVLAB_ADMIN_PASSWORD}). Without a configured password it generates one and logs it
 * once. An existing admin is never touched, so changing the setting later changes nothing.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    enum Outcome { EXISTED, CREATED, NAME_TAKEN }

    private final AppUserRepository users;
    private final AccountService accounts;
    private final String username;
    private final String password;

    AdminBootstrap(AppUserRepository users, AccountService accounts,
            @Value("${convlab.admin.username:admin}") String username,
            @Value("${convlab.admin.password:}") String password) {
        this.users = users;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdmin();
    }

    Outcome ensureAdmin() {
        if (users.existsByRole(Role.ADMIN)) {
            return Outcome.EXISTED;
        }
        String name = AccountRules.normalizeUsername(username);
        if (users.existsByUsername(name)) {
            log.warn("No admin account exists, and the name '{}' belongs to another account: set convlab.admin.username "
                    + "to a free name and restart to create the admin.", name);
            return Outcome.NAME_TAKEN;
        }
        boolean generated = password == null || password.isBlank();
        String initial = generated ? RandomCodes.password() : password;
        if (!generated && initial.length() < AccountRules.MIN_PASSWORD) {
            log.warn("convlab.admin.password is shorter than {} characters, so it was not used.", AccountRules.MIN_PASSWORD);
            initial = RandomCodes.password();
            generated = true;
        }
        accounts.createAdmin(name, initial);
        if (generated) {
            log.warn("Created the admin account '{}' with the password {} (sign in and keep it safe; "
                    + "set convlab.admin.password to choose it yourself).", name, initial);
        } else {
            log.info("Created the admin account '{}' with the password from convlab.admin.password.", name);
        }
        return Outcome.CREATED;
    }
}
