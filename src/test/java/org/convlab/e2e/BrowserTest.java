package org.convlab.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that drives the running app in one headless Chromium, started once for the class.
 * Each test opens its own context (a fresh, cookie-less browser profile) at the size it needs, so it
 * starts as a guest; {@link #signInAsLearner} signs it in.
 */
abstract class BrowserTest {

    /** An account made through the app's own pages. */
    record Account(String username, String password) {}

    static final Account TEACHER = new Account("e2e.teacher", "e2e-teacher-password");
    static final String CLASS_NAME = "E2E class";

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;
    private static Account learner;

    @BeforeAll
    static void startBrowser() {
        RunningApp.get();
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A fresh browser profile whose preferred language is American English. */
    static BrowserContext context(int width, int height) {
        return context(width, height, "en-US");
    }

    /** A fresh browser profile whose preferred language is {@code locale} ("de-DE"), as its Accept-Language says. */
    static BrowserContext context(int width, int height, String locale) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height).setLocale(locale));
    }

    /** Signs in on the login page, as a person does (Enter in the password field), and waits until the app has let them in. */
    static void signIn(Page page, String username, String password) {
        page.navigate(RunningApp.get().url("login"));
        // By the fields' ids, so a page in any language signs in the same way.
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Signs the page's browser context in as the test learner (made on first use). */
    static void signInAsLearner(Page page) {
        Account account = learner();
        signIn(page, account.username(), account.password());
    }

    /**
     * The learner every browser test may use, made once per test run the way a class starts: the
     * admin creates a teacher, the teacher creates a class, the learner registers with its code.
     */
    static synchronized Account learner() {
        if (learner == null) {
            try (Playwright setup = Browser.playwright();
                    com.microsoft.playwright.Browser chromium = Browser.launch(setup);
                    BrowserContext context = chromium.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
                Page page = context.newPage();
                String code = createTeacherAndClass(page);
                context.clearCookies();
                learner = register(page, "e2e.learner", "E2E Learner", "e2e-learner-password", code);
            }
        }
        return learner;
    }

    /** As the admin, creates {@link #TEACHER}; as the teacher, creates a class. Returns its join code. */
    static String createTeacherAndClass(Page page) {
        signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
        page.navigate(RunningApp.get().url("admin"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(TEACHER.username());
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("E2E Teacher");
        page.getByLabel("First password", new Page.GetByLabelOptions().setExact(true)).fill(TEACHER.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create teacher account")).click();
        page.waitForSelector(".callout-success");
        page.context().clearCookies();

        signIn(page, TEACHER.username(), TEACHER.password());
        page.navigate(RunningApp.get().url("classroom/classes"));
        page.getByLabel("New class", new Page.GetByLabelOptions().setExact(true)).fill(CLASS_NAME);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
        page.waitForSelector(".join-code code");
        return page.locator(".join-code code").textContent().strip();
    }

    /** Registers on the register page with a class code; the new account is signed in at once, on Home. */
    static Account register(Page page, String username, String name, String password, String classCode) {
        page.navigate(RunningApp.get().url("register"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Class code", new Page.GetByLabelOptions().setExact(true)).fill(classCode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForSelector(".navbar-user");
        return new Account(username, password);
    }
}
