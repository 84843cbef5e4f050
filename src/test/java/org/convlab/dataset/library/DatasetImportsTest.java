package org.convlab.dataset.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.dataset.ImageFolderZips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Imports from the pages: off the request thread, with progress and Cancel, one per account at a
 * time; a refused or cancelled import, or one over the upload cap, keeps nothing, not even the
 * uploaded zip; a teacher's import for their class reaches its learners.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class DatasetImportsTest {

    @Autowired DatasetImports imports;
    @Autowired DatasetCatalog catalog;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;

    AppUser learner;

    private AppUser account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", role));
    }

    @BeforeEach
    void aLearner() {
        learner = account("il", Role.LEARNER);
    }

    private static InputStream zip(int perClass) {
        return new ByteArrayInputStream(ImageFolderZips.circlesAndSquares(perClass, 1));
    }

    private static DatasetChoice waitFor(DatasetImports.Import job) throws Exception {
        return job.result().get(60, TimeUnit.SECONDS);
    }

    private Stream<Path> leftovers() throws Exception {
        Path uploads = catalog.library().importedRoot().resolve(".uploads");
        return Files.isDirectory(uploads) ? Files.list(uploads) : Stream.empty();
    }

    @Test
    void aZipBecomesTheLearnersDataSetWithItsProgressCounted() throws Exception {
        DatasetImports.Import job = imports.start(learner, zip(10), new DatasetImports.Request("Shapes", 28, false, null));
        DatasetChoice set = waitFor(job);
        assertThat(set.describe()).isEqualTo("Shapes · 2 classes · 28×28 grayscale · 16 + 4 images");
        assertThat(set.whose()).isEqualTo("yours");
        assertThat(job.done()).isEqualTo(20);
        assertThat(job.total()).isEqualTo(20);
        assertThat(catalog.choicesFor(Optional.of(learner))).extracting(DatasetChoice::key).contains(set.key());
        assertThat(catalog.library().dataset(set.key()).train().size()).isEqualTo(16);
        assertThat(imports.running(learner)).isEmpty();
        assertThat(leftovers()).as("the uploaded zip is deleted").isEmpty();
    }

    @Test
    void aRefusedZipKeepsNothingAndSaysWhyInOneLine() throws Exception {
        long before = catalog.choicesFor(Optional.of(learner)).size();
        DatasetImports.Import job = imports.start(learner, new ByteArrayInputStream("not a zip at all".getBytes()),
                new DatasetImports.Request("Broken", 28, false, null));
        assertThatThrownBy(() -> waitFor(job)).hasCauseInstanceOf(DatasetRefused.class)
                .cause().message().doesNotContain("\n").doesNotContain(catalog.library().importedRoot().toString());
        assertThat(catalog.choicesFor(Optional.of(learner))).hasSize((int) before);
        try (Stream<Path> sets = Files.list(catalog.library().importedRoot())) {
            assertThat(sets.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("broken-"));
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCancelledImportKeepsNothing() throws Exception {
        DatasetImports.Import job = imports.start(learner, zip(400), new DatasetImports.Request("Cancelled", 28, false, null));
        job.cancel();
        assertThatThrownBy(() -> waitFor(job)).cause().isInstanceOf(DatasetRefused.class)
                .hasMessage("the import was cancelled, and nothing was kept.");
        try (Stream<Path> sets = Files.list(catalog.library().importedRoot())) {
            assertThat(sets.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("cancelled-"));
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUploadOverTheCapIsCutOffAndNothingIsKept() throws Exception {
        DatasetImports small = new DatasetImports(catalog, 1, 20_000, 200, 100);
        InputStream twoMegabytes = new ByteArrayInputStream(new byte[2 << 20]);
        assertThatThrownBy(() -> small.start(learner, twoMegabytes, new DatasetImports.Request("Big", 28, false, null)))
                .isInstanceOf(DatasetRefused.class)
                .hasMessage("The zip is larger than 1 MB, the most this server takes.");
        assertThat(small.running(learner)).isEmpty();
        assertThat(leftovers()).isEmpty();
        small.destroy();
    }

    @Test
    void oneImportAtATimePerAccount() throws Exception {
        DatasetImports.Import first = imports.start(learner, zip(300), new DatasetImports.Request("First", 28, false, null));
        assertThatThrownBy(() -> imports.start(learner, zip(2), new DatasetImports.Request("Second", 28, false, null)))
                .isInstanceOf(DatasetRefused.class)
                .hasMessage("Your last import is still running; wait for it or cancel it first.");
        first.cancel();
        assertThatThrownBy(() -> waitFor(first)).isInstanceOf(java.util.concurrent.ExecutionException.class);
    }

    @Test
    void aTeachersImportForTheirClassReachesItsLearnersOnly() throws Exception {
        AppUser teacher = account("it", Role.TEACHER);
        AppUser outsider = account("io", Role.LEARNER);
        SchoolClass room = new SchoolClass("Imports", "IM-" + UUID.randomUUID().toString().substring(0, 8), teacher);
        room.getMembers().add(learner);
        classes.save(room);
        assertThat(catalog.classesFor(teacher)).containsEntry(room.getId(), "Imports");
        assertThat(catalog.classesFor(learner)).isEmpty();

        assertThatThrownBy(() -> imports.start(learner, zip(3), new DatasetImports.Request("Mine", 28, false, room.getId())))
                .isInstanceOf(DatasetRefused.class).hasMessage("You can only make a data set for a class you teach.");
        DatasetChoice set = waitFor(imports.start(teacher, zip(5), new DatasetImports.Request("Class shapes", 32, true,
                room.getId())));
        assertThat(set.describe()).isEqualTo("Class shapes · 2 classes · 32×32 colour · 8 + 2 images");
        assertThat(catalog.require(Optional.of(learner), set.key()).whose()).isEqualTo("your class's");
        assertThatThrownBy(() -> catalog.require(Optional.of(outsider), set.key())).isInstanceOf(DatasetRefused.class);
    }
}
