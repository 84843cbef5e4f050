package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every lesson page at laptop and tablet width: it renders, nothing spills off the side, and a
 * full-page screenshot is saved for a person to look at. Finishing a quiz shows up on the index.
 */
class LessonPagesIT {

    static final List<String> LESSONS = List.of("matrices", "convolution", "relu", "pooling", "x-or-o", "stacking",
            "why-not-dense", "beyond-images", "learning");

    @Test
    void everyLessonFitsLaptopAndTabletScreens() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            for (int[] size : new int[][] {{1366, 900}, {820, 1180}}) {
                try (BrowserContext context = browser.newContext(
                        new NewContextOptions().setViewportSize(size[0], size[1]))) {
                    Page page = context.newPage();
                    for (String lesson : LESSONS) {
                        page.navigate(RunningApp.get().url("learn/" + lesson));
                        page.waitForSelector(".lesson-page h1");
                        page.waitForSelector(".quiz");
                        page.waitForTimeout(400); // animations render and charts draw
                        Number overflow = (Number) page.evaluate(
                                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                        assertThat(overflow.intValue()).as(lesson + " at " + size[0]).isLessThanOrEqualTo(0);
                        screenshotWholePage(page, size, "learn-" + lesson + "-" + size[0]);
                    }
                    page.navigate(RunningApp.get().url("learn"));
                    page.waitForSelector(".lesson-list");
                    screenshotWholePage(page, size, "learn-index-" + size[0]);
                }
            }
        }
    }

    /**
     * The app layout scrolls its content area, not the document, so a "full page" screenshot would
     * stop at the window's edge: the window is made as tall as the page for the picture instead.
     */
    private static void screenshotWholePage(Page page, int[] size, String name) {
        Number height = (Number) page.evaluate("() => document.querySelector('main').scrollHeight + 120");
        page.setViewportSize(size[0], Math.max(size[1], height.intValue()));
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
        // Screen-sized parts as well, readable without zooming into a very tall picture.
        int total = Math.max(size[1], height.intValue());
        for (int part = 0, top = 0; top < total; part++, top += size[1]) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setClip(0, top, size[0], Math.min(size[1], total - top))
                    .setPath(Path.of("target/screenshots/parts/" + name + "-" + part + ".png")));
        }
        page.setViewportSize(size[0], size[1]);
    }

    @Test
    void aFinishedQuizIsShownOnTheIndex() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("learn/relu"));
            QuizForm.answerWrong(page, "relu");
            page.waitForSelector(".quiz-feedback.wrong a");
            assertThat(page.locator(".quiz-feedback.wrong").first().textContent()).contains("Not quite");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/learn-quiz-feedback.png")));
            page.navigate(RunningApp.get().url("learn"));
            page.waitForFunction("() => document.querySelector(\".lesson-card[data-slug='relu'] .lesson-badge\")"
                    + "?.textContent?.startsWith('quiz')");
            assertThat(page.locator(".lesson-card[data-slug='relu'] .lesson-badge").textContent())
                    .isEqualTo("quiz 0/7 · try again");
            assertThat(page.locator(".lesson-card[data-slug='matrices'] .lesson-badge").textContent())
                    .isEqualTo("not started");
        }
    }
}
