package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shell in a real browser: the path on the home page, navigation, and the dark theme. */
class HomePageIT {

    @Test
    void homeNavigatesToDataAndTheThemeSwitches() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url(""));
            page.waitForSelector(".learning-path");
            assertThat(page.locator(".step-card").count()).isEqualTo(5);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home.png")));

            page.locator("vaadin-side-nav-item[path='data']").click();
            page.waitForURL("**/data");
            page.waitForSelector(".sample-gallery img");

            String schemeBefore = (String) page.evaluate("() => getComputedStyle(document.documentElement).colorScheme");
            page.locator(".theme-switch").click();
            page.waitForFunction("before => getComputedStyle(document.documentElement).colorScheme !== before",
                    schemeBefore);
            assertThat((String) page.evaluate("() => getComputedStyle(document.documentElement).colorScheme"))
                    .contains("dark");
            page.waitForTimeout(500); // let colour transitions finish before the screenshot
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/data-dark.png")));
        }
    }
}
