package org.convlab.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Optional;
import org.convlab.account.AccountRules;
import org.convlab.account.AppMode;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.PersonalLearner;
import org.convlab.account.Role;
import org.convlab.training.queue.RunQueue;

/**
 * The accounts a server needs at start-up, by mode (docs/decisions/013).
 * <p>
 * Personal mode: the one learner's account, which gets the runs trained on the command line.
 * <p>
 * Classroom mode: someone who can create teachers. If there is no admin account yet, creates one from
 * {@code convlab.admin.username} and {@code convlab.admin.password} (or {@code CONVLAB_ADMIN_PASSWORD}).
 * Without a configured password it generates one and logs it once. An existing admin is never
 * touched, so changing the setting later changes nothing. A database that was a personal install
 * keeps everything ({@link PersonalHandOver}).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    enum Outcome { EXISTED, CREATED, NAME_TAKEN }


    private final AppUserRepository users;
    private final AccountService accounts;
    private final String username;
    private final String password;
    private final RunQueue queue;
    private final AppMode mode;
    private final PersonalLearner personal;
    private final PersonalHandOver handOver;
    private boolean adoptRuns = true;

    AdminBootstrap(AppUserRepository users, AccountService accounts,
            @Value("${convlab.admin.username:admin}") String username,
            @Value("${convlab.admin.password:}") String password, RunQueue queue, AppMode mode,
            PersonalLearner personal, PersonalHandOver handOver) {
        this.queue = queue;
        this.mode = mode;
        this.personal = personal;
        this.handOver = handOver;
        this.users = users;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    /** Tests that put run folders in place themselves turn this off ({@code convlab.runs.adopt-on-start}). */
    @org.springframework.beans.factory.annotation.Autowired
    void setAdoptRuns(@Value("${convlab.runs.adopt-on-start:true}") boolean adoptRuns) {
        this.adoptRuns = adoptRuns;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mode.isPersonal()) {
            // The personal learner exists already (PersonalLearner, before the server started).
            if (users.existsByRole(Role.ADMIN)) {
                // An operator who upgraded a class server and forgot the mode: say why nobody can reach it.
                log.warn("ConvLab is in personal mode (one learner, no sign-in, this computer only), but this database "
                        + "has a class's accounts: to serve the class, start it with --convlab.mode=classroom "
                        + "(CONVLAB_MODE=classroom). The accounts and their runs are kept either way.");
            }
        } else {
            ensureAdmin();
            handOver.run();
        }
        adoptCommandLineRuns();
    }

    /**
     * Runs trained with the {@code train} command land in the runs folder with no owner; the personal
     * learner gets them, or in classroom mode the admin, so they show on the run pages (and can be
     * shared by a teacher's demo).
     */
    void adoptCommandLineRuns() {
        if (!adoptRuns) {
            return;
        }
        Optional<AppUser> owner = mode.isPersonal() ? personal.find() : users.findFirstByRoleOrderByIdAsc(Role.ADMIN);
        owner.ifPresent(admin -> {
            try {
                int adopted = queue.adoptFolders(admin.getId());
                if (adopted > 0) {
                    log.info("{} run folder(s) trained on the command line now belong to '{}'.", adopted,
                            admin.getUsername());
                }
            } catch (RuntimeException e) {
                log.warn("Could not list the runs folder: {}", e.getMessage());
            }
        });
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
