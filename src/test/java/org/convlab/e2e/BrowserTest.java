package org.convlab.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that drives the running app in one headless Chromium, started once for the class.
 * Each test opens its own context (a fresh, cookie-less browser profile) at the size it needs.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

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

    static BrowserContext context(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height));
    }
}
