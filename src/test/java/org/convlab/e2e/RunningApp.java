package org.convlab.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar, started once per test JVM exactly as a user starts it ({@code java -jar
 * target/convlab.jar}), on a free port. End-to-end tests drive this real server, not a test
 * context, so they also prove the production build works.
 */
final class RunningApp {

    /** The first admin, made by the app at start-up from these settings. */
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private static RunningApp instance;

    private final Process process;
    private final int port;
    private final Path log;

    private RunningApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static synchronized RunningApp get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
        return instance;
    }

    /** The runs folder the app reads (not the repository's runs/): tests may put run folders here. */
    static Path runsDir() {
        return Path.of(System.getProperty("convlab.runs-dir", "target/e2e-runs")).toAbsolutePath();
    }

    /** The app's database folder, emptied before each start so every test run begins with no accounts. */
    static Path dbDir() {
        return Path.of(System.getProperty("convlab.db-dir", "target/e2e-db")).toAbsolutePath();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static RunningApp start() {
        Path jar = Path.of(System.getProperty("convlab.jar", "target/convlab.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the end-to-end tests with ./mvnw verify");
        }
        try {
            int port = freePort();
            Path log = Files.createTempFile("convlab-e2e", ".log");
            deleteRecursively(dbDir());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g", "-jar", jar.toString(), "--server.port=" + port, "--convlab.runs-dir=" + runsDir(),
                    "--convlab.db-dir=" + dbDir(), "--convlab.admin.username=" + ADMIN_USERNAME,
                    "--convlab.admin.password=" + ADMIN_PASSWORD));
            String data = System.getProperty("convlab.data-dir");
            if (data != null) {
                command.add("--convlab.data-dir=" + data);
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RunningApp app = new RunningApp(process, port, log);
            app.awaitReady(Duration.ofSeconds(90));
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar, e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(""))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("the app did not answer within " + timeout + ":\n" + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
