package org.convlab.classroom;

import java.util.Optional;
import org.convlab.account.AccountRules;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.PersonalLearner;
import org.convlab.account.Role;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.lesson.progress.ProgressService;
import org.convlab.training.queue.RunQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A personal install started in classroom mode keeps everything: the personal learner's runs,
 * lesson results and own data sets go to the account named by {@code convlab.personal.hand-over-to}, or else to the
 * first admin, and the personal account, then empty, goes. All or nothing, in one transaction. When
 * the named account does not exist the records stay where they are, and the log says why.
 */
@Component
class PersonalHandOver {

    private static final Logger log = LoggerFactory.getLogger(PersonalHandOver.class);

    /** What was handed over, and to whom. */
    record Result(String to, int runs, int lessons) {}

    private final AppUserRepository users;
    private final PersonalLearner personal;
    private final RunQueue queue;
    private final ProgressService progress;
    private final DatasetCatalog datasets;
    private final String handOverTo;

    PersonalHandOver(AppUserRepository users, PersonalLearner personal, RunQueue queue, ProgressService progress,
            DatasetCatalog datasets, @Value("${convlab.personal.hand-over-to:}") String handOverTo) {
        this.users = users;
        this.personal = personal;
        this.queue = queue;
        this.progress = progress;
        this.datasets = datasets;
        this.handOverTo = handOverTo;
    }

    @Transactional
    Optional<Result> run() {
        Optional<AppUser> from = personal.find();
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Optional<AppUser> to = handOverTo.isBlank() ? users.findFirstByRoleOrderByIdAsc(Role.ADMIN)
                : users.findByUsername(AccountRules.normalizeUsername(handOverTo));
        if (to.isEmpty() || to.get().getId().equals(from.get().getId())) {
            log.warn("The personal learner's runs and lesson results stay where they are: "
                    + "convlab.personal.hand-over-to names no other account ('{}').", handOverTo);
            return Optional.empty();
        }
        long fromId = from.get().getId();
        long toId = to.get().getId();
        int runs = queue.handOver(fromId, toId);
        int lessons = progress.handOver(fromId, toId);
        // Before the account goes: its data set rows would go with it, leaving their images unlisted.
        int sets = datasets.handOver(fromId, toId);
        users.delete(from.get());
        log.info("Classroom mode: the personal learner's {} run(s), {} lesson result(s) and {} data set(s) now belong"
                + " to '{}'.", runs, lessons, sets, to.get().getUsername());
        return Optional.of(new Result(to.get().getUsername(), runs, lessons));
    }
}
