package org.convlab.classroom;

import java.util.Objects;
import org.convlab.account.AccountException;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.AuditLog;
import org.convlab.account.NotYours;
import org.convlab.training.queue.RunBudget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting run budgets (docs/decisions/014): a teacher sets their class's limits, the admin the
 * server's defaults. What was typed is read by {@link BudgetInput}; a refusal is one line and
 * changes nothing; every change is written to the {@link AuditLog} in the same transaction.
 */
@Service
@Transactional
public class BudgetSettings {

    static final String ONLY_ADMIN = "Only an admin can change the server's default run budget.";

    /** The admin's stored defaults: null for a value left at the configured start value. */
    public record Defaults(Long maxImageEpochs, Integer maxWaitingRuns, RunBudget startValues) {}

    private final AppUserRepository users;
    private final SchoolClassRepository classes;
    private final BudgetDefaultsRepository defaults;
    private final ClassBudgets budgets;
    private final AuditLog audit;

    BudgetSettings(AppUserRepository users, SchoolClassRepository classes, BudgetDefaultsRepository defaults,
            ClassBudgets budgets, AuditLog audit) {
        this.users = users;
        this.classes = classes;
        this.defaults = defaults;
        this.budgets = budgets;
        this.audit = audit;
    }

    /**
     * Sets a class's two limits; an empty field leaves that limit to the server's default. Only the
     * class's teacher (or an admin) may.
     */
    public SchoolClass setClassBudget(AppUser teacher, long classId, String imageEpochs, String waitingRuns) {
        AppUser by = acting(teacher);
        SchoolClass schoolClass = classes.findById(classId)
                .filter(c -> by.isAdmin() || by.isTeacher() && c.getTeacher().getId().equals(by.getId()))
                .orElseThrow(() -> new AccountException(NotYours.text(NotYours.CLASS).orElseThrow()));
        Long images = BudgetInput.imageEpochs(imageEpochs);
        Integer waiting = BudgetInput.waitingRuns(waitingRuns);
        if (Objects.equals(images, schoolClass.getMaxImageEpochs())
                && Objects.equals(waiting, schoolClass.getMaxWaitingRuns())) {
            return schoolClass;
        }
        schoolClass.setBudget(images, waiting);
        audit.record(by, AuditAction.CLASS_BUDGET_CHANGED, "\"" + schoolClass.getName() + "\" ("
                + schoolClass.getJoinCode() + ") to " + describe(images, waiting, "server default"));
        return schoolClass;
    }

    /** The server's defaults as the admin set them (empty ones follow the start values). */
    @Transactional(readOnly = true)
    public Defaults defaults() {
        BudgetDefaults stored = defaults.findById(BudgetDefaults.ROW).orElse(new BudgetDefaults(null, null));
        return new Defaults(stored.getMaxImageEpochs(), stored.getMaxWaitingRuns(), budgets.startValues());
    }

    /** The admin sets the server's defaults; an empty field goes back to the configured start value. */
    public RunBudget setServerDefaults(AppUser admin, String imageEpochs, String waitingRuns) {
        AppUser by = acting(admin);
        if (!by.isAdmin()) {
            throw new AccountException(org.convlab.i18n.Text.of("classroom.care.only-admin-budget"));
        }
        Long images = BudgetInput.imageEpochs(imageEpochs);
        Integer waiting = BudgetInput.waitingRuns(waitingRuns);
        BudgetDefaults stored = defaults.findById(BudgetDefaults.ROW).orElseGet(() -> new BudgetDefaults(null, null));
        if (!Objects.equals(images, stored.getMaxImageEpochs()) || !Objects.equals(waiting, stored.getMaxWaitingRuns())) {
            stored.set(images, waiting);
            defaults.save(stored);
            audit.record(by, AuditAction.DEFAULT_BUDGET_CHANGED, "the server to " + describe(images, waiting, "start value"));
        }
        return budgets.serverDefaults();
    }

    private static String describe(Long images, Integer waiting, String unset) {
        return (images == null ? unset : BudgetInput.describe(images)) + " images × epochs per run, "
                + (waiting == null ? unset : BudgetInput.describe(waiting)) + (waiting != null && waiting == 1
                        ? " waiting run" : " waiting runs");
    }

    /** The acting account as stored now: a disabled or deleted one may do nothing. */
    private AppUser acting(AppUser actor) {
        return users.findById(actor == null ? -1 : actor.getId()).filter(u -> !u.isDisabled())
                .orElseThrow(() -> new AccountException(org.convlab.i18n.Text.of("classroom.refusal.sign-in")));
    }
}
