package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convlab.ConvLabApplication;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.PersonalLearner;
import org.convlab.account.Role;
import org.convlab.lesson.progress.LessonProgressRecord;
import org.convlab.lesson.progress.LessonProgressRepository;
import org.convlab.lesson.progress.ProgressService;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJobRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One database, started in one mode and then the other, as a learner who outgrows their laptop does:
 * every run and every lesson result is still there after each switch (docs/decisions/013).
 */
class ModeSwitchTest {

    @TempDir
    Path folder;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ConfigurableApplicationContext start(String mode, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("db").toAbsolutePath()
                        + "/convlab;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--convlab.runs-dir=" + folder.resolve("runs").toAbsolutePath(),
                "--convlab.mode=" + mode, "--convlab.admin.password=switch-admin-password",
                "--convlab.worker.enabled=false"));
        args.addAll(List.of(extra));
        // No web server: the modes' records are what is tested here, not the pages.
        return new SpringApplicationBuilder(ConvLabApplication.class).web(WebApplicationType.NONE)
                .properties("spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig")
                .run(args.toArray(String[]::new));
    }

    /** Run ids by owner's username, and lesson results as "username:lesson:attempts". */
    private static Map<String, List<String>> runsByOwner(ConfigurableApplicationContext app) {
        AppUserRepository users = app.getBean(AppUserRepository.class);
        return app.getBean(RunJobRepository.class).findAll().stream().collect(Collectors.groupingBy(
                job -> users.findById(job.getOwnerId()).map(AppUser::getUsername).orElse("?"),
                Collectors.mapping(RunJob::getId, Collectors.toList())));
    }

    private static List<String> lessons(ConfigurableApplicationContext app) {
        LessonProgressRepository progress = app.getBean(LessonProgressRepository.class);
        return app.getBean(AppUserRepository.class).findAll().stream()
                .flatMap(user -> progress.findByUserIdOrderByLessonAsc(user.getId()).stream()
                        .map(r -> user.getUsername() + ":" + r.getLesson() + ":" + r.getAttempts()))
                .sorted().toList();
    }

    private static void actAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(Role.LEARNER.authority()))));
    }

    private static void train(ConfigurableApplicationContext app, AppUser owner, String id) {
        app.getBean(RunJobRepository.class).save(new RunJob(id, owner.getId(), id, "{}", "{}", 1));
    }

    @Test
    void everyRunAndLessonResultSurvivesEverySwitch() {
        try (var personal = start("personal")) {
            AppUser me = personal.getBean(AppUserRepository.class).findByUsername(PersonalLearner.USERNAME).orElseThrow();
            assertThat(personal.getBean(AppUserRepository.class).existsByRole(Role.ADMIN))
                    .as("a lone learner gets no admin account").isFalse();
            train(personal, me, "first-run");
            train(personal, me, "second-run");
            actAs(PersonalLearner.USERNAME);
            personal.getBean(ProgressService.class).record("convolution", 3, 3);
            personal.getBean(ProgressService.class).record("relu", 1, 2);
            new org.springframework.jdbc.core.JdbcTemplate(personal.getBean(javax.sql.DataSource.class)).update(
                    "insert into dataset_entry (dataset_key, name, owner_id, source, channels, image_size, class_names,"
                    + " train_count, test_count, created_at) values ('my-drawings-x1', 'My drawings', ?, 'DRAWN', 1, 28,"
                    + " 'X', 8, 2, current_timestamp)", me.getId());
        }

        // Classroom mode with a hand-over target that does not exist: nothing moves, nothing is lost.
        try (var classroom = start("classroom", "--convlab.personal.hand-over-to=ann")) {
            assertThat(runsByOwner(classroom)).isEqualTo(Map.of("me", List.of("first-run", "second-run")));
            assertThat(lessons(classroom)).containsExactly("me:convolution:1", "me:relu:1");
            // Ann joins; she has done a lesson already.
            AppUser ann = classroom.getBean(AppUserRepository.class).save(
                    new AppUser("ann", "Ann", "{noop}ann-password", Role.LEARNER));
            actAs("ann");
            classroom.getBean(ProgressService.class).record("relu", 2, 2);
            train(classroom, ann, "anns-run");
        }

        // Now the target exists: Ann gets the personal learner's runs and results, merged with hers.
        try (var classroom = start("classroom", "--convlab.personal.hand-over-to=ann")) {
            assertThat(runsByOwner(classroom)).containsOnlyKeys("ann");
            assertThat(runsByOwner(classroom).get("ann")).containsExactlyInAnyOrder("first-run", "second-run", "anns-run");
            assertThat(lessons(classroom)).containsExactly("ann:convolution:1", "ann:relu:2");
            LessonProgressRecord relu = classroom.getBean(LessonProgressRepository.class).findAll().stream()
                    .filter(r -> r.getLesson().equals("relu")).findFirst().orElseThrow();
            assertThat(relu.getBestCorrect()).isEqualTo(2);
            assertThat(relu.isDone()).isTrue();
            assertThat(classroom.getBean(AppUserRepository.class).existsByUsername(PersonalLearner.USERNAME)).isFalse();
            assertThat(new org.springframework.jdbc.core.JdbcTemplate(classroom.getBean(javax.sql.DataSource.class))
                    .queryForObject("select owner_id from dataset_entry where dataset_key = 'my-drawings-x1'", Long.class))
                    .as("the personal learner's own data set is Ann's now, not deleted with the account")
                    .isEqualTo(classroom.getBean(AppUserRepository.class).findByUsername("ann").orElseThrow().getId());
        }

        // Back to personal: a fresh personal learner; the class's records are all still stored.
        try (var personal = start("personal")) {
            assertThat(personal.getBean(RunJobRepository.class).count()).isEqualTo(3);
            assertThat(personal.getBean(LessonProgressRepository.class).count()).isEqualTo(2);
            assertThat(personal.getBean(AppUserRepository.class).existsByUsername(PersonalLearner.USERNAME)).isTrue();
        }
    }
}
