package org.convlab.classroom;

import org.convlab.i18n.Text;
import java.util.Objects;
import org.convlab.account.AccountException;
import org.convlab.account.AccountRules;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.AuditLog;
import org.convlab.account.NotYours;
import org.convlab.account.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looking after accounts and classes (docs/decisions/008): a teacher resets the password of a
 * learner in one of their classes, removes a learner from a class, renames or deletes a class; the
 * admin resets teachers' and learners' passwords and disables or enables accounts. The acting
 * account is looked up fresh (a view may hold an old copy), every refusal is one line and changes
 * nothing, and every change is written to the {@link AuditLog} in the same transaction.
 */
@Service
@Transactional
public class AccountCare {

    // The refusals in English, as tests and logs read them; each page shows its key's words (classroom.care.*).
    static final String NOT_YOUR_LEARNER = "No such learner in your classes.";
    static final String NO_SUCH_ACCOUNT = "No such account.";
    static final String NOT_IN_CLASS = "That learner is not in this class.";
    static final String ADMIN_RESET = "An admin's password is changed on their own account page (My account), "
            + "not reset here.";
    static final String ONLY_ADMIN_DISABLES = "Only an admin can disable or enable accounts.";
    static final String NOT_YOURSELF = "You cannot disable your own account.";
    static final String LAST_ADMIN = "This is the last admin who can sign in; it cannot be disabled.";

    private final AppUserRepository users;
    private final SchoolClassRepository classes;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public AccountCare(AppUserRepository users, SchoolClassRepository classes, AssignmentRepository assignments,
            SubmissionRepository submissions, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.classes = classes;
        this.assignments = assignments;
        this.submissions = submissions;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * A new first password for a learner of one of the teacher's classes (the admin: for any
     * teacher or learner). It is returned in clear once; the account must change it at its next
     * sign-in. A teacher asking about anyone else, or an id that does not exist, gets the same line.
     */
    public NewAccount resetPassword(AppUser actor, long userId) {
        AppUser by = acting(actor);
        AppUser target;
        if (by.isAdmin()) {
            target = users.findById(userId).orElseThrow(() -> new AccountException(Text.of("classroom.care.no-such-account")));
            if (target.isAdmin()) {
                throw new AccountException(Text.of("classroom.care.admin-reset"));
            }
        } else if (by.isTeacher()) {
            target = users.findById(userId)
                    .filter(u -> u.getRole() == Role.LEARNER && classes.teaches(by.getId(), u.getId()))
                    .orElseThrow(() -> new AccountException(Text.of("classroom.care.not-your-learner")));
        } else {
            throw new AccountException(Text.of("classroom.care.only-staff-resets"));
        }
        String first = RandomCodes.password();
        target.setPasswordHash(passwords.encode(first));
        target.setMustChangePassword(true);
        audit.record(by, AuditAction.PASSWORD_RESET, target.getUsername());
        return new NewAccount(target.getUsername(), target.getDisplayName(), first);
    }

    /**
     * Takes a learner out of a class: only the membership goes. Their account, runs and submissions
     * stay (the teacher no longer sees their runs unless they share another class).
     */
    public void removeLearner(AppUser teacher, long classId, long learnerId) {
        AppUser by = acting(teacher);
        SchoolClass schoolClass = ownedClass(by, classId);
        AppUser learner = schoolClass.getMembers().stream().filter(m -> m.getId() == learnerId).findFirst()
                .orElseThrow(() -> new AccountException(Text.of("classroom.care.not-in-class")));
        schoolClass.getMembers().remove(learner);
        audit.record(by, AuditAction.LEARNER_REMOVED, learner.getUsername() + " from " + describe(schoolClass));
    }

    public SchoolClass renameClass(AppUser teacher, long classId, String name) {
        AppUser by = acting(teacher);
        SchoolClass schoolClass = ownedClass(by, classId);
        String clean = AccountRules.className(name);
        if (clean.equals(schoolClass.getName())) {
            return schoolClass;
        }
        String before = describe(schoolClass);
        schoolClass.setName(clean);
        audit.record(by, AuditAction.CLASS_RENAMED, before + " to \"" + clean + "\"");
        return schoolClass;
    }

    /** What deleting the class would do (for the confirmation), or why it is not deleted. */
    @Transactional(readOnly = true)
    public ClassDeletion deletion(AppUser teacher, long classId) {
        SchoolClass schoolClass = ownedClass(acting(teacher), classId);
        return new ClassDeletion(schoolClass.getId(), schoolClass.getName(), schoolClass.getJoinCode(),
                schoolClass.getMembers().size(),
                assignments.findBySchoolClassIdOrderByCreatedAtAscIdAsc(schoolClass.getId()).size(),
                submissions.countByAssignmentSchoolClassId(schoolClass.getId()));
    }

    /**
     * Deletes a class with its join code, its memberships and its assignments, when none of its
     * assignments has a submission; with submissions it is refused, so no grade is ever lost.
     * Learners keep their accounts and runs either way.
     */
    public void deleteClass(AppUser teacher, long classId) {
        AppUser by = acting(teacher);
        ClassDeletion deletion = deletion(by, classId);
        if (!deletion.allowed()) {
            throw new AccountException(notDeleted(deletion));
        }
        SchoolClass schoolClass = ownedClass(by, classId);
        String what = describe(schoolClass);
        assignments.deleteAll(assignments.findBySchoolClassIdOrderByCreatedAtAscIdAsc(classId));
        schoolClass.getMembers().clear();
        classes.delete(schoolClass);
        audit.record(by, AuditAction.CLASS_DELETED, what);
    }

    /** Why a class with submissions stays, and what to do instead. */
    public static Text notDeleted(ClassDeletion deletion) {
        return Text.count("classroom.classes.not-deleted", deletion.submissions(), deletion.name());
    }

    /**
     * The admin disables an account (it cannot sign in; its open sessions stop at their next request)
     * or enables it again. No admin disables themselves, so at least one admin can always sign in.
     */
    public AppUser setDisabled(AppUser admin, long userId, boolean disabled) {
        AppUser by = acting(admin);
        if (!by.isAdmin()) {
            throw new AccountException(Text.of("classroom.care.only-admin-disables"));
        }
        AppUser target = users.findById(userId).orElseThrow(() -> new AccountException(Text.of("classroom.care.no-such-account")));
        if (target.isDisabled() == disabled) {
            return target;
        }
        if (disabled) {
            if (Objects.equals(target.getId(), by.getId())) {
                throw new AccountException(Text.of("classroom.care.not-yourself"));
            }
            // Two admins disabling each other at the same moment would leave none: the admins' rows
            // are locked first, so the second one counts after the first has committed.
            if (target.isAdmin()) {
                users.lockByRole(Role.ADMIN);
                if (users.countByRoleAndDisabledFalse(Role.ADMIN) <= 1) {
                    throw new AccountException(Text.of("classroom.care.last-admin"));
                }
            }
        }
        target.setDisabled(disabled);
        audit.record(by, disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED, target.getUsername());
        return target;
    }

    /** The acting account as stored now: a disabled or deleted one may do nothing. */
    private AppUser acting(AppUser actor) {
        return actor == null ? refuse() : users.findById(actor.getId()).filter(u -> !u.isDisabled())
                .orElseGet(AccountCare::refuse);
    }

    private static AppUser refuse() {
        throw new AccountException(Text.of("classroom.refusal.sign-in"));
    }

    private SchoolClass ownedClass(AppUser by, long classId) {
        return classes.findById(classId)
                .filter(c -> by.isAdmin() || by.isTeacher() && c.getTeacher().getId().equals(by.getId()))
                .orElseThrow(() -> new AccountException(NotYours.text(NotYours.CLASS).orElseThrow()));
    }

    private static String describe(SchoolClass schoolClass) {
        return "\"" + schoolClass.getName() + "\" (" + schoolClass.getJoinCode() + ")";
    }
}
