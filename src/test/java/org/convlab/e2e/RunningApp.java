package org.convlab.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.convlab.testsupport.TestFiles;

/**
 * The packaged jar, started once per test JVM exactly as a user starts it ({@code java -jar
 * target/convlab.jar}), on a free port, with an empty database. End-to-end tests drive this real
 * server, not a test context, so they also prove the production build works.
 */
final class RunningApp {

    /** The first admin, made by the app at start-up from these settings. */
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = AppProcess.ADMIN_PASSWORD;

    private static AppProcess instance;

    private RunningApp() {}

    static synchronized AppProcess get() {
        if (instance == null) {
            try {
                TestFiles.deleteTree(dbDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Short time slices, so that a test with two learners sees turns within seconds.
            instance = AppProcess.web(dbDir(), runsDir(), "--convlab.admin.username=" + ADMIN_USERNAME,
                    "--convlab.queue.slice-seconds=3");
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** The runs folder the app reads (not the repository's runs/). */
    static Path runsDir() {
        return Path.of(System.getProperty("convlab.runs-dir", "target/e2e-runs")).toAbsolutePath();
    }

    /** The app's database folder, emptied before each start so every test run begins with no accounts. */
    static Path dbDir() {
        return Path.of(System.getProperty("convlab.db-dir", "target/e2e-db")).toAbsolutePath();
    }
}
