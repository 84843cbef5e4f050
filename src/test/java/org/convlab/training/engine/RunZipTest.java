package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunZipTest {

    @Test
    void zipsEveryFileUnderTheRunsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\"format\": 1}");
        Files.write(dir.resolve("model-0000.params"), new byte[] {1, 2, 3});

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        RunStore.writeZip("my-run", dir, zip);

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("my-run/run.json", "my-run/model-0000.params");
        assertThat(entries.get("my-run/model-0000.params")).containsExactly(1, 2, 3);
    }
}
