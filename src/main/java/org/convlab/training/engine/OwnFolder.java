package org.convlab.training.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * ConvLab's one recursive delete. It deletes whatever is in the folder, so it is only for a folder
 * ConvLab wrote itself, and every caller checks that first: a replaced run folder that
 * {@link RunStore#isRunFolder} accepted, a save's own hidden temp folder, a run's checkpoint folder
 * ({@link CheckpointFolder#discard}). Links inside are removed, never followed.
 */
final class OwnFolder {

    private OwnFolder() {}

    /** Deletes {@code dir} and everything in it; nothing when it is not there. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
