package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Code;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.AuditAction;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.classroom.AccountService;
import org.convlab.classroom.ClassDeletion;
import org.convlab.classroom.SchoolClass;
import org.convlab.classroom.SchoolClassRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Account care on the classes page and the admin page, driven as a teacher and an admin would. */
@Tag("database")
@SpringBootTest
class AccountCarePagesTest extends SpringBrowserlessTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired AccountService accounts;
    @Autowired AppUserRepository users;
    @Autowired SchoolClassRepository classes;
    @Autowired PasswordEncoder encoder;

    private static String header(Confirmation dialog) {
        return dialog.header();
    }

    private String firstPassword(Confirmation dialog) {
        return $(Code.class, dialog.body).withClassName("first-password").single().getText();
    }

    @Test
    void aTeacherResetsRemovesRenamesAndDeletes() {
        int n = N.incrementAndGet();
        AppUser teacher = TestAccounts.ensure(users, encoder, "care.page.teacher" + n, Role.TEACHER);
        SchoolClass room = accounts.createClass(teacher, "Care room " + n);
        AppUser ann = accounts.registerLearner("care.page.ann" + n, "Ann Care", "ann-password", room.getJoinCode());
        TestAccounts.signIn(teacher);
        ClassesView view = navigate(ClassesView.class);
        test(view.classes).select(0);

        view.resetPassword(ann);
        assertThat(header(view.dialog)).isEqualTo("New first password for Ann Care");
        String first = firstPassword(view.dialog);
        AppUser stored = users.findById(ann.getId()).orElseThrow();
        assertThat(encoder.matches(first, stored.getPasswordHash())).isTrue();
        assertThat(stored.isMustChangePassword()).isTrue();

        view.askToRemove(ann);
        assertThat(header(view.dialog)).isEqualTo("Remove Ann Care from Care room " + n + "?");
        assertThat(view.dialog.text())
                .contains("Their account, their runs and their submissions are kept");
        view.removeLearner(ann);
        assertThat(test(view.members).size()).isZero();

        test(view.renameField).setValue("  ");
        test(view.rename).click();
        assertThat(view.renameField.isInvalid()).isTrue();
        assertThat(view.renameField.getErrorMessage()).startsWith("Give the class a name");
        test(view.renameField).setValue("Care room " + n + " (ended)");
        test(view.rename).click();
        assertThat(test(view.classes).getCellText(0, 0)).isEqualTo("Care room " + n + " (ended)");

        view.askToDeleteClass();
        assertThat(header(view.dialog)).isEqualTo("Delete the class \"Care room " + n + " (ended)\"?");
        assertThat(view.dialog.text()).isEqualTo("The class and its join code "
                + room.getJoinCode() + " go. It has no assignments. It has no learners. This cannot be undone.");
        view.deleteClass();
        assertThat(classes.findById(room.getId())).isEmpty();
        assertThat(test(view.classes).size()).isZero();
        assertThat(view.notice.getText()).isEqualTo("Deleted the class \"Care room " + n + " (ended)\".");
    }

    @Test
    void theDeletionTextSaysWhatGoesAndWhatStays() {
        assertThat(ClassesView.deletionText(new ClassDeletion(1, "7B", "ABC234", 1, 2, 0))).isEqualTo(
                "The class and its join code ABC234 go. Its 2 assignments go too (none has a submission). Its 1 "
                        + "learner is only taken out of it: they keep their accounts and their runs. This cannot be "
                        + "undone.");
    }

    @Test
    void theAdminDisablesResetsAndReadsTheAuditLog() {
        int n = N.incrementAndGet();
        AppUser admin = TestAccounts.ensure(users, encoder, "care.page.admin" + n, Role.ADMIN);
        AppUser teacher = TestAccounts.ensure(users, encoder, "care.page.t" + n, Role.TEACHER);
        TestAccounts.signIn(admin);
        AdminView view = navigate(AdminView.class);

        view.setDisabled(teacher, true);
        assertThat(users.findById(teacher.getId()).orElseThrow().isDisabled()).isTrue();
        view.setDisabled(admin, true);
        assertThat(view.problem.getText()).isEqualTo("You cannot disable your own account.");
        view.resetPassword(teacher);
        assertThat(header(view.dialog)).isEqualTo("New first password for " + teacher.getDisplayName());
        view.resetPassword(admin);
        assertThat(view.problem.getText()).startsWith("An admin's password is changed on their own account page");

        var log = test(view.audit);
        List<String> newest = List.of(log.getCellText(0, 1), log.getCellText(0, 2), log.getCellText(0, 3));
        assertThat(newest).containsExactly(admin.getUsername(), AuditAction.PASSWORD_RESET.words(),
                teacher.getUsername());
        assertThat(log.getCellText(1, 2)).isEqualTo(AuditAction.ACCOUNT_DISABLED.words());
    }
}
