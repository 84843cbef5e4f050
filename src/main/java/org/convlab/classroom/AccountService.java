package org.convlab.classroom;

import org.convlab.i18n.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.AccountRules;
import org.convlab.account.AccountException;
import org.convlab.account.NotYours;
import org.convlab.account.RegistrationPolicy;
import org.convlab.account.RegistrationSettings;
import java.util.concurrent.atomic.AtomicInteger;
/**
 * Accounts and classes: learners register (with a class code, freely, or not at all, as
 * {@link RegistrationPolicy} says), admins create teachers, teachers create classes and add whole
 * class lists from CSV. Every refusal is an {@link AccountException} with a
 * one-line reason, and changes nothing (each method is one transaction).
 */
@Service
@Transactional
public class AccountService {

    private static final Comparator<AppUser> BY_NAME = Comparator.comparing(AppUser::getDisplayName,
            String.CASE_INSENSITIVE_ORDER).thenComparing(AppUser::getUsername);

    /** Why registration is refused on a server with {@code convlab.registration=closed}. */
    public static final String REGISTRATION_CLOSED = "This server does not let people create their own accounts: "
            + "ask your teacher (or the admin) for one.";

    private final AppUserRepository users;
    private final SchoolClassRepository classes;
    private final PasswordEncoder passwords;
    private final RegistrationSettings registration;

    public AccountService(AppUserRepository users, SchoolClassRepository classes, PasswordEncoder passwords,
            RegistrationSettings registration) {
        this.users = users;
        this.classes = classes;
        this.passwords = passwords;
        this.registration = registration;
    }

    /**
     * Self-registration, as this server's {@code convlab.registration} allows: with the class code the
     * teacher handed out (the learner joins that class), open to anyone (a code is optional), or not at all.
     */
    public AppUser registerLearner(String username, String displayName, String password, String classCode) {
        return registerLearner(registration.registration(), username, displayName, password, classCode);
    }

    /** As {@link #registerLearner(String, String, String, String)} under the given policy (tests try each). */
    AppUser registerLearner(RegistrationPolicy policy, String username, String displayName, String password,
            String classCode) {
        if (policy == RegistrationPolicy.CLOSED) {
            throw new AccountException(Text.of("classroom.register.closed"));
        }
        String name = AccountRules.username(username);
        String shown = AccountRules.displayName(displayName);
        AccountRules.password(password);
        // Open registration needs no class; a code typed anyway must be a real one, as it would be later.
        boolean joins = policy == RegistrationPolicy.CLASS_CODE || !AccountRules.normalizeJoinCode(classCode).isEmpty();
        SchoolClass schoolClass = joins ? classByCode(classCode) : null;
        requireFree(name);
        AppUser learner = users.save(new AppUser(name, shown, passwords.encode(password), Role.LEARNER));
        if (schoolClass != null) {
            schoolClass.getMembers().add(learner);
        }
        return learner;
    }

    /** An admin creates a teacher; a blank password is generated. The result carries it in clear, once. */
    public NewAccount createTeacher(AppUser admin, String username, String displayName, String password) {
        if (admin == null || !admin.isAdmin()) {
            throw new AccountException(Text.of("classroom.refusal.only-admin-teachers"));
        }
        String name = AccountRules.username(username);
        String shown = AccountRules.displayName(displayName);
        String initial = password == null || password.isBlank() ? RandomCodes.password() : AccountRules.password(password);
        requireFree(name);
        users.save(new AppUser(name, shown, passwords.encode(initial), Role.TEACHER));
        return new NewAccount(name, shown, initial);
    }

    /** The first admin, made at start-up; see {@link AdminBootstrap}. */
    AppUser createAdmin(String username, String password) {
        String name = AccountRules.username(username);
        AccountRules.password(password);
        requireFree(name);
        return users.save(new AppUser(name, "Administrator", passwords.encode(password), Role.ADMIN));
    }

    /** A new class with a fresh join code that no other class has. */
    public SchoolClass createClass(AppUser teacher, String name) {
        if (teacher == null || !teacher.isTeacher()) {
            throw new AccountException(Text.of("classroom.refusal.only-teachers-classes"));
        }
        String clean = AccountRules.className(name);
        String code = RandomCodes.joinCode();
        for (int tries = 0; classes.findByJoinCode(code).isPresent(); tries++) {
            if (tries > 50) {
                throw new IllegalStateException("no free join code after 50 tries");
            }
            code = RandomCodes.joinCode();
        }
        return classes.save(new SchoolClass(clean, code, teacher));
    }

    /**
     * Creates a learner account for every line of a class list and adds them to the class. If any
     * line is wrong, nothing is created and the exception lists each bad line. Blank passwords are
     * generated; the result holds every first password so the teacher can hand them out.
     */
    public List<NewAccount> importLearners(AppUser teacher, SchoolClass schoolClass, String csv) {
        return importLearners(teacher, schoolClass, csv, ImportProgress.NONE);
    }

    /** As {@link #importLearners(AppUser, SchoolClass, String)}, reporting progress and stoppable. */
    public List<NewAccount> importLearners(AppUser teacher, SchoolClass schoolClass, String csv, ImportProgress progress) {
        SchoolClass target = ownedClass(teacher, schoolClass);
        List<LearnerCsv.Row> rows = LearnerCsv.read(csv);
        List<Text> problems = new ArrayList<>();
        List<NewAccount> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LearnerCsv.Row row : rows) {
            long line = row.line();
            try {
                String name = AccountRules.username(row.username());
                String shown = AccountRules.displayName(row.displayName());
                if (!row.password().isEmpty() && CsvCells.looksLikeFormula(row.password())) {
                    // It goes back to the teacher in the accounts CSV, where a leading =, +, -, @ would
                    // be a formula and an apostrophe in front would change the password.
                    problems.add(Text.of("classroom.csv.line.formula", line));
                    continue;
                }
                String password = row.password().isEmpty() ? RandomCodes.password() : AccountRules.password(row.password());
                if (!seen.add(name)) {
                    problems.add(Text.of("classroom.csv.line.twice", line, name));
                } else if (users.existsByUsername(name)) {
                    problems.add(Text.of("classroom.csv.line.taken", line, name));
                } else {
                    accepted.add(new NewAccount(name, shown, password));
                }
            } catch (AccountException e) {
                problems.add(LearnerCsv.onLine(line, e.text()));
            }
        }
        if (!problems.isEmpty()) {
            throw LearnerCsv.refused(problems);
        }
        // BCrypt is slow on purpose (about 80 ms a password here): hash on every core at once, so a
        // class list of 500 takes half the time on two cores, a quarter on four.
        progress.checked(accepted.size());
        AtomicInteger ready = new AtomicInteger();
        List<String> hashes = accepted.parallelStream().map(account -> {
            if (progress.cancelled()) {
                throw new ImportCancelledException();
            }
            String hash = passwords.encode(account.password());
            progress.accountsReady(ready.incrementAndGet(), accepted.size());
            return hash;
        }).toList();
        for (int i = 0; i < accepted.size(); i++) {
            NewAccount account = accepted.get(i);
            AppUser learner = users.save(new AppUser(account.username(), account.displayName(), hashes.get(i),
                    Role.LEARNER));
            target.getMembers().add(learner);
        }
        return List.copyOf(accepted);
    }

    /** The created accounts as CSV (username, display name, first password) for the teacher to download. */
    public static String accountsCsv(List<NewAccount> accounts) {
        return LearnerCsv.write(accounts);
    }

    /** A signed-in learner joins one more class with its code. */
    public SchoolClass joinClass(AppUser learner, String classCode) {
        if (learner == null) {
            throw new AccountException(Text.of("classroom.refusal.sign-in"));
        }
        SchoolClass schoolClass = classByCode(classCode);
        AppUser member = users.findById(learner.getId()).orElseThrow(() -> new AccountException(Text.of("classroom.refusal.sign-in")));
        if (!schoolClass.getMembers().add(member)) {
            throw new AccountException(Text.of("classroom.refusal.already-in", schoolClass.getName()));
        }
        return schoolClass;
    }

    /** The classes a teacher runs with their learners; an admin sees every class. */
    @Transactional(readOnly = true)
    public List<ClassRoster> rosters(AppUser teacher) {
        if (teacher == null || !teacher.isTeacher()) {
            return List.of();
        }
        List<SchoolClass> list = teacher.isAdmin()
                ? classes.findAll(Sort.by("name"))
                : classes.findByTeacherIdOrderByName(teacher.getId());
        return list.stream().map(this::roster).toList();
    }

    /** One class with its learners, for its teacher (or an admin). */
    @Transactional(readOnly = true)
    public ClassRoster roster(AppUser teacher, SchoolClass schoolClass) {
        return roster(ownedClass(teacher, schoolClass));
    }

    /** The classes a learner belongs to. */
    @Transactional(readOnly = true)
    public List<SchoolClass> classesOf(AppUser learner) {
        return classes.findByMember(learner.getId());
    }

    /** Every account, for the admin page. */
    @Transactional(readOnly = true)
    public List<AppUser> allUsers() {
        return users.findAll(Sort.by("role", "username"));
    }

    private ClassRoster roster(SchoolClass schoolClass) {
        List<AppUser> members = new ArrayList<>(schoolClass.getMembers());
        members.sort(BY_NAME);
        return new ClassRoster(schoolClass, List.copyOf(members));
    }

    private SchoolClass ownedClass(AppUser teacher, SchoolClass schoolClass) {
        SchoolClass current = classes.findById(schoolClass.getId())
                .orElseThrow(() -> new AccountException(NotYours.text(NotYours.CLASS).orElseThrow()));
        boolean allowed = teacher != null && (teacher.isAdmin()
                || teacher.isTeacher() && current.getTeacher().getId().equals(teacher.getId()));
        if (!allowed) {
            throw new AccountException(NotYours.text(NotYours.CLASS).orElseThrow());
        }
        return current;
    }

    private SchoolClass classByCode(String classCode) {
        String code = AccountRules.normalizeJoinCode(classCode);
        if (code.isEmpty()) {
            throw new AccountException(Text.of("classroom.refusal.code.empty"));
        }
        if (!code.matches("[A-Z0-9]{1,32}")) {
            // Codes are letters and digits; anything else is no code, and never reaches the database.
            throw new AccountException(Text.of("classroom.refusal.code.invalid"));
        }
        return classes.findByJoinCode(code).orElseThrow(() -> new AccountException(
                Text.of("classroom.refusal.code.unknown", code)));
    }

    private void requireFree(String username) {
        if (users.existsByUsername(username)) {
            throw new AccountException(Text.of("classroom.refusal.username-taken", username));
        }
    }
}
