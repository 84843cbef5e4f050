package org.convlab.dataset.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.convlab.account.AppUser;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetLoader;
import org.convlab.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which data sets each account may train on, and the one way a new data set joins them (docs/decisions/022).
 *
 * <p>Visible to an account: the built-in sets; its own; those made for a class it belongs to or
 * teaches; an admin sees all. Every way a run is queued (pages, API, a grid, an uploaded run)
 * passes {@link #mayUse}, so a forged key in a request reaches nobody else's images; a run already
 * queued keeps the set it was allowed when it was queued.
 */
@Service
public class DatasetCatalog {

    private static final Logger log = LoggerFactory.getLogger(DatasetCatalog.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredDatasetRepository stored;
    private final DatasetLibrary library;
    private final ClassMembership membership;
    private final int maxPerAccount;

    DatasetCatalog(StoredDatasetRepository stored, DatasetLibrary library, ObjectProvider<ClassMembership> membership,
            @Value("${convlab.datasets.max-per-account:10}") int maxPerAccount) {
        this.stored = stored;
        this.library = library;
        this.membership = membership.getIfAvailable(() -> ClassMembership.NONE);
        this.maxPerAccount = maxPerAccount;
    }

    public DatasetLibrary library() {
        return library;
    }

    /** Data sets each account may keep (imported and drawn together); 0 means no limit. */
    public int maxPerAccount() {
        return maxPerAccount;
    }

    /** The built-in sets that load, then the account's visible ones, newest first. */
    @Transactional(readOnly = true)
    public List<DatasetChoice> choicesFor(Optional<AppUser> account) {
        List<DatasetChoice> choices = new ArrayList<>(builtIns());
        account.ifPresent(user -> visibleRows(user).forEach(row -> choices.add(choice(row, user))));
        return choices;
    }

    /**
     * The sets a teacher may ask a class to train on: the built-in ones and those made for a class
     * they teach. Their private sets are left out: their learners could not train on them.
     */
    @Transactional(readOnly = true)
    public List<DatasetChoice> choicesForClasses(AppUser teacher) {
        List<DatasetChoice> choices = new ArrayList<>(builtIns());
        java.util.Set<Long> taught = classesFor(teacher).keySet();
        visibleRows(teacher).stream()
                .filter(row -> row.getClassId() != null && (teacher.isAdmin() || taught.contains(row.getClassId())))
                .forEach(row -> choices.add(choice(row, teacher)));
        return choices;
    }

    /** The data set with this key, if the account may use it; otherwise a refusal that reveals nothing. */
    @Transactional(readOnly = true)
    public DatasetChoice require(Optional<AppUser> account, String key) {
        String wanted = key == null ? DatasetLibrary.DEFAULT_KEY : key;
        if (DatasetLibrary.builtIn(wanted)) {
            return builtIns().stream().filter(c -> c.key().equals(wanted)).findFirst()
                    .orElseThrow(() -> new DatasetRefused(Text.of("dataset.library.cannot-load", wanted)));
        }
        Optional<StoredDataset> row = stored.findByKey(wanted);
        if (row.isEmpty() || account.isEmpty() || !visible(row.get(), account.get())) {
            throw new DatasetRefused(Text.of("dataset.library.no-such-set", DatasetLibrary.shown(wanted)));
        }
        return choice(row.get(), account.get());
    }

    /** May the account with this id train on the key? (A run a worker picks up is checked again here.) */
    @Transactional(readOnly = true)
    public boolean mayUse(AppUser account, String key) {
        try {
            require(Optional.of(account), key);
            return true;
        } catch (DatasetRefused e) {
            return false;
        }
    }

    /**
     * The name of the data set a run names by {@code key} (null: the default), whoever may use it,
     * for the pages and grades that say what a run trained on; empty when the set is no longer on
     * this server (deleted, or a built-in one that does not load).
     */
    @Transactional(readOnly = true)
    public Optional<String> nameOf(String key) {
        String wanted = key == null ? DatasetLibrary.DEFAULT_KEY : key;
        if (DatasetLibrary.builtIn(wanted)) {
            try {
                return Optional.of(library.dataset(wanted).name());
            } catch (DatasetException e) {
                return wanted.equals(DatasetLibrary.DEFAULT_KEY) ? Optional.of(DEFAULT_NAME) : Optional.empty();
            }
        }
        return stored.findByKey(wanted).map(StoredDataset::getName);
    }

    /** What runs from before data sets could be chosen trained on, named even when its files are missing. */
    public static final String DEFAULT_NAME = "Fashion-MNIST";

    /** The rows the account sees, newest first. */
    private List<StoredDataset> visibleRows(AppUser user) {
        if (user.isAdmin()) {
            return stored.findAllByOrderByCreatedAtDesc();
        }
        Set<Long> classes = membership.classesOf(user.getId());
        return stored.findVisible(user.getId(), classes.isEmpty() ? Set.of(-1L) : classes);
    }

    private boolean visible(StoredDataset row, AppUser user) {
        return user.isAdmin() || row.getOwnerId().equals(user.getId())
                || (row.getClassId() != null && membership.classesOf(user.getId()).contains(row.getClassId()));
    }

    private List<DatasetChoice> builtIns() {
        List<DatasetChoice> builtIns = new ArrayList<>();
        for (String key : List.of(DatasetLibrary.DEFAULT_KEY, DatasetLibrary.DEMO_KEY)) {
            try {
                Dataset set = library.dataset(key);
                builtIns.add(new DatasetChoice(key, set.name(), set.train().channels(), set.train().rows(),
                        set.classNames(), set.train().size(), set.test().size(), DatasetChoice.BUILT_IN));
            } catch (DatasetException e) {
                // The pages that need the default set say what is wrong with it; a missing demo set is simply not offered.
            }
        }
        return builtIns;
    }

    private static DatasetChoice choice(StoredDataset row, AppUser viewer) {
        String whose = row.getOwnerId().equals(viewer.getId()) ? (row.getClassId() != null ? "yours, for your class" : "yours")
                : row.getClassId() != null ? "your class's" : "a learner's";
        return new DatasetChoice(row.getKey(), row.getName(), row.getChannels(), row.getImageSize(), row.getClassNames(),
                row.getTrainCount(), row.getTestCount(), whose);
    }

    /** The classes {@code account} may make data sets for, id to name (none for a learner). */
    public java.util.Map<Long, String> classesFor(AppUser account) {
        return account.isTeacher() ? membership.classesTaught(account.getId()) : java.util.Map.of();
    }

    /** Gives {@code from}'s data sets to {@code to}; returns how many. */
    @Transactional
    public int handOver(long from, long to) {
        return stored.handOver(from, to);
    }

    /** May {@code account} make data sets for this class (it teaches it, or it is an admin)? */
    public boolean teaches(AppUser account, long classId) {
        // Taught, not merely belonged to: a teacher enrolled in a colleague's class makes no sets for it.
        return account.isAdmin() || (account.isTeacher() && membership.classesTaught(account.getId()).containsKey(classId));
    }

    /**
     * A fresh key and folder for a data set {@code owner} is about to make; refuses when they keep
     * as many as they may. The folder does not exist yet: the importer creates it.
     */
    @Transactional(readOnly = true)
    public Path newFolder(AppUser owner, String name) {
        if (maxPerAccount > 0 && stored.countByOwnerId(owner.getId()) >= maxPerAccount) {
            throw new DatasetRefused(Text.of("dataset.library.too-many-sets", maxPerAccount));
        }
        if (library.importedRoot() == null) {
            throw new DatasetRefused(Text.of("dataset.library.none-kept"));
        }
        String key;
        do {
            key = DatasetLibrary.keyFor(name) + "-" + Long.toString(Math.floorMod(RANDOM.nextLong(), 36L * 36 * 36 * 36 * 36 * 36), 36);
        } while (stored.findByKey(key).isPresent() || Files.exists(library.importedRoot().resolve(key)));
        return library.importedRoot().resolve(key);
    }

    /**
     * Records a data set the importer wrote to {@code folder} (from {@link #newFolder}) as {@code
     * owner}'s, for {@code classId} (null: for themselves; a teacher's class otherwise). The folder
     * is loaded once to check it and count what it holds. If it cannot be recorded, the folder
     * (which ConvLab just wrote) is removed again. Not one transaction: the count and the save each
     * commit at once, inside one lock, so two sets made at the same moment cannot both take the last
     * place (on one server; a second server could let one more through).
     */
    public DatasetChoice register(AppUser owner, Long classId, StoredDataset.Source source, String name, Path folder) {
        String key = folder.getFileName().toString();
        try {
            if (classId != null && !teaches(owner, classId)) {
                throw new DatasetRefused(Text.of("dataset.library.not-your-class"));
            }
            Dataset set = DatasetLoader.load(folder);
            if (String.join("\n", set.classNames()).length() > StoredDataset.CLASS_NAMES_LENGTH) {
                throw new DatasetRefused(Text.of("dataset.library.class-names-too-long"));
            }
            // Counted again here: an import that waited, or a set drawn meanwhile, may have used the last place.
            synchronized (this) {
                if (maxPerAccount > 0 && stored.countByOwnerId(owner.getId()) >= maxPerAccount) {
                    throw new DatasetRefused(Text.of("dataset.library.too-many-sets", maxPerAccount));
                }
                StoredDataset row = stored.save(new StoredDataset(key, name, owner.getId(), classId, source,
                        set.train().channels(), set.train().rows(), set.classNames(), set.train().size(),
                        set.test().size()));
                return choice(row, owner);
            }
        } catch (RuntimeException e) {
            removeWritten(folder);
            throw e;
        }
    }

    /**
     * Deletes a folder ConvLab wrote under the imported root: a data set that could not be
     * recorded, or the drawings a drawn set was made from (never anything outside that root).
     */
    void removeWritten(Path folder) {
        Path root = library.importedRoot();
        if (root == null || !folder.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                || folder.toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize())) {
            return;
        }
        library.forget(folder.getFileName().toString());
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not remove the data set folder {}: {}", folder, e.getMessage());
        }
    }
}
