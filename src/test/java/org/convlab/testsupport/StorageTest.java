package org.convlab.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.model.Presets;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.convlab.training.queue.RunQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.convlab.training.engine.RunState;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage itself, on whichever database this run of the suite uses (H2, or PostgreSQL in the
 * build's "postgres" pass): migrations applied, and accounts, classes and runs written and read back.
 */
@Tag("database")
@SpringBootTest(properties = "convlab.worker.enabled=false")
class StorageTest {

    @Autowired DataSource dataSource;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired RunJobRepository runs;
    @Autowired RunQueue queue;

    @Test
    void theSuiteRunsOnTheDatabaseItWasAskedFor() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
        }
    }

    /**
     * The PostgreSQL pass runs the tests tagged "database"; every test that starts the application
     * (and so its database) must carry the tag, or it would quietly run on H2 only.
     */
    @Test
    void everyTestThatStartsTheApplicationRunsOnBothDatabases() throws ClassNotFoundException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(SpringBootTest.class));
        List<String> untagged = new ArrayList<>();
        int found = 0;
        for (var candidate : scanner.findCandidateComponents("org.convlab")) {
            Class<?> test = Class.forName(candidate.getBeanClassName());
            found++;
            Tag tag = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(test, Tag.class);
            if (tag == null || !tag.value().equals("database")) {
                untagged.add(test.getName());
            }
        }
        assertThat(found).isGreaterThan(20);
        assertThat(untagged).as("@SpringBootTest classes without @Tag(\"database\")").isEmpty();
    }

    @Test
    void everyMigrationIsApplied() throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where success = false", Integer.class);
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success = true and version is not null", Integer.class);
        int written = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
        assertThat(failed).isZero();
        assertThat(written).isGreaterThanOrEqualTo(4);
        assertThat(applied).isEqualTo(written);
    }

    @Test
    void accountsClassesAndRunsAreStoredAndReadBack() {
        AppUser teacher = users.save(new AppUser("st-teacher", "Ms Storage", "{noop}x", Role.TEACHER));
        AppUser learner = users.save(new AppUser("st-learner", "Lin", "{noop}x", Role.LEARNER));
        SchoolClass room = new SchoolClass("Storage 101", "STORE1", teacher);
        room.getMembers().add(learner);
        classes.save(room);

        assertThat(classes.findByJoinCode("STORE1")).get().extracting(SchoolClass::getName).isEqualTo("Storage 101");
        assertThat(classes.findByMember(learner.getId())).extracting(SchoolClass::getJoinCode).containsExactly("STORE1");
        assertThat(classes.teaches(teacher.getId(), learner.getId())).isTrue();
        assertThat(classes.teaches(learner.getId(), teacher.getId())).isFalse();

        RunJob job = queue.submit(learner.getId(), Presets.get("baseline-cnn"), Hyperparameters.defaults().withEpochs(3));
        RunJob stored = runs.findById(job.getId()).orElseThrow();
        assertThat(stored.getOwnerId()).isEqualTo(learner.getId());
        assertThat(stored.getStatus()).isEqualTo(RunState.QUEUED);
        assertThat(stored.getEpochsTotal()).isEqualTo(3);
        assertThat(stored.getSpecJson()).contains("baseline-cnn");
        assertThat(stored.getSubmittedAt()).isNotNull();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from scheduled_tasks where task_instance = ?", Integer.class, job.getId())).isEqualTo(1);
        assertThat(queue.cancel(job.getId())).get().extracting(RunJob::getStatus).isEqualTo(RunState.CANCELLED);
    }
}
