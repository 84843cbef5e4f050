package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed per account and per address, without letting a stranger lock a learner out. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2025-09-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public Instant instant() { return now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    final HandClock clock = new HandClock();
    final LoginThrottle throttle = new LoginThrottle();

    @BeforeEach
    void setUp() {
        throttle.useClock(clock);
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void aFewWrongPasswordsAreFreeThenTheAccountMustWait() {
        fail("ann", "10.0.0.7", 4);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).isEmpty();
        fail("ann", "10.0.0.7", 1);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).contains(Duration.ofSeconds(15));
        assertThat(new TooManyAttemptsException(Duration.ofSeconds(15)).getMessage())
                .isEqualTo("Too many wrong passwords. Try again in 15 seconds.");
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.waitFor("ann", "10.0.0.7")).as("the wait is over").isEmpty();
    }

    @Test
    void theWaitDoublesUpToACap() {
        fail("ann", "10.0.0.7", 6);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).contains(Duration.ofSeconds(30));
        fail("ann", "10.0.0.7", 30);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("ann", "10.0.0.8")).as("the account's shared wait").contains(Duration.ofMinutes(1));
    }

    @Test
    void guessingSpreadOverManyAddressesMakesTheAccountWait() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("ann", "10.0.1." + i);
        }
        assertThat(throttle.waitFor("ann", "10.0.0.7")).isEmpty();
        throttle.failed("ann", "10.0.1.99");
        assertThat(throttle.waitFor("ann", "10.0.0.7")).contains(Duration.ofSeconds(15));
    }

    @Test
    void theRightPasswordClearsTheAccountButNotTheAddress() {
        fail("ann", "10.0.0.7", 4);
        throttle.succeeded("ANN ", "10.0.0.7");
        fail("ann", "10.0.0.7", 4);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).as("count started again").isEmpty();

        // Guessing other accounts between sign-ins to one's own does not reset the address.
        for (int i = 0; i < 20; i++) {
            throttle.failed("victim" + i, "10.0.0.66");
            throttle.succeeded("mallory", "10.0.0.66");
        }
        assertThat(throttle.waitFor("victim0", "10.0.0.66")).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("someone-new", "10.0.0.66")).as("the address waits for accounts new to it")
                .contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("mallory", "10.0.0.66")).as("an account known at the address signs in").isEmpty();
    }

    @Test
    void usernamesAreOneAccountWhateverTheirCaseAndAHugeNameIsCut() {
        fail("Ann.Lee", "10.0.0.7", 3);
        fail(" ann.lee ", "10.0.0.7", 2);
        assertThat(throttle.waitFor("ANN.LEE", "10.0.0.7")).isPresent();
        String huge = "x".repeat(100_000);
        fail(huge, "10.0.0.8", 5);
        assertThat(throttle.waitFor(huge, "10.0.0.8")).isPresent();
    }

    /**
     * A stranger at another address hammers a learner's account for half an hour, trying again the
     * moment a wait ends. The learner, at their own address, can sign in the whole time.
     */
    @Test
    void aStrangerCannotLockALearnerOutForLong() {
        Duration longestLearnerWait = Duration.ZERO;
        int secondsFree = 0;
        int seconds = 30 * 60;
        for (int s = 0; s < seconds; s++) {
            if (throttle.waitFor("ann", "10.0.0.66").isEmpty()) {
                throttle.failed("ann", "10.0.0.66");
            }
            Optional<Duration> learner = throttle.waitFor("ann", "10.0.0.7");
            if (learner.isEmpty()) {
                secondsFree++;
            } else if (learner.get().compareTo(longestLearnerWait) > 0) {
                longestLearnerWait = learner.get();
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.waitFor("ann", "10.0.0.66")).as("the stranger waits").isPresent();
        assertThat(longestLearnerWait).isZero();
        assertThat(secondsFree).isEqualTo(seconds);
    }

    @Test
    void failuresAreForgottenAfterAWhile() {
        fail("ann", "10.0.0.7", 4);
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        fail("ann", "10.0.0.7", 1);
        assertThat(throttle.waitFor("ann", "10.0.0.7")).isEmpty();
    }

    /**
     * Thirty learners share the school router's address. One of them tries a hundred wrong
     * passwords on made-up and real accounts; everyone who has signed in from there before still can.
     */
    @Test
    void oneLearnersMischiefDoesNotLockOutTheClassBehindOneRouter() {
        String school = "203.0.113.5";
        for (int i = 0; i < 30; i++) {
            throttle.succeeded("learner" + i, school);
        }
        for (int i = 0; i < 100; i++) {
            throttle.failed(i % 2 == 0 ? "nobody" + i : "learner" + (i % 30), school);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.waitFor("learner" + i, school)).as("learner" + i)
                    .satisfiesAnyOf(w -> assertThat(w).isEmpty(),
                            w -> assertThat(w.get()).isLessThanOrEqualTo(Duration.ofSeconds(15)));
        }
        assertThat(throttle.waitFor("learner0", school)).as("untouched by the guessing").isEmpty();
        assertThat(throttle.waitFor("newcomer", school)).as("an account new to the address waits").isPresent();
    }
}
