package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * In the real jar and browser: a guest's quiz score, kept in localStorage, moves into their account
 * when they sign in and open "My progress"; the browser then forgets it, later scores go to the
 * account only, and the lesson index says so.
 */
class ProgressIT extends BrowserTest {

    private static final String KEY = "convlab.lessons";

    private static void answerReluQuizWrong(Page page) {
        page.navigate(RunningApp.get().url("learn/relu"));
        QuizForm.answerWrong(page, "relu");
    }

    private static String relu(Page page) {
        return page.locator(".progress-lessons li[data-slug='relu']").textContent();
    }

    @Test
    void aGuestsScoreMovesIntoTheAccountAtSignIn() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            answerReluQuizWrong(page);
            page.waitForFunction("k => localStorage.getItem(k) !== null", KEY);

            signInAsLearner(page);
            page.navigate(RunningApp.get().url("me"));
            page.waitForSelector(".my-progress h1");
            page.waitForFunction("k => localStorage.getItem(k) === null", KEY);
            page.waitForFunction("() => document.querySelector(\".progress-lessons li[data-slug='relu']\")"
                    + "?.textContent?.includes('quiz')");
            assertThat(relu(page)).endsWith("not done yet · quiz 0/7 · 1 attempt");

            answerReluQuizWrong(page);
            assertThat(page.evaluate("k => localStorage.getItem(k)", KEY)).as("kept in the account only").isNull();
            page.navigate(RunningApp.get().url("me"));
            page.waitForSelector(".progress-lessons li[data-slug='relu']");
            assertThat(relu(page)).endsWith("not done yet · quiz 0/7 · 2 attempts");
            // A route added after the committed frontend bundle was built gets no chunk for its components
            // until the bundle is rebuilt: then vaadin-progress-bar stays an empty, undefined element.
            var bar = page.locator(".my-progress vaadin-progress-bar").boundingBox();
            assertThat(bar.width).as("the lessons bar on /me is drawn (if not, rebuild the frontend bundles)")
                    .isGreaterThan(100);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-progress.png"))
                    .setFullPage(true));

            page.navigate(RunningApp.get().url("learn"));
            page.waitForFunction("() => document.querySelector(\".lesson-card[data-slug='relu'] .lesson-badge\")"
                    + "?.textContent?.startsWith('quiz')");
            assertThat(page.locator(".lesson-progress-summary").textContent()).endsWith("saved in your account.");
        }
    }
}
