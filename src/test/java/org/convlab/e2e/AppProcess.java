package org.convlab.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convlab.testsupport.TestFiles;

/**
 * One ConvLab process started from the packaged jar, as an operator starts it: the web app or a
 * {@code worker}. Tests that stop servers (gracefully or with kill -9) start their own.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A web app on a free port using {@code dbDir} and {@code runsDir}. */
    static AppProcess web(Path dbDir, Path runsDir, String... extra) {
        int port = TestFiles.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(common(dbDir, runsDir));
        args.addAll(List.of(extra));
        classroomUnlessNamed(args);
        AppProcess app = start(args, port, "web", "-Xmx2g");
        app.awaitHttp(Duration.ofSeconds(120));
        return app;
    }

    /** A {@code convlab.jar worker} sharing the web app's database and runs folder. */
    static AppProcess worker(Path dbDir, Path runsDir, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(common(dbDir, runsDir));
        args.add("--convlab.worker.name=" + name);
        args.addAll(List.of(extra));
        classroomUnlessNamed(args);
        return start(args, -1, "worker", "-Xmx1g");
    }

    /** Accounts and classes, as a teacher runs ConvLab; a test of personal mode names its mode. */
    private static void classroomUnlessNamed(List<String> args) {
        if (args.stream().noneMatch(arg -> arg.startsWith("--convlab.mode="))) {
            args.add("--convlab.mode=classroom");
        }
        // Run budgets (docs/decisions/014) are off unless a test names them, as in the other tests:
        // these tests queue what they need (the budgets have their own tests).
        for (String budget : List.of("--convlab.budget.max-image-epochs=", "--convlab.budget.max-waiting-runs=")) {
            if (args.stream().noneMatch(arg -> arg.startsWith(budget))) {
                args.add(budget + "0");
            }
        }
    }

    private static List<String> common(Path dbDir, Path runsDir) {
        List<String> args = new ArrayList<>(List.of("--convlab.db-dir=" + dbDir.toAbsolutePath(),
                "--convlab.runs-dir=" + runsDir.toAbsolutePath(), "--convlab.admin.password=" + ADMIN_PASSWORD));
        String data = System.getProperty("convlab.data-dir");
        if (data != null) {
            args.add("--convlab.data-dir=" + data);
        }
        return args;
    }

    /** The H2 URL a test uses to look into the app's database while it runs (H2's auto-server mode). */
    static String jdbcUrl(Path dbDir) {
        return "jdbc:h2:file:" + dbDir.toAbsolutePath().resolve("convlab")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static AppProcess start(List<String> args, int port, String kind, String heap) {
        Path jar = Path.of(System.getProperty("convlab.jar", "target/convlab.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the end-to-end tests with ./mvnw verify");
        }
        try {
            Path log = Files.createTempFile("convlab-" + kind, ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-jar", jar.toString()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new AppProcess(process, port, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar, e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** kill -9: no shutdown hook, no last write; what a power cut or the OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(TimeUnit.SECONDS.toMillis(40), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHttp(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start-up:\n" + log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(""))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("the app did not answer within " + timeout + ":\n" + log());
    }

}
