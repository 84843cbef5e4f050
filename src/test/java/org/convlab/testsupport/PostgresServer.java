package org.convlab.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from the machine's own binaries (Debian's postgresql,
 * installed by scripts/setup.sh): one per test JVM, in a fresh folder, on a free loopback port,
 * with durability off (fsync) because the tests throw it away. PostgreSQL refuses to run as root,
 * so as root it runs as the {@code postgres} system user the package creates.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server; returns its JDBC URL. */
    public String createDatabase() {
        String name = "convlab_test_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), "convlab", "");
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("convlab-pg-");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "convlab", "--auth=trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions"), root);
            int port = TestFiles.freePort();
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), root);
            return new PostgresServer(dir, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(List.of(binaries().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), root);
            TestFiles.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // Best effort at JVM exit: a leftover temp folder is harmless.
        }
    }

    /** The newest installed PostgreSQL's bin folder. */
    private static Path binaries() {
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                    + "run scripts/setup.sh postgres, or sudo apt-get install postgresql");
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (" + process.exitValue() + "):\n" + output);
        }
    }
}
