package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Account care in the real jar: a learner changes their password; a teacher resets one and the
 * learner must change it before anything else; a removed learner keeps their runs; a class is
 * deleted after a confirmation that says what goes. Each test makes its own class and learner.
 */
class AccountCareIT extends BrowserTest {

    private static final Account CARE_TEACHER = new Account("care.teacher", "care-teacher-password");
    private static boolean teacherMade;

    /** As the admin, creates the teacher these tests use (once). */
    private static synchronized void careTeacher(Page page) {
        if (!teacherMade) {
            signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
            page.navigate(RunningApp.get().url("admin"));
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(CARE_TEACHER.username());
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Care Teacher");
            page.getByLabel("First password", new Page.GetByLabelOptions().setExact(true))
                    .fill(CARE_TEACHER.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create teacher account")).click();
            page.waitForSelector(".callout-success");
            page.context().clearCookies();
            teacherMade = true;
        }
    }

    /** A class of the care teacher with one learner who registered with its code; signed out after. */
    private static Account classWithLearner(Page page, String className, String learner) {
        careTeacher(page);
        signIn(page, CARE_TEACHER.username(), CARE_TEACHER.password());
        page.navigate(RunningApp.get().url("classroom/classes"));
        page.getByLabel("New class", new Page.GetByLabelOptions().setExact(true)).fill(className);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
        page.locator(".class-details h2", new Page.LocatorOptions().setHasText(className)).waitFor();
        String code = page.locator(".join-code code").textContent().strip();
        page.context().clearCookies();
        Account account = register(page, learner, "Learner " + learner, learner + "-password", code);
        // Registering signs the new learner in; the tests sign in themselves, as a returning learner.
        page.context().clearCookies();
        return account;
    }

    /** As the care teacher, opens a class on the Classes page. */
    private static void openClass(Page page, String className) {
        page.context().clearCookies();
        signIn(page, CARE_TEACHER.username(), CARE_TEACHER.password());
        page.navigate(RunningApp.get().url("classroom/classes"));
        page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(className)).first().click();
        page.locator(".class-details h2", new Page.LocatorOptions().setHasText(className)).waitFor();
    }

    private static void fill(Page page, String label, String value) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void changePassword(Page page, String current, String fresh) {
        fill(page, "Current password", current);
        fill(page, "New password", fresh);
        fill(page, "New password again", fresh);
        button(page, "Change password").click();
    }

    @Test
    void aLearnerChangesTheirPasswordOnMyAccount() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            Account learner = classWithLearner(page, "Care password class", "care.pw");
            signIn(page, learner.username(), learner.password());
            page.locator(".navbar-user").click();
            page.waitForURL("**/account");

            changePassword(page, "not-my-password", "care-pw-second");
            page.getByText("The current password is not right.").waitFor();
            changePassword(page, learner.password(), "care-pw-second");
            page.getByText("Your password is changed.").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-account.png")));

            context.clearCookies();
            signIn(page, learner.username(), "care-pw-second");
            assertThat(page.locator(".navbar-user").textContent()).contains("Learner care.pw");
        }
    }

    @Test
    void aTeacherResetsAPasswordAndTheLearnerMustChangeItFirst() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            Account learner = classWithLearner(page, "Care reset class", "care.reset");
            openClass(page, "Care reset class");
            button(page, "Reset the password of care.reset").click();
            page.locator("vaadin-button.confirm-button").click();
            String first = page.locator(".first-password").textContent().strip();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reset-password.png")));
            button(page, "Done").click();

            context.clearCookies();
            signIn(page, learner.username(), first);
            page.waitForSelector(".account-page .must-change");
            page.navigate(RunningApp.get().url("runs"));
            page.waitForSelector(".account-page .must-change");
            assertThat(page.locator(".runs-page").count()).isZero();
            APIResponse api = page.request().get(RunningApp.get().url("api/me"));
            assertThat(api.status()).isEqualTo(403);
            assertThat(api.text()).contains("Change your password first");

            changePassword(page, first, "care-reset-own");
            page.getByText("Your password is changed.").waitFor();
            page.navigate(RunningApp.get().url("runs"));
            page.waitForSelector(".runs-page");
            assertThat(page.request().get(RunningApp.get().url("api/me")).status()).isEqualTo(200);
        }
    }

    @Test
    void aRemovedLearnerKeepsTheirRuns() throws Exception {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            Account learner = classWithLearner(page, "Care remove class", "care.gone");
            QueueClient client = new QueueClient(RunningApp.get(), learner.username(), learner.password());
            QueueClient.Reply run = client.submit(QueueClient.TINY_SPEC,
                    "{\"epochs\":1,\"limit\":64,\"batchSize\":32,\"device\":\"cpu\"}");
            assertThat(run.status()).isEqualTo(201);
            String id = run.body().get("id").asText();
            try {
                openClass(page, "Care remove class");
                button(page, "Remove care.gone from the class").click();
                assertThat(page.locator(".confirmation-text").textContent())
                        .contains("Their account, their runs and their submissions are kept");
                page.locator("vaadin-button.confirm-button").click();
                page.getByText("No learners yet.").waitFor();

                context.clearCookies();
                signIn(page, learner.username(), learner.password());
                page.navigate(RunningApp.get().url("runs"));
                page.waitForSelector(".runs-page");
                page.locator(".runs-page").getByText("tiny-cnn").first().waitFor();
            } finally {
                client.cancel(id);
            }
        }
    }

    @Test
    void aDisabledAccountIsSignedOutAtItsNextPageAndCannotSignIn() {
        try (BrowserContext context = context(1366, 900); BrowserContext admin = context(1366, 900)) {
            Page page = context.newPage();
            Account learner = classWithLearner(page, "Care disable class", "care.off");
            signIn(page, learner.username(), learner.password());

            Page adminPage = admin.newPage();
            signIn(adminPage, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
            adminPage.navigate(RunningApp.get().url("admin"));
            button(adminPage, "Disable care.off").click();
            button(adminPage, "Enable care.off").waitFor();

            page.navigate(RunningApp.get().url("runs"));
            page.waitForURL("**/login?disabled");
            page.getByText("This account is disabled; ask your teacher or the admin.").waitFor();
            fill(page, "Username", learner.username());
            fill(page, "Password", learner.password());
            button(page, "Sign in").click();
            page.waitForURL("**/login?error");
            page.getByText("This account is disabled; ask your teacher or the admin.").waitFor();
            assertThat(adminPage.locator(".audit-table").textContent()).contains("care.off");
        }
    }

    @Test
    void deletingAClassSaysWhatGoesFirst() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            classWithLearner(page, "Care delete class", "care.del");
            openClass(page, "Care delete class");
            String code = page.locator(".join-code code").textContent().strip();
            button(page, "Delete class").click();
            assertThat(page.locator(".confirmation-text").textContent()).isEqualTo("The class and its join code "
                    + code + " go. It has no assignments. Its 1 learner is only taken out of it: they keep their "
                    + "accounts and their runs. This cannot be undone.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/delete-class.png")));
            page.locator("vaadin-button.confirm-button").click();
            page.getByText("Deleted the class \"Care delete class\".").waitFor();
            assertThat(page.locator(".class-details").isVisible()).isFalse();

            // Its join code is gone: registering with it is refused.
            context.clearCookies();
            page.navigate(RunningApp.get().url("register"));
            fill(page, "Username", "care.late");
            fill(page, "Your name", "Late Learner");
            fill(page, "Password", "care-late-password");
            fill(page, "Class code", code);
            button(page, "Create account").click();
            page.getByText("There is no class with the code " + code).waitFor();
        }
    }
}
