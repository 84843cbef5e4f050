package org.convlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetServiceTest {

    @TempDir
    Path dir;

    /**
     * A broken folder is read once, not on every page visit (a gzip bomb would be inflated again
     * each time): while no file changes, the remembered answer stands; a changed file is read anew.
     * Shown by repairing a file behind the service's back with its size and time kept.
     */
    @Test
    void aBrokenFolderIsReadOnceAndAgainOnlyWhenAFileChanges() throws IOException {
        IdxFiles.tinyDataset(dir, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        IdxFiles.write(labels, IdxFiles.labels((byte) 0, (byte) 7, (byte) 1, (byte) 1), false);
        FileTime broken = Files.getLastModifiedTime(labels);
        DatasetService service = new DatasetService(dir);
        assertThat(service.problem()).get().asString().contains("label 7 at position 1");

        IdxFiles.write(labels, IdxFiles.labels((byte) 0, (byte) 2, (byte) 1, (byte) 1), false);
        Files.setLastModifiedTime(labels, broken);
        assertThat(service.problem()).get().asString().contains("label 7 at position 1");

        Files.setLastModifiedTime(labels, FileTime.fromMillis(broken.toMillis() + 60_000));
        assertThat(service.problem()).isEmpty();
        assertThat(service.dataset().train().label(1)).isEqualTo(2);
    }

    @Test
    void theMessageNamesTheFileButNotWhereTheServerKeepsIt() throws IOException {
        IdxFiles.tinyDataset(dir, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetService service = new DatasetService(dir.toAbsolutePath());
        assertThat(service.problem()).get().asString()
                .isEqualTo("t10k-labels-idx1-ubyte.gz: file not found");
    }
}
