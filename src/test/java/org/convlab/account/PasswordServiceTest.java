package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Changing one's own password: the current one is required, the new one must fit the rules. */
@Tag("database")
@SpringBootTest
class PasswordServiceTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired PasswordService passwords;
    @Autowired AppUserRepository users;
    @Autowired AuditEventRepository events;
    @Autowired PasswordEncoder encoder;

    AppUser ann;

    @BeforeEach
    void anAccount() {
        ann = users.save(new AppUser("pw.ann" + N.incrementAndGet(), "Ann", encoder.encode("ann-password"),
                Role.LEARNER));
    }

    private String hash() {
        return users.findById(ann.getId()).orElseThrow().getPasswordHash();
    }

    private long eventsAbout() {
        return events.findAll().stream().filter(e -> e.getTarget().equals(ann.getUsername())).count();
    }

    @Test
    void theNewPasswordWorksTheOldOneNoLongerAndTheChangeIsRecorded() {
        ann.setMustChangePassword(true);
        users.save(ann);

        passwords.changeOwnPassword(ann, "ann-password", "a-better-one", "a-better-one");

        AppUser stored = users.findById(ann.getId()).orElseThrow();
        assertThat(encoder.matches("a-better-one", stored.getPasswordHash())).isTrue();
        assertThat(encoder.matches("ann-password", stored.getPasswordHash())).isFalse();
        assertThat(stored.isMustChangePassword()).isFalse();
        assertThat(events.findAll()).filteredOn(e -> e.getTarget().equals(ann.getUsername())).singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo(ann.getUsername());
                    assertThat(e.getAction()).isEqualTo(AuditAction.PASSWORD_CHANGED);
                });
    }

    @Test
    void everyBadChangeSaysWhyAndChangesNothing() {
        String before = hash();
        String[][] bad = {
                {"wrong-password", "a-better-one", "a-better-one", PasswordService.WRONG_CURRENT.toString()},
                {"", "a-better-one", "a-better-one", PasswordService.WRONG_CURRENT.toString()},
                {null, "a-better-one", "a-better-one", PasswordService.WRONG_CURRENT.toString()},
                {"ANN-PASSWORD", "a-better-one", "a-better-one", PasswordService.WRONG_CURRENT.toString()},
                {"ann-password", "short", "short", "The password is too short: use at least 8 characters."},
                {"ann-password", null, null, "The password is too short: use at least 8 characters."},
                {"ann-password", "é".repeat(37), "é".repeat(37), "The password is too long: at most 72 characters."},
                {"ann-password", "a-better-one", "a-better-on", PasswordService.NOT_REPEATED.toString()},
                {"ann-password", "a-better-one", null, PasswordService.NOT_REPEATED.toString()},
                {"ann-password", "ann-password", "ann-password", PasswordService.SAME_AGAIN.toString()},
        };
        for (String[] c : bad) {
            assertThatThrownBy(() -> passwords.changeOwnPassword(ann, c[0], c[1], c[2]))
                    .isInstanceOf(AccountException.class).hasMessage(c[3]);
        }
        assertThat(hash()).isEqualTo(before);
        assertThat(eventsAbout()).isZero();
    }

    @Test
    void aGuestOrADisabledAccountChangesNothing() {
        assertThatThrownBy(() -> passwords.changeOwnPassword(null, "x", "a-better-one", "a-better-one"))
                .hasMessage("Sign in first.");
        ann.setDisabled(true);
        users.save(ann);
        String before = hash();
        assertThatThrownBy(() -> passwords.changeOwnPassword(ann, "ann-password", "a-better-one", "a-better-one"))
                .hasMessage("Sign in first.");
        assertThat(hash()).isEqualTo(before);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSigningIn() {
        for (int i = 0; i < LoginThrottle.ACCOUNT.free(); i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> passwords.changeOwnPassword(ann, guess, "fresh-password", "fresh-password"))
                    .hasMessage(PasswordService.WRONG_CURRENT.toString());
        }
        // Now even the right password waits, and nothing changes.
        String before = hash();
        assertThatThrownBy(() -> passwords.changeOwnPassword(ann, "ann-password", "fresh-password", "fresh-password"))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("Too many wrong passwords. Try again in");
        assertThat(hash()).isEqualTo(before);
    }
}
