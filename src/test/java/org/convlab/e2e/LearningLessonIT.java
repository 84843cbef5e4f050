package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9's live network in a real browser, trained through the queue: learning rate 1 brings the
 * divergence advice (and Cancel stops it), 100 training images the overfitting advice, and dropout
 * on the same 100 images narrows the gap between training and validation accuracy that the page
 * shows. The seed is fixed, so the two small runs differ only in dropout.
 */
class LearningLessonIT extends BrowserTest {

    private static final double TIMEOUT_MS = 180_000;

    @Test
    void aHighRateDivergesATinySetOverfitsAndDropoutNarrowsTheGap() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("learn/learning"));
            Locator live = page.locator(".live-training");
            live.waitFor();

            choose(page, live, "Learning rate", "1");
            train(live);
            page.waitForSelector(".live-training [data-advice='diverging']",
                    new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
            assertThat(live.locator("[data-advice='diverging']").textContent()).contains("lower the learning rate");
            assertThat(live.locator("[data-advice='overfitting']").count()).isZero();
            live.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            waitForRuns(page, 1);
            assertThat(live.locator(".live-status").textContent()).contains("Cancelled");

            choose(page, live, "Learning rate", "0.001");
            choose(page, live, "Training images", "100");
            train(live);
            waitForRuns(page, 2);
            assertThat(live.locator(".live-status").textContent()).contains("Done");
            assertThat(live.locator("[data-advice='overfitting']").textContent()).contains("more training images",
                    "dropout");
            assertThat(live.locator("[data-advice='diverging']").count()).isZero();
            double withoutDropout = gap(live);

            live.locator("vaadin-checkbox", new Locator.LocatorOptions().setHasText("Dropout")).click();
            train(live);
            waitForRuns(page, 3);
            double withDropout = gap(live);
            assertThat(withDropout).as("gap with dropout, against %.1f points without", withoutDropout)
                    .isLessThan(withoutDropout - 5);
            assertThat(live.locator(".live-runs tbody tr").first().textContent()).contains("dropout");

            live.locator(".live-runs").scrollIntoViewIfNeeded();
            page.waitForTimeout(400);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/learning-live.png")));

            // The lesson's runs are the lesson's: the Train page's list of the learner's runs leaves them out.
            page.navigate(RunningApp.get().url("train"));
            page.waitForSelector("h2:has-text('Runs since the server started')");
            assertThat(page.locator("main").textContent()).doesNotContain("lesson-9-network");
        }
    }

    private static void choose(Page page, Locator live, String label, String option) {
        live.locator("vaadin-select", new Locator.LocatorOptions().setHasText(label)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    private static void train(Locator live) {
        Locator train = live.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Train").setExact(true));
        train.click();
    }

    /** Waits until the table of this visit's runs has {@code n} rows: the n-th run finished. */
    private static void waitForRuns(Page page, int n) {
        page.waitForFunction("n => document.querySelectorAll('.live-training .live-runs tbody tr').length >= n", n,
                new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
    }

    /** The training-minus-validation accuracy gap the page shows, in points. */
    private static double gap(Locator live) {
        return Double.parseDouble(live.locator(".live-numbers").getAttribute("data-gap"));
    }
}
