package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.convlab.account.AccountException;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.RegistrationPolicy;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Self-registration under each {@code convlab.registration} policy (one application: the policy is
 * passed in), and joining a class later with its code. Every refusal says why and creates nothing.
 */
@Tag("database")
@SpringBootTest
class RegistrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    SchoolClassRepository classes;
    @Autowired
    PasswordEncoder encoder;

    SchoolClass aClass;

    @BeforeEach
    void aTeacherWithAClass() {
        AppUser teacher = TestAccounts.ensure(users, encoder, "reg.teacher", Role.TEACHER);
        aClass = classes.findByTeacherIdOrderByName(teacher.getId()).stream().findFirst()
                .orElseGet(() -> accounts.createClass(teacher, "Registration 9C"));
    }

    @Test
    void theServersDefaultIsRegistrationWithAClassCode() {
        assertThatThrownBy(() -> accounts.registerLearner("def.ann", "Ann", "password-1", ""))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("Enter the class code");
        assertThat(users.existsByUsername("def.ann")).isFalse();
    }

    @Test
    void closedRefusesEveryoneEvenWithARightCode() {
        long before = users.count();
        assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.CLOSED, "closed.ann", "Ann",
                "password-1", aClass.getJoinCode()))
                .isInstanceOf(AccountException.class).hasMessage(AccountService.REGISTRATION_CLOSED);
        assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.CLOSED, null, null, null, null))
                .hasMessage(AccountService.REGISTRATION_CLOSED);
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void classCodeNeedsARealCode() {
        long before = users.count();
        for (String code : new String[] {null, "", "   ", "-", "ZZZZZZ", aClass.getJoinCode() + "X", "' OR 1=1 --",
                "<script>alert(1)</script>", "%", "\u0000"}) {
            assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.CLASS_CODE, "code.ann", "Ann",
                    "password-1", code)).as("code %s", code).isInstanceOf(AccountException.class)
                    .hasMessageMatching("(Enter the class code|There is no class with the code|A class code has only).*");
        }
        assertThat(users.count()).isEqualTo(before);

        AppUser ann = accounts.registerLearner(RegistrationPolicy.CLASS_CODE, "code.ann", "Ann", "password-1",
                " " + aClass.getJoinCode().toLowerCase() + " ");
        assertThat(accounts.classesOf(ann)).extracting(SchoolClass::getId).containsExactly(aClass.getId());
    }

    @Test
    void openMakesALearnerWithoutAClassWhoJoinsOneLater() {
        AppUser bo = accounts.registerLearner(RegistrationPolicy.OPEN, "open.bo", "Bo", "password-1", "  ");
        assertThat(bo.getRole()).isEqualTo(Role.LEARNER);
        assertThat(accounts.classesOf(bo)).isEmpty();

        assertThatThrownBy(() -> accounts.joinClass(bo, "NOPE42")).hasMessageContaining("no class with the code NOPE42");
        assertThatThrownBy(() -> accounts.joinClass(bo, "")).hasMessageStartingWith("Enter the class code");
        assertThatThrownBy(() -> accounts.joinClass(bo, "K7\u0000QF")).hasMessageStartingWith("A class code has only");
        assertThatThrownBy(() -> accounts.joinClass(bo, "x".repeat(10_000))).hasMessageStartingWith("A class code has only");
        assertThat(accounts.classesOf(bo)).isEmpty();

        assertThat(accounts.joinClass(bo, aClass.getJoinCode().toLowerCase()).getId()).isEqualTo(aClass.getId());
        assertThat(accounts.classesOf(bo)).extracting(SchoolClass::getId).containsExactly(aClass.getId());
        assertThatThrownBy(() -> accounts.joinClass(bo, aClass.getJoinCode())).hasMessageStartingWith("You are already in");
        assertThatThrownBy(() -> accounts.joinClass(null, aClass.getJoinCode())).hasMessage("Sign in first.");
    }

    @Test
    void openWithACodeJoinsThatClassAndAWrongCodeIsRefused() {
        long before = users.count();
        assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.OPEN, "open.cy", "Cy", "password-1",
                "WRONG1")).hasMessageContaining("no class with the code WRONG1");
        assertThat(users.count()).isEqualTo(before);

        AppUser cy = accounts.registerLearner(RegistrationPolicy.OPEN, "open.cy", "Cy", "password-1",
                aClass.getJoinCode());
        assertThat(accounts.classesOf(cy)).extracting(SchoolClass::getId).containsExactly(aClass.getId());
    }

    static Stream<Arguments> hostileAccounts() {
        return Stream.of(
                Arguments.of(null, "Name", "password-1", "Choose a username"),
                Arguments.of("", "Name", "password-1", "Choose a username"),
                Arguments.of("   ", "Name", "password-1", "Choose a username"),
                Arguments.of("ab", "Name", "password-1", "does not fit"),
                Arguments.of("a".repeat(33), "Name", "password-1", "does not fit"),
                Arguments.of("ann lee", "Name", "password-1", "does not fit"),
                Arguments.of("../../etc/passwd", "Name", "password-1", "does not fit"),
                Arguments.of("ann'; drop table app_user; --", "Name", "password-1", "does not fit"),
                Arguments.of("<script>", "Name", "password-1", "does not fit"),
                Arguments.of("ännchen", "Name", "password-1", "does not fit"),
                Arguments.of("ann\u0000lee", "Name", "password-1", "does not fit"),
                Arguments.of("_ann", "Name", "password-1", "does not fit"),
                Arguments.of("open.ok", null, "password-1", "Enter a name"),
                Arguments.of("open.ok", " \t ", "password-1", "Enter a name"),
                Arguments.of("open.ok", "N".repeat(121), "password-1", "too long"),
                Arguments.of("open.ok", "Ann\u0000Lee", "password-1", "control characters"),
                Arguments.of("open.ok", "Ann\nLee", "password-1", "control characters"),
                Arguments.of("open.ok", "Ann\tLee", "password-1", "control characters"),
                Arguments.of("open.ok", "Name", null, "too short"),
                Arguments.of("open.ok", "Name", "", "too short"),
                Arguments.of("open.ok", "Name", "1234567", "too short"),
                Arguments.of("open.ok", "Name", "ü".repeat(37), "too long"),
                Arguments.of("open.ok", "Name", "x".repeat(10_000), "too long"));
    }

    @ParameterizedTest
    @MethodSource("hostileAccounts")
    void openRegistrationRefusesHostileInputAndCreatesNothing(String username, String name, String password,
            String says) {
        long before = users.count();
        assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.OPEN, username, name, password, null))
                .isInstanceOf(AccountException.class).hasMessageContaining(says);
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void openRegistrationCannotTakeAnExistingAccount() {
        TestAccounts.ensure(users, encoder, "open.taken", Role.TEACHER);
        assertThatThrownBy(() -> accounts.registerLearner(RegistrationPolicy.OPEN, " OPEN.Taken ", "Me",
                "password-1", "")).hasMessageContaining("already taken");
        assertThat(users.findByUsername("open.taken")).get().extracting(AppUser::getRole).isEqualTo(Role.TEACHER);
    }
}
