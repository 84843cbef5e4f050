package org.convlab.dataset.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.model.InvalidModelException;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who may use which data set: the built-in ones everyone; one's own; a class's the class's members
 * and teacher; no one else's, however the key is sent; and the queue asks the catalogue before a
 * run is stored.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class DatasetCatalogTest {

    @Autowired DatasetCatalog catalog;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunQueue queue;

    AppUser teacher;
    AppUser member;
    AppUser outsider;
    SchoolClass room;

    private AppUser account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        return users.save(new AppUser(name, name, "{noop}x", role));
    }

    @BeforeEach
    void aTeacherAClassMemberAndAnOutsider() {
        teacher = account("dt", Role.TEACHER);
        member = account("dm", Role.LEARNER);
        outsider = account("do", Role.LEARNER);
        room = new SchoolClass("Data", "DC-" + UUID.randomUUID().toString().substring(0, 8), teacher);
        room.getMembers().add(member);
        classes.save(room);
    }

    /** A tiny grayscale 28×28 set of two classes, written where the catalogue says, then registered. */
    private DatasetChoice tinySet(AppUser owner, Long classId, String name) throws IOException {
        Path folder = catalog.newFolder(owner, name);
        Files.createDirectories(folder);
        idx(folder.resolve("train-images-idx3-ubyte.gz"), new int[] {0x803, 4, 28, 28}, new byte[4 * 784]);
        idx(folder.resolve("train-labels-idx1-ubyte.gz"), new int[] {0x801, 4}, new byte[] {0, 1, 0, 1});
        idx(folder.resolve("t10k-images-idx3-ubyte.gz"), new int[] {0x803, 2, 28, 28}, new byte[2 * 784]);
        idx(folder.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {0x801, 2}, new byte[] {1, 0});
        Files.writeString(folder.resolve("dataset.json"), "{\"name\": \"" + name + "\", \"classes\": [\"x\", \"o\"]}");
        return catalog.register(owner, classId, StoredDataset.Source.IMPORT, name, folder);
    }

    private static void idx(Path file, int[] header, byte[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * header.length);
        for (int v : header) {
            buffer.putInt(v);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(buffer.array());
            out.write(values);
        }
    }

    @Test
    void everyoneSeesTheBuiltInSetsAndOnlyTheirOwnOrTheirClasss() throws IOException {
        DatasetChoice mine = tinySet(outsider, null, "Outsider's own");
        DatasetChoice forClass = tinySet(teacher, room.getId(), "For the class");

        assertThat(catalog.choicesFor(Optional.of(member))).extracting(DatasetChoice::key)
                .contains(DatasetLibrary.DEFAULT_KEY, forClass.key()).doesNotContain(mine.key());
        assertThat(catalog.choicesFor(Optional.of(outsider))).extracting(DatasetChoice::key)
                .contains(DatasetLibrary.DEFAULT_KEY, mine.key()).doesNotContain(forClass.key());
        assertThat(catalog.choicesFor(Optional.of(teacher))).extracting(DatasetChoice::key).contains(forClass.key());
        assertThat(catalog.choicesFor(Optional.empty())).extracting(DatasetChoice::key)
                .contains(DatasetLibrary.DEFAULT_KEY).doesNotContain(mine.key(), forClass.key());
        assertThat(catalog.require(Optional.of(member), forClass.key()).whose()).isEqualTo("your class's");
        assertThat(catalog.require(Optional.of(outsider), mine.key()).describe())
                .isEqualTo("Outsider's own · 2 classes · 28×28 grayscale · 4 + 2 images");
    }

    @Test
    void aForgedKeyIsRefusedAlikeWhetherTheSetExistsOrNot() throws IOException {
        DatasetChoice mine = tinySet(outsider, null, "Private");
        String existing = catalog.choicesFor(Optional.of(member)).stream().map(DatasetChoice::key).toList().toString();
        assertThat(existing).doesNotContain(mine.key());
        for (String key : new String[] {mine.key(), "no-such-set-abc123", "../../etc", "a".repeat(500), "x\ny"}) {
            assertThatThrownBy(() -> catalog.require(Optional.of(member), key))
                    .isInstanceOf(DatasetRefused.class)
                    .hasMessageStartingWith("There is no data set \"")
                    .hasMessageEndingWith("\" you can use: choose one listed on the Data page.")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void theQueueRefusesARunOnSomeoneElsesSetAndAModelThatDoesNotFitItsImages() throws IOException {
        DatasetChoice mine = tinySet(outsider, null, "Two classes");
        Hyperparameters onMine = Hyperparameters.defaults().withEpochs(1).withDataset(mine.key());

        assertThatThrownBy(() -> queue.submit(member.getId(), Presets.get("dense"), onMine))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("there is no data set \"" + mine.key() + "\" you can use");
        assertThatThrownBy(() -> queue.submit(outsider.getId(), Presets.get("dense"), onMine))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("the model ends in 10 classes but Two classes has 2: end with a dense layer of 2 units");

        var run = queue.submit(outsider.getId(), Presets.get("dense").forData(1, 28, 2), onMine);
        Hyperparameters stored = org.convlab.training.queue.RunJson.hyperparameters(run.getHyperparametersJson());
        assertThat(stored.dataset()).isEqualTo(mine.key());
        assertThat(stored.limit()).as("all of a 4-image set is 4 images, for budgets and estimates").isEqualTo(4);
    }

    @Test
    void aTeacherMakesSetsOnlyForTheirOwnClassAndAFailedRegistrationLeavesNoFolder() throws IOException {
        AppUser otherTeacher = account("dx", Role.TEACHER);
        Path folder = catalog.newFolder(otherTeacher, "Not my class");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("note.txt"), "written by the importer");
        assertThatThrownBy(() -> catalog.register(otherTeacher, room.getId(), StoredDataset.Source.IMPORT, "x", folder))
                .isInstanceOf(DatasetRefused.class)
                .hasMessage("You can only make a data set for a class you teach.");
        assertThat(folder).doesNotExist();
    }

    @Test
    void keysAreReadableSafeFolderNames() {
        assertThat(DatasetCatalog.slug("Cats & Dogs!")).isEqualTo("cats-dogs");
        assertThat(DatasetCatalog.slug("Ünïcödé  Äpfel")).isEqualTo("unicode-apfel");
        assertThat(DatasetCatalog.slug("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(DatasetCatalog.slug("!!!")).isEqualTo("data");
        assertThat(DatasetCatalog.slug("x".repeat(90))).hasSize(40);
        Path folder = catalog.newFolder(member, "../../Sneaky");
        assertThat(folder.getParent()).isEqualTo(catalog.library().importedRoot());
        assertThat(folder.getFileName().toString()).matches("sneaky-[a-z0-9]{1,6}");
    }
}
