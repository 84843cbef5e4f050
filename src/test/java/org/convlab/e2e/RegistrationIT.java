package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.testsupport.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A public, self-paced server ({@code convlab.registration=open}), in the real jar and browser: a
 * guest who wants to train reads why an account is needed, creates one without a class code, is
 * signed in at once (with a new session id) on the page they wanted, and the home page later tells
 * them which lesson comes next.
 */
class RegistrationIT {

    private static final Pattern ANSWER = Pattern.compile("the answer is (.+?)\\. ");

    private static AppProcess app;
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @BeforeAll
    static void startAnOpenServer() throws IOException {
        Path root = Path.of("target/e2e-open-registration").toAbsolutePath();
        TestFiles.deleteTree(root);
        app = AppProcess.web(root.resolve("db"), root.resolve("runs"), "--convlab.registration=open");
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aGuestWhoWantsToTrainRegistersIsSignedInAndIsToldWhereToContinue() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            // Opened directly: the sign-in page says why, and how to get an account on this server.
            page.navigate(app.url("try"));
            page.waitForURL("**/login");
            assertThat(page.locator(".login-why").textContent()).contains("Training, runs and Try it need an account");
            assertThat(page.locator(".login-how").textContent()).contains("create an account", "no class code is needed");

            // Clicked in the menu: the same explanation, then a new account without a class.
            page.navigate(app.url(""));
            page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Train")).first().click();
            page.waitForURL("**/login");
            page.locator(".login-why").waitFor();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("create an account")).click();
            page.waitForURL("**/register");
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill("self.paced");
            page.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill("Sam Self");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("sam-password-1");
            String sessionBefore = sessionId(context);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

            // Signed in at once, on the page they wanted, with a new session id.
            page.waitForURL(url -> url.endsWith("/train"));
            page.waitForSelector(".hyperparameter-form");
            assertThat(page.locator(".navbar-user").textContent()).isEqualTo("Signed in as Sam Self (learner)");
            assertThat(sessionId(context)).isNotEmpty().isNotEqualTo(sessionBefore);
            page.navigate(app.url("classroom"));
            page.getByText("You are not in a class yet.").waitFor();

            // A lesson done, the home page offers the next one.
            page.navigate(app.url(""));
            assertThat(page.locator(".welcome-back").isVisible()).as("nothing to continue yet").isFalse();
            finishTheFirstLesson(page);
            page.navigate(app.url(""));
            page.locator(".welcome-back").waitFor();
            assertThat(page.locator(".welcome-back").textContent()).contains("Continue with lesson 2: Convolution");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-welcome-back.png")));
        }
    }

    @Test
    void aGuestWhoOpenedRunsDirectlyLandsOnRunsAfterRegistering() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(app.url("runs"));
            page.waitForURL("**/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("create an account")).click();
            page.waitForURL("**/register");
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill("direct.opener");
            page.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill("Dee Rect");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("dee-password-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            page.waitForURL(url -> url.endsWith("/runs"));
            page.waitForSelector(".runs-page h1");
            assertThat(page.locator(".navbar-user").textContent()).isEqualTo("Signed in as Dee Rect (learner)");
        }
    }

    private static String sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElse("");
    }

    /**
     * Answers the first lesson's quiz wrong and reads the worked answers: typing them in does not
     * finish the lesson (the set's answers were shown). New questions, worked out from their numbers,
     * do.
     */
    private static void finishTheFirstLesson(Page page) {
        page.navigate(app.url("learn/matrices"));
        QuizForm.answerWrong(page, "matrices");
        Locator answers = page.locator(".quiz vaadin-text-field input");
        Locator feedback = page.locator(".quiz-feedback");
        for (int i = 0; i < answers.count(); i++) {
            Matcher answer = ANSWER.matcher(feedback.nth(i).textContent());
            assertThat(answer.find()).as("worked answer %d", i).isTrue();
            answers.nth(i).fill(answer.group(1).replace(",", ""));
        }
        QuizForm.pickChoices(page, "matrices", true);
        page.getByText("Check answers").click();
        page.waitForSelector(".quiz-score:has-text('does not count')");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New questions")).click();
        page.waitForFunction("() => document.querySelector('.quiz vaadin-text-field input')?.value === ''");
        Locator prompts = page.locator(".quiz-prompt");
        answers.nth(0).fill(number(prompts.nth(0), "value (\\d+)") + "/255");
        answers.nth(1).fill(String.valueOf(Pattern.compile("\\d+").matcher(
                        match(prompts.nth(1), "shape ([\\d×]+)")).results()
                .mapToLong(m -> Long.parseLong(m.group())).reduce(1, (a, b) -> a * b)));
        long side = number(prompts.nth(2), "of (\\d+)×");
        answers.nth(2).fill(String.valueOf(side * side * 3));
        QuizForm.pickChoices(page, "matrices", true);
        page.getByText("Check answers").click();
        page.waitForSelector(".quiz-score:has-text('Lesson done')");
    }

    private static String match(Locator prompt, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(prompt.textContent());
        assertThat(matcher.find()).as(prompt.textContent()).isTrue();
        return matcher.group(1);
    }

    private static long number(Locator prompt, String regex) {
        return Long.parseLong(match(prompt, regex));
    }
}
