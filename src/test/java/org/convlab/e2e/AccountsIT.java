package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts in the real jar: guests keep the lessons, training asks for an account and returns there
 * after signing in, and a teacher adds a class list from a CSV file and downloads the first passwords.
 */
class AccountsIT extends BrowserTest {

    @Test
    void aGuestReadsLessonsAndSignsInToTrain() {
        Account learner = learner();
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("learn/convolution"));
            page.waitForSelector(".lesson-page h1");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).isVisible()).isTrue();

            page.navigate(RunningApp.get().url("train"));
            page.waitForURL("**/login");
            page.waitForSelector("vaadin-login-form");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login.png")));

            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(learner.username());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not-my-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL("**/login?error");
            page.getByText("The username or the password is wrong").waitFor();

            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(learner.username());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(learner.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            // Back on the page the guest asked for (Spring Security marks the return with ?continue).
            page.waitForURL(url -> url.contains("/train"));
            page.waitForSelector(".hyperparameter-form");
            assertThat(page.locator(".navbar-user").textContent()).isEqualTo("Signed in as E2E Learner (learner)");

            // A refused page answers like a missing one, inside the app's layout.
            page.navigate(RunningApp.get().url("admin"));
            page.waitForSelector(".not-found h1");
            assertThat(page.locator(".not-found").textContent()).contains("Nothing to see here", "/admin");
            assertThat(page.locator("body").textContent()).doesNotContain("New teacher");
            assertThat(page.locator(".navbar-user").isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/not-found.png")));

            page.navigate(RunningApp.get().url(""));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForSelector(".navbar-account a[href='login']");
            page.navigate(RunningApp.get().url("train"));
            page.waitForURL("**/login");
        }
    }

    @Test
    void aTeacherAddsAClassListAndDownloadsTheFirstPasswords() throws IOException {
        learner(); // makes the teacher and the class too
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            page.navigate(RunningApp.get().url("classroom/classes"));
            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(CLASS_NAME)).first().click();
            page.waitForSelector(".learners-upload");

            // One bad line: nobody is added, and the message says which line.
            page.locator(".learners-upload input[type=file]").setInputFiles(new FilePayload("bad.csv", "text/csv",
                    "username,display_name\nkim.b,Kim B\nno good,Lee\n".getBytes(StandardCharsets.UTF_8)));
            page.waitForSelector(".class-details .callout-error:visible");
            assertThat(page.locator(".class-details .callout-error").textContent())
                    .startsWith("Nobody was added. Line 3:");

            // A long list shows its progress and can be stopped; nobody is added then.
            StringBuilder longList = new StringBuilder("username,display_name\n");
            for (int i = 0; i < 120; i++) {
                longList.append("big.").append(i).append(",Big ").append(i).append('\n');
            }
            page.locator(".learners-upload input[type=file]").setInputFiles(new FilePayload("big.csv", "text/csv",
                    longList.toString().getBytes(StandardCharsets.UTF_8)));
            page.getByText("Creating accounts:").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/class-list-progress.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
            page.getByText("The import was cancelled. Nobody was added.").waitFor();

            page.locator(".learners-upload input[type=file]").setInputFiles(new FilePayload("class.csv", "text/csv",
                    "username,display_name,password\nkim.b,Kim B,\nlee.c,\"Lee, C\",lee-chose-this\n"
                            .getBytes(StandardCharsets.UTF_8)));
            page.waitForSelector(".created-accounts:visible");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/classes.png"))
                    .setFullPage(true));

            Download download = page.waitForDownload(() -> page.locator(".accounts-download").click());
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("username,display_name,password");
            assertThat(lines.get(1)).startsWith("kim.b,Kim B,");
            assertThat(lines.get(2)).isEqualTo("lee.c,\"Lee, C\",lee-chose-this");
            String kimsPassword = lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1);

            // The generated password works on the login page.
            context.clearCookies();
            signIn(page, "kim.b", kimsPassword);
            assertThat(page.locator(".navbar-user").textContent()).isEqualTo("Signed in as Kim B (learner)");
        }
    }

    @Test
    void aLearnerJoinsASecondClassWithItsCode() {
        learner(); // makes the teacher
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            String first = createClass(page, "E2E club A");
            String second = createClass(page, "E2E club B");
            context.clearCookies();
            register(page, "e2e.joiner", "E2E Joiner", "e2e-joiner-password", first);
            // Registering signs the new learner in at once.
            assertThat(page.locator(".navbar-user").textContent()).isEqualTo("Signed in as E2E Joiner (learner)");

            page.navigate(RunningApp.get().url("classroom"));
            page.waitForSelector(".my-classes");
            assertThat(page.locator(".my-classes").textContent()).contains("You are in E2E club A.");

            page.getByLabel("Class code", new Page.GetByLabelOptions().setExact(true)).fill("NOPE99");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the class")).click();
            page.waitForSelector(".join-message.problem");
            assertThat(page.locator(".join-message").textContent()).contains("no class with the code NOPE99");

            page.getByLabel("Class code", new Page.GetByLabelOptions().setExact(true)).fill(second.toLowerCase());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the class")).click();
            page.getByText("You joined E2E club B.").waitFor();
            assertThat(page.locator(".my-classes").textContent()).contains("You are in E2E club A, E2E club B.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/classroom-join.png"))
                    .setFullPage(true));
        }
    }

    /** As the signed-in teacher, creates a class on the Classes page; returns its join code. */
    private static String createClass(Page page, String name) {
        page.navigate(RunningApp.get().url("classroom/classes"));
        page.getByLabel("New class", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
        page.locator(".class-details h2", new Page.LocatorOptions().setHasText(name)).waitFor();
        return page.locator(".join-code code").textContent().strip();
    }
}
