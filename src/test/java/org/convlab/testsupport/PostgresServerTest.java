package org.convlab.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The tests' own PostgreSQL server: a real one, on loopback, handing out separate databases. Only
 * in the build's PostgreSQL pass, so the H2 pass never starts a server.
 */
@Tag("database")
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgres")
class PostgresServerTest {

    @Test
    void aRealServerAnswersOnLoopback() throws SQLException {
        PostgresServer server = PostgresServer.get();
        assertThat(PostgresServer.get()).as("one server per JVM").isSameAs(server);
        try (Connection c = DriverManager.getConnection(server.url("postgres"), "convlab", "");
                Statement s = c.createStatement();
                ResultSet version = s.executeQuery("select version(), inet_server_addr()::text, current_setting('fsync')")) {
            version.next();
            assertThat(version.getString(1)).as("the binaries from Maven Central (see the pom)").startsWith("PostgreSQL 17.");
            assertThat(version.getString(2)).startsWith("127.0.0.1");
            assertThat(version.getString(3)).isEqualTo("off");
        }
    }

    @Test
    void everyDatabaseItHandsOutIsNewAndEmpty() throws SQLException {
        PostgresServer server = PostgresServer.get();
        String first = server.createDatabase();
        String second = server.createDatabase();
        assertThat(first).isNotEqualTo(second);
        try (Connection c = DriverManager.getConnection(first, "convlab", ""); Statement s = c.createStatement()) {
            s.execute("create table only_here (id int)");
        }
        try (Connection c = DriverManager.getConnection(second, "convlab", ""); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from only_here")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("only_here");
        }
    }
}
