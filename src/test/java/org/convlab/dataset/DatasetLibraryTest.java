package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLibraryTest {

    @TempDir
    Path root;

    private DatasetLibrary library() {
        return new DatasetLibrary(new DatasetService(DatasetService.defaultFolder()), null, root);
    }

    @Test
    void noKeyAndTheDefaultKeyAreTheDefaultSet() {
        DatasetLibrary library = library();
        assertThat(library.service(null)).isSameAs(library.defaultSet());
        assertThat(library.service(DatasetLibrary.DEFAULT_KEY)).isSameAs(library.defaultSet());
        assertThat(DatasetLibrary.builtIn(null)).isTrue();
        assertThat(DatasetLibrary.builtIn("colour-shapes")).isTrue();
        assertThat(DatasetLibrary.builtIn("cats-x1")).isFalse();
    }

    @Test
    void anImportedSetIsTheFolderOfItsKeyUnderTheRoot() throws IOException {
        IdxFiles.tinyDataset(Files.createDirectories(root.resolve("tiny-abc")), true);
        Dataset tiny = library().dataset("tiny-abc");
        assertThat(tiny.name()).isEqualTo("Tiny");
        assertThat(tiny.train().size()).isEqualTo(4);
    }

    @Test
    void keysThatAreNotPlainNamesNeverReachTheFileSystem() throws IOException {
        IdxFiles.tinyDataset(Files.createDirectories(root.resolve("outside")), true);
        DatasetLibrary library = new DatasetLibrary(new DatasetService(DatasetService.defaultFolder()), null,
                Files.createDirectories(root.resolve("sets")));
        for (String key : new String[] {"../outside", "/etc", "Tiny", "a/b", "", "x".repeat(65), "-x", "sets\0"}) {
            assertThatThrownBy(() -> library.dataset(key)).as(key)
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith("There is no data set \"");
        }
    }

    @Test
    void aMissingSetSaysSoInOneLine() {
        assertThatThrownBy(() -> library().dataset("gone-123"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void onlyAFewImportedSetsStayLoaded() throws IOException {
        DatasetLibrary library = library();
        DatasetService first = null;
        for (int i = 0; i <= DatasetLibrary.KEEP_LOADED; i++) {
            IdxFiles.tinyDataset(Files.createDirectories(root.resolve("set-" + i)), true);
            DatasetService service = library.service("set-" + i);
            service.dataset();
            first = first == null ? service : first;
        }
        assertThat(library.service("set-0")).as("the least recently used was dropped").isNotSameAs(first);
    }
}
