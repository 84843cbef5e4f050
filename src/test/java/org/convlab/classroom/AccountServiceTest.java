package org.convlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.AccountException;
import org.convlab.account.TestAccounts;
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    SchoolClassRepository classes;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuthenticationConfiguration authentication;

    AppUser teacher;
    SchoolClass sevenB;

    @BeforeEach
    void aTeacherWithAClass() {
        teacher = TestAccounts.ensure(users, encoder, "ms.rivera", Role.TEACHER);
        sevenB = classes.findByTeacherIdOrderByName(teacher.getId()).stream().findFirst()
                .orElseGet(() -> accounts.createClass(teacher, "7B Computing"));
    }

    /** Signs in exactly as the login form does: username and password through Spring Security. */
    private Authentication login(String username, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    /** The role authorities (Spring Security also adds one saying a password was used). */
    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList();
    }

    @Test
    void aLearnerRegistersWithTheClassCodeAndCanSignIn() throws Exception {
        String code = sevenB.getJoinCode().toLowerCase();
        AppUser ann = accounts.registerLearner("  Ann.Lee ", "Ann Lee", "ann-password", code);

        assertThat(ann.getUsername()).isEqualTo("ann.lee");
        assertThat(ann.getRole()).isEqualTo(Role.LEARNER);
        assertThat(ann.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("ann-password");
        assertThat(accounts.classesOf(ann)).extracting(SchoolClass::getId).containsExactly(sevenB.getId());
        Authentication signedIn = login("ANN.LEE", "ann-password");
        assertThat(signedIn.getName()).isEqualTo("ann.lee");
        assertThat(roles(signedIn)).containsExactly("ROLE_LEARNER");
        assertThatThrownBy(() -> login("ann.lee", "wrong-password")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void registrationSaysWhatIsWrongAndCreatesNothing() {
        accounts.registerLearner("taken", "Taken", "password-1", sevenB.getJoinCode());
        long before = users.count();
        String code = sevenB.getJoinCode();

        assertThatThrownBy(() -> accounts.registerLearner("ab", "Ab", "password-1", code))
                .isInstanceOf(AccountException.class).hasMessageContaining("3 to 32");
        assertThatThrownBy(() -> accounts.registerLearner("ann lee", "Ann", "password-1", code))
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> accounts.registerLearner("-ann", "Ann", "password-1", code))
                .hasMessageContaining("starting with a letter or digit");
        assertThatThrownBy(() -> accounts.registerLearner("ann2", "Ann", "short", code))
                .hasMessage("The password is too short: use at least 8 characters.");
        assertThatThrownBy(() -> accounts.registerLearner("ann2", "Ann", "x".repeat(73), code))
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> accounts.registerLearner("ann2", " ", "password-1", code))
                .hasMessageStartingWith("Enter a name");
        assertThatThrownBy(() -> accounts.registerLearner("ann2", "Ann", "password-1", "ZZZZZZ"))
                .hasMessage("There is no class with the code ZZZZZZ. Check it with your teacher.");
        assertThatThrownBy(() -> accounts.registerLearner("ann2", "Ann", "password-1", ""))
                .hasMessageStartingWith("Enter the class code");
        assertThatThrownBy(() -> accounts.registerLearner("Taken", "Someone else", "password-1", code))
                .hasMessageContaining("already taken");
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void aClassListCreatesEveryLearnerWithWorkingFirstPasswords() throws Exception {
        SchoolClass list = accounts.createClass(teacher, "8A from a list");
        String csv = "username,display_name,password\n"
                + "list.ann,Ann Lee,\n"
                + "List.Bo,\"Chen, Bo\",bo-chooses-this\n"
                + "list.cid,Cid Diaz,\n";

        List<NewAccount> created = accounts.importLearners(teacher, list, csv);

        assertThat(created).extracting(NewAccount::username).containsExactly("list.ann", "list.bo", "list.cid");
        assertThat(created.get(1).password()).isEqualTo("bo-chooses-this");
        assertThat(created.get(0).password()).hasSize(12).isNotEqualTo(created.get(2).password());
        for (NewAccount account : created) {
            assertThat(login(account.username(), account.password()).getName()).isEqualTo(account.username());
        }
        assertThat(accounts.roster(teacher, list).members()).extracting(AppUser::getDisplayName)
                .containsExactly("Ann Lee", "Chen, Bo", "Cid Diaz");
        assertThat(LearnerCsv.read(AccountService.accountsCsv(created))).extracting(LearnerCsv.Row::password)
                .containsExactlyElementsOf(created.stream().map(NewAccount::password).toList());
    }

    @Test
    void oneBadLineRefusesTheWholeListAndNamesEveryBadLine() {
        TestAccounts.ensure(users, encoder, "bad.taken", Role.LEARNER);
        long before = users.count();
        String csv = "username,display_name,password\n"
                + "bad.ann,Ann Lee,\n"           // fine
                + "bad.bo,Bo Chen,short\n"        // line 3: password too short
                + "bad.ann,Ann Again,\n"          // line 4: twice in the file
                + "bad.taken,Someone,\n"          // line 5: already an account
                + "x,Cid,\n";                     // line 6: username too short

        assertThatThrownBy(() -> accounts.importLearners(teacher, sevenB, csv))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Line 3: the password is too short").endsWith("(and 3 more problems)");
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.problems().get(1)).startsWith("Line 4: the username \"bad.ann\" appears twice");
                    assertThat(e.problems().get(2)).startsWith("Line 5: the username \"bad.taken\" is already taken");
                    assertThat(e.problems().get(3)).startsWith("Line 6: the username \"x\" does not fit");
                });
        assertThat(users.count()).isEqualTo(before);
        assertThat(users.existsByUsername("bad.ann")).isFalse();
    }

    @Test
    void everyBadLineOfAClassListReadsInGermanAndSpanish() {
        TestAccounts.ensure(users, encoder, "de.taken", Role.LEARNER);
        String csv = "username,display_name,password\n"
                + "de.ann,Ann Lee,kurz\n"          // line 2: password too short
                + "de.taken,Jemand,\n"             // line 3: already an account
                + "de.bo,Bo,=SUMME(A1)\n";         // line 4: a formula

        assertThatThrownBy(() -> accounts.importLearners(teacher, sevenB, csv))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.problemTexts()).extracting(t -> t.in(java.util.Locale.GERMAN)).containsExactly(
                            "Zeile 2: Das Passwort ist zu kurz: Nutze mindestens 8 Zeichen.",
                            "Zeile 3: Der Benutzername „de.taken“ ist schon vergeben. Hat diese Person bereits ein "
                                    + "Konto, kann sie stattdessen mit dem Klassencode beitreten.",
                            "Zeile 4: Ein erstes Passwort darf nicht mit =, +, -, @ oder einem Tabulator beginnen "
                                    + "(eine Tabellenkalkulation würde es als Formel lesen). Wähle ein anderes oder "
                                    + "lass das Feld leer, dann wird eines erzeugt.");
                    assertThat(e.text().in(java.util.Locale.GERMAN))
                            .isEqualTo("Zeile 2: Das Passwort ist zu kurz: Nutze mindestens 8 Zeichen. (und 2 weitere Probleme)");
                    assertThat(e.problemTexts().get(1).in(java.util.Locale.of("es")))
                            .startsWith("Línea 3: el nombre de usuario «de.taken» ya está en uso.");
                    // English as before, for the log and the English page.
                    assertThat(e.getMessage()).isEqualTo("Line 2: the password is too short: use at least 8 characters. "
                            + "(and 2 more problems)");
                });
    }

    @Test
    void aFirstPasswordThatASpreadsheetWouldRunAsAFormulaIsRefused() {
        long before = users.count();
        String csv = "username,display_name,password\n"
                + "formula.ann,Ann,=cmd|' /C calc'!A0\n"
                + "formula.bo,Bo,+plus-pass\n"
                + "formula.cid,Cid,-minus-pass\n"
                + "formula.dee,Dee,@at-the-pass\n";
        assertThatThrownBy(() -> accounts.importLearners(teacher, sevenB, csv))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p).contains("may not start with =, +, -, @"));
                });
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void onlyTheClassTeacherOrAnAdminMayImport() {
        AppUser other = TestAccounts.ensure(users, encoder, "mr.other", Role.TEACHER);
        AppUser learner = TestAccounts.ensure(users, encoder, "a.learner", Role.LEARNER);
        String csv = "username,display_name\nnever.made,Never Made\n";
        assertThatThrownBy(() -> accounts.importLearners(other, sevenB, csv))
                .hasMessage("No such class, or it is not yours.");
        assertThatThrownBy(() -> accounts.importLearners(learner, sevenB, csv))
                .hasMessage("No such class, or it is not yours.");
        assertThat(users.existsByUsername("never.made")).isFalse();
        assertThatThrownBy(() -> accounts.createClass(learner, "My own class")).hasMessage("Only teachers can create classes.");
    }

    @Test
    void joinCodesAreSixUnambiguousCharactersAndUnique() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String code = accounts.createClass(teacher, "Group " + i).getJoinCode();
            assertThat(code).matches("[A-HJ-NP-Z2-9]{6}");
            codes.add(code);
        }
        assertThat(codes).hasSize(40);
        assertThatThrownBy(() -> accounts.createClass(teacher, "  ")).hasMessageStartingWith("Give the class a name");
    }

    @Test
    void aLearnerJoinsAnotherClassOnce() {
        AppUser dee = accounts.registerLearner("dee", "Dee", "dee-password", sevenB.getJoinCode());
        SchoolClass club = accounts.createClass(teacher, "Coding club");

        accounts.joinClass(dee, " " + club.getJoinCode().substring(0, 3) + "-" + club.getJoinCode().substring(3) + " ");

        assertThat(accounts.classesOf(dee)).extracting(SchoolClass::getName).containsExactly("7B Computing", "Coding club");
        assertThatThrownBy(() -> accounts.joinClass(dee, club.getJoinCode())).hasMessage("You are already in Coding club.");
        assertThat(accounts.roster(teacher, club).members()).extracting(AppUser::getUsername).containsExactly("dee");
    }

    @Test
    void onlyAnAdminCreatesTeachers() throws Exception {
        AppUser admin = TestAccounts.ensure(users, encoder, "the.admin", Role.ADMIN);
        assertThatThrownBy(() -> accounts.createTeacher(teacher, "new.teacher", "New", ""))
                .hasMessage("Only an admin can create teacher accounts.");
        assertThat(users.existsByUsername("new.teacher")).isFalse();

        NewAccount created = accounts.createTeacher(admin, "New.Teacher", "Mr New", "");
        assertThat(created.username()).isEqualTo("new.teacher");
        assertThat(roles(login("new.teacher", created.password()))).containsExactly("ROLE_TEACHER");
        assertThat(accounts.rosters(users.findByUsername("new.teacher").orElseThrow())).isEmpty();
        assertThat(accounts.rosters(admin)).extracting(r -> r.schoolClass().getName()).contains("7B Computing");
    }
}
