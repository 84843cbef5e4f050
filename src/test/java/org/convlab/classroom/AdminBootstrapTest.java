package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.convlab.account.AppMode;
import org.convlab.account.AppUser;
import org.convlab.account.PersonalLearner;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.training.queue.RunQueue;
/** The first admin comes from the configuration, once; an existing admin is never replaced. */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest(properties = {"convlab.admin.username=Head", "convlab.admin.password=head-password"})
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @Autowired
    AppUserRepository users;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    RunQueue queue;
    @Autowired
    PersonalLearner personal;
    @Autowired
    PersonalHandOver handOver;

    @Test
    void theConfiguredAdminExistsAfterStartAndIsNotOverwritten() {
        AppUser head = users.findByUsername("head").orElseThrow();
        assertThat(head.getRole()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches("head-password", head.getPasswordHash())).isTrue();

        // A restart with other settings: the admin stays as it was and no second one appears.
        var restart = new AdminBootstrap(users, accounts, "someone-else", "other-password", queue, AppMode.CLASSROOM, personal, handOver);
        assertThat(restart.ensureAdmin()).isEqualTo(AdminBootstrap.Outcome.EXISTED);
        assertThat(encoder.matches("head-password", users.findByUsername("head").orElseThrow().getPasswordHash())).isTrue();
        assertThat(users.existsByUsername("someone-else")).isFalse();
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndLoggedOnceAndItWorks(CapturedOutput output) {
        withoutAdmin(() -> {
            var firstStart = new AdminBootstrap(users, accounts, "root", "", queue, AppMode.CLASSROOM, personal, handOver);
            assertThat(firstStart.ensureAdmin()).isEqualTo(AdminBootstrap.Outcome.CREATED);

            Matcher line = Pattern.compile("Created the admin account 'root' with the password (\\S+) ").matcher(output.getAll());
            assertThat(line.find()).as(output.getAll()).isTrue();
            String password = line.group(1);
            assertThat(line.find()).as("logged once").isFalse();
            AppUser root = users.findByUsername("root").orElseThrow();
            assertThat(root.getRole()).isEqualTo(Role.ADMIN);
            assertThat(encoder.matches(password, root.getPasswordHash())).isTrue();
            users.delete(root);
        });
    }

    @Test
    void aNameThatBelongsToALearnerIsLeftAlone() {
        AppUser learner = TestAccounts.ensure(users, encoder, "boss", Role.LEARNER);
        withoutAdmin(() -> {
            var start = new AdminBootstrap(users, accounts, "boss", "boss-password", queue, AppMode.CLASSROOM, personal, handOver);
            assertThat(start.ensureAdmin()).isEqualTo(AdminBootstrap.Outcome.NAME_TAKEN);
            AppUser same = users.findByUsername("boss").orElseThrow();
            assertThat(same.getRole()).isEqualTo(Role.LEARNER);
            assertThat(same.getPasswordHash()).isEqualTo(learner.getPasswordHash());
        });
    }

    /** Runs with the configured admin briefly demoted, as on a server that has no admin yet. */
    private void withoutAdmin(Runnable test) {
        AppUser head = users.findByUsername("head").orElseThrow();
        head.setRole(Role.TEACHER);
        users.save(head);
        try {
            test.run();
        } finally {
            head.setRole(Role.ADMIN);
            users.save(head);
        }
    }
}
