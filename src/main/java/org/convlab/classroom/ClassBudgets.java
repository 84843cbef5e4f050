package org.convlab.classroom;

import java.util.List;
import org.convlab.account.AppMode;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.training.queue.RunBudget;
import org.convlab.training.queue.RunBudgets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classroom's answer to the queue's question "which budget applies to this learner's runs?"
 * (docs/decisions/014). A learner in a class gets the class's budget, each limit the teacher left
 * empty being the server's default; a learner in several classes gets, limit by limit, the most
 * generous of their classes (no limit beats any number), so joining a second class never takes away
 * what the first allowed; a learner in no class gets the server's defaults. Teachers and admins
 * train without limits, and so does the one learner of a personal install.
 */
@Service
public class ClassBudgets implements RunBudgets {

    private final AppUserRepository users;
    private final SchoolClassRepository classes;
    private final BudgetDefaultsRepository defaults;
    private final AppMode mode;
    private final RunBudget startValues;

    ClassBudgets(AppUserRepository users, SchoolClassRepository classes, BudgetDefaultsRepository defaults,
            AppMode mode, @Value("${convlab.budget.max-image-epochs:250000}") long startImageEpochs,
            @Value("${convlab.budget.max-waiting-runs:12}") int startWaitingRuns) {
        this.users = users;
        this.classes = classes;
        this.defaults = defaults;
        this.mode = mode;
        this.startValues = new RunBudget(startImageEpochs, startWaitingRuns);
    }

    @Override
    @Transactional(readOnly = true)
    public RunBudget budgetFor(long ownerId) {
        if (mode.isPersonal()) {
            return RunBudget.UNLIMITED;
        }
        Role role = users.findById(ownerId).map(AppUser::getRole).orElse(Role.LEARNER);
        if (role != Role.LEARNER) {
            return RunBudget.UNLIMITED;
        }
        RunBudget server = serverDefaults();
        List<SchoolClass> theirs = classes.findByMember(ownerId);
        if (theirs.isEmpty()) {
            return server;
        }
        return theirs.stream().map(c -> of(c, server)).reduce(ClassBudgets::mostGenerous).orElseThrow();
    }

    /** The server's defaults now: what the admin set, each value left empty being the start value. */
    @Transactional(readOnly = true)
    public RunBudget serverDefaults() {
        return defaults.findById(BudgetDefaults.ROW)
                .map(d -> new RunBudget(
                        d.getMaxImageEpochs() != null ? d.getMaxImageEpochs() : startValues.maxImageEpochs(),
                        d.getMaxWaitingRuns() != null ? d.getMaxWaitingRuns() : startValues.maxWaitingRuns()))
                .orElse(startValues);
    }

    /** The defaults this server starts with, from its configuration ({@code convlab.budget.*}). */
    public RunBudget startValues() {
        return startValues;
    }

    /** A class's budget: its own limits, the server's defaults for those it leaves empty. */
    public static RunBudget of(SchoolClass schoolClass, RunBudget server) {
        return new RunBudget(
                schoolClass.getMaxImageEpochs() != null ? schoolClass.getMaxImageEpochs() : server.maxImageEpochs(),
                schoolClass.getMaxWaitingRuns() != null ? schoolClass.getMaxWaitingRuns() : server.maxWaitingRuns());
    }

    /** Limit by limit, the larger allowance; 0 (no limit) is the largest. */
    static RunBudget mostGenerous(RunBudget a, RunBudget b) {
        return new RunBudget(larger(a.maxImageEpochs(), b.maxImageEpochs()),
                (int) larger(a.maxWaitingRuns(), b.maxWaitingRuns()));
    }

    private static long larger(long a, long b) {
        return a == 0 || b == 0 ? 0 : Math.max(a, b);
    }
}
