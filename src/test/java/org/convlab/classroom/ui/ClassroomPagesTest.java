package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.convlab.classroom.AccountService;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.classroom.NewAccount;
import org.convlab.account.Role;
import org.convlab.account.RegistrationPolicy;
import org.convlab.account.RegistrationSettings;
import org.convlab.account.ui.SessionSignIn;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.convlab.account.SignedIn;
import org.convlab.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.Tag;
import java.util.concurrent.TimeUnit;

/** The sign-in, registration, classes and admin pages, driven as a person would. */
@Tag("database")
@SpringBootTest
class ClassroomPagesTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    SchoolClassRepository classes;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SessionSignIn signIn;

    private SchoolClass aClass(String name) {
        AppUser teacher = TestAccounts.ensure(users, encoder, "pages.teacher", Role.TEACHER);
        return accounts.createClass(teacher, name);
    }

    @Test
    void theRegisterPageOfAClassCodeServerAsksForTheCode() {
        RegisterView view = navigate(RegisterView.class);
        assertThat(view.form.isVisible()).isTrue();
        assertThat(view.classCode.isRequired()).isTrue();
        assertThat(view.getElement().getTextRecursively()).contains("Your teacher gives you a class code");
        // A new account is signed in at once and sent on (a real browser: RegistrationIT, AccountsIT).
    }

    @Test
    void anOpenServersRegisterPageMakesTheCodeOptionalAndAClosedOneHasNoForm() {
        RegisterView open = new RegisterView(accounts, signIn, new RegistrationSettings(RegistrationPolicy.OPEN));
        assertThat(open.classCode.isRequired()).isFalse();
        assertThat(open.classCode.getHelperText()).startsWith("Optional");
        assertThat(open.getElement().getTextRecursively()).contains("Anyone may create an account here");

        RegisterView closed = new RegisterView(accounts, signIn, new RegistrationSettings(RegistrationPolicy.CLOSED));
        assertThat(closed.form.getParent()).isEmpty();
        assertThat(closed.create.getParent()).isEmpty();
        assertThat(closed.getElement().getTextRecursively()).contains(AccountService.REGISTRATION_CLOSED);
    }

    @Test
    void aWrongClassCodeIsExplainedAndNoAccountIsMade() {
        RegisterView view = navigate(RegisterView.class);
        test(view.username).setValue("fay");
        test(view.displayName).setValue("Fay");
        test(view.password).setValue("fay-password");
        test(view.classCode).setValue("QQQQQQ");
        test(view.create).click();

        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo("There is no class with the code QQQQQQ. Check it with your teacher.");
        assertThat(users.existsByUsername("fay")).isFalse();
    }

    @Test
    @SignedIn(username = "class.teacher", role = Role.TEACHER)
    void aTeacherCreatesAClassAndAddsAClassListFromCsv() throws Exception {
        ClassesView view = navigate(ClassesView.class);
        test(view.newClassName).setValue("9C Computing");
        test(view.createClass).click();

        var table = test(view.classes);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.getCellText(0, 0)).isEqualTo("9C Computing");
        String code = table.getCellText(0, 1);
        assertThat(code).matches("[A-HJ-NP-Z2-9]{6}");
        assertThat(view.details.isVisible()).isTrue();
        assertThat(view.details.getElement().getTextRecursively()).contains("Join code: " + code, "No learners yet.");

        view.importCsv(("username,display_name,password\n"
                + "csv.gia,Gia Park,\n"
                + "csv.hal,Hal Ito,hal-picks-this\n").getBytes(StandardCharsets.UTF_8));
        finishImport(view);

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.created.isVisible()).isTrue();
        assertThat(view.created.getElement().getTextRecursively()).contains("Added 2 learners", "shown only now");
        var created = test(view.createdAccounts);
        assertThat(created.size()).isEqualTo(2);
        assertThat(created.getCellText(1, 2)).isEqualTo("hal-picks-this");
        String generated = created.getCellText(0, 2);
        assertThat(encoder.matches(generated, users.findByUsername("csv.gia").orElseThrow().getPasswordHash())).isTrue();
        assertThat($(Anchor.class, view.created).withClassName("accounts-download").single().getHref()).isNotBlank();
        assertThat(test(view.classes).getCellText(0, 2)).isEqualTo("2");
        var members = test(view.members);
        assertThat(members.size()).isEqualTo(2);
        assertThat(members.getCellText(0, 0)).isEqualTo("Gia Park");
    }

    @Test
    @SignedIn(username = "bad.csv.teacher", role = Role.TEACHER)
    void aBadClassListAddsNobodyAndSaysWhichLine() throws Exception {
        SchoolClass schoolClass = accounts.createClass(users.findByUsername("bad.csv.teacher").orElseThrow(), "Bad list class");
        ClassesView view = navigate(ClassesView.class);
        test(view.classes).select(0);
        long before = users.count();

        view.importCsv("username,display_name\nok.one,Ok One\nno spaces please,Two\n".getBytes(StandardCharsets.UTF_8));
        finishImport(view);

        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).startsWith("Nobody was added. Line 3: the username \"no spaces please\" does not fit");
        assertThat(view.created.isVisible()).isFalse();
        assertThat(users.count()).isEqualTo(before);
        assertThat(accounts.roster(users.findByUsername("bad.csv.teacher").orElseThrow(), schoolClass).members()).isEmpty();

        view.importCsv(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, 0x00});
        assertThat(view.problem.getText()).contains("not plain text in UTF-8");
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    @SignedIn(username = "bad.csv.lehrer", role = Role.TEACHER)
    void aBadClassListIsRefusedLineByLineInTheTeachersLanguage() throws Exception {
        accounts.createClass(users.findByUsername("bad.csv.lehrer").orElseThrow(), "Klasse mit Fehlern");
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        ClassesView view = navigate(ClassesView.class);
        test(view.classes).select(0);
        long before = users.count();

        view.importCsv("username,display_name\nok.zwei,Ok Zwei\nok.zwei,Noch mal\nx,Xaver\n".getBytes(StandardCharsets.UTF_8));
        finishImport(view);

        assertThat(view.problem.getText()).isEqualTo("Niemand wurde hinzugefügt. "
                + "Zeile 3: Der Benutzername „ok.zwei“ kommt in der Datei zweimal vor. "
                + "Zeile 4: Der Benutzername „x“ passt nicht: Nutze 3 bis 32 Kleinbuchstaben, Ziffern, Punkte, "
                + "Bindestriche oder Unterstriche, am Anfang ein Buchstabe oder eine Ziffer.");
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    @SignedIn(username = "page.admin", role = Role.ADMIN)
    void theAdminCreatesATeacherAndSeesTheAccounts() {
        AdminView view = navigate(AdminView.class);
        test(view.username).setValue("Mr.Jones");
        test(view.displayName).setValue("Mr Jones");
        test(view.createTeacher).click();

        assertThat(view.result.getClassName()).isEqualTo("callout-success");
        String text = view.result.getText();
        assertThat(text).startsWith("Created the teacher account mr.jones with the first password ");
        String password = text.replaceAll(".*first password (\\S+)\\. .*", "$1");
        AppUser jones = users.findByUsername("mr.jones").orElseThrow();
        assertThat(jones.getRole()).isEqualTo(Role.TEACHER);
        assertThat(encoder.matches(password, jones.getPasswordHash())).isTrue();
        Grid<AppUser> grid = view.users;
        assertThat(test(grid).size()).isEqualTo((int) users.count());

        test(view.username).setValue("mr.jones");
        test(view.displayName).setValue("Another Jones");
        test(view.createTeacher).click();
        assertThat(view.result.getClassName()).isEqualTo("callout-error");
        assertThat(view.result.getText()).contains("already taken");
    }

    @Test
    void generatedPasswordsAreNeverTheSame() {
        AppUser admin = TestAccounts.ensure(users, encoder, "pw.admin", Role.ADMIN);
        NewAccount a = accounts.createTeacher(admin, "pw.one", "One", "");
        NewAccount b = accounts.createTeacher(admin, "pw.two", "Two", "");
        assertThat(a.password()).isNotEqualTo(b.password()).matches("[a-km-np-z2-9]{12}");
    }

    /** A long class list shows its progress and can be stopped; a stopped import adds nobody. */
    @Test
    @SignedIn(username = "long.list.teacher", role = Role.TEACHER)
    void aLongClassListShowsProgressAndCanBeCancelled() throws Exception {
        SchoolClass schoolClass = accounts.createClass(users.findByUsername("long.list.teacher").orElseThrow(), "Big class");
        ClassesView view = navigate(ClassesView.class);
        test(view.classes).select(0);
        long before = users.count();
        StringBuilder csv = new StringBuilder("username,display_name\n");
        for (int i = 0; i < 60; i++) {
            csv.append("long.").append(i).append(",Learner ").append(i).append('\n');
        }

        view.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(view.importing.isVisible()).isTrue();
        assertThat(view.upload.isVisible()).as("one list at a time").isFalse();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!view.importText.getText().startsWith("Creating accounts") && System.nanoTime() < deadline) {
            runPendingAccessTasks();
            Thread.sleep(20);
        }
        assertThat(view.importText.getText()).matches("Creating accounts: \\d+ of 60 · about \\d+ s left");
        assertThat(view.importBar.isIndeterminate()).isFalse();

        test(view.cancelImport).click();
        finishImport(view);
        assertThat(view.problem.getText()).isEqualTo("The import was cancelled. Nobody was added.");
        assertThat(view.importing.isVisible()).isFalse();
        assertThat(view.upload.isVisible()).isTrue();
        assertThat(users.count()).isEqualTo(before);
        assertThat(accounts.roster(users.findByUsername("long.list.teacher").orElseThrow(), schoolClass).members()).isEmpty();
    }

    /** Waits for the class-list import started by the view, then runs what it handed to the page. */
    private static void finishImport(ClassesView view) throws Exception {
        view.pendingImport.get(2, TimeUnit.MINUTES);
        runPendingAccessTasks();
    }

    private static void runPendingAccessTasks() {
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }
}
