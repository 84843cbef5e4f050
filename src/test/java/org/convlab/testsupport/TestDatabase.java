package org.convlab.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Chooses the database of every Spring test context: an in-memory H2 by default (see
 * src/test/resources/config/application.properties), or, when the build runs the tests with
 * {@code -Dconvlab.test.database=postgres}, a fresh database on the tests' own PostgreSQL server.
 * Flyway migrates it either way, so the migrations are proven on both.
 */
public final class TestDatabase implements ContextCustomizerFactory {

    public static final String PROPERTY = "convlab.test.database";

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return postgres() ? new Postgres() : null;
    }

    /** Equal to every other instance, so contexts are cached exactly as without it. */
    static final class Postgres implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = PostgresServer.get().createDatabase();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("convlab-test-postgres", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "convlab",
                    "spring.datasource.password", "",
                    "spring.datasource.hikari.maximum-pool-size", "5")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Postgres;
        }

        @Override
        public int hashCode() {
            return Postgres.class.hashCode();
        }
    }
}
