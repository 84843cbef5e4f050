package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Trains for real through the browser: live curves in two tabs, a responsive page, and Cancel. */
class TrainingIT extends BrowserTest {


    @Test
    void twoTabsWatchARunLiveAndThePageKeepsAnswering() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            TrainingPages.startRun(page, "dense", 3);
            Page second = context.newPage();
            second.navigate(page.url());

            for (Page tab : new Page[] {page, second}) {
                tab.waitForFunction("() => /Epoch \\d of 3/.test(document.querySelector('.progress-text')?.textContent)");
            }
            // The UI answers while training runs: the theme switch reacts at once.
            long before = System.nanoTime();
            page.locator(".theme-switch").click();
            page.waitForFunction("() => getComputedStyle(document.documentElement).colorScheme.includes('dark')");
            assertThat((System.nanoTime() - before) / 1e9).isLessThan(5);
            page.locator(".theme-switch").click();

            for (Page tab : new Page[] {page, second}) {
                tab.waitForSelector(".run-state[data-state='DONE']", new Page.WaitForSelectorOptions().setTimeout(120_000));
                assertThat(tab.locator(".run-outcome").textContent()).contains("Test accuracy");
                tab.waitForFunction("() => document.querySelectorAll('convlab-chart[data-rendered]').length === 2");
            }
            int points = ((Number) page.evaluate("""
                    () => document.querySelector('convlab-chart').config.data.datasets[0].data.length""")).intValue();
            assertThat(points).isGreaterThan(10);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/training-dashboard.png")));
        }
    }

    @Test
    void cancelStopsARunningRun() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            TrainingPages.startRun(page, "dense", 40);
            page.waitForSelector(".run-state[data-state='RUNNING']", new Page.WaitForSelectorOptions().setTimeout(60_000));
            page.getByText("Cancel").click();
            page.waitForSelector(".run-state[data-state='CANCELLED']", new Page.WaitForSelectorOptions().setTimeout(10_000));
            assertThat(page.locator(".run-outcome").textContent()).contains("cancelled");
        }
    }

    @Test
    void theTrainPageSaysHowLongARunWouldTrainHereAndOffersASubsetForALongOne() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("train"));
            // Measured from this server's runs, or by a few seconds of training on a fresh server,
            // then pushed to the page.
            page.waitForFunction("() => /about \\d/.test(document.querySelector('.run-estimate')?.textContent)",
                    null, new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(page.locator(".run-estimate").getAttribute("aria-live")).isEqualTo("polite");
            assertThat(page.locator(".run-wait").textContent()).containsAnyOf("It would start at once", "Expected wait");
            String before = page.locator(".run-estimate").textContent();
            page.getByLabel("Epochs", new Page.GetByLabelOptions().setExact(true)).fill("50");
            page.getByLabel("Epochs", new Page.GetByLabelOptions().setExact(true)).blur();
            page.waitForFunction("before => document.querySelector('.run-estimate')?.textContent !== before", before);
            page.locator(".run-estimate").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/train-estimate.png")));
        }
    }

    /** The split of the chosen images opens from its summary with the keyboard and fits a tablet. */
    @Test
    void theTrainingAndValidationSplitOpensClassByClassOnALaptopAndATablet() {
        for (int[] size : new int[][] {{1366, 900}, {820, 1180}}) {
            try (BrowserContext context = context(size[0], size[1])) {
                Page page = context.newPage();
                signInAsLearner(page);
                page.navigate(RunningApp.get().url("train"));
                var summary = page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Training and validation images, class by class"));
                summary.press("Enter");
                var table = page.locator(".split-table");
                table.waitFor();
                assertThat(table.locator("tbody tr").count()).isEqualTo(10);
                assertThat(page.locator(".split-preview .explanation").textContent()).contains("stratified");
                Number overflow = (Number) page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).as("no sideways scrolling at " + size[0]).isLessThanOrEqualTo(0);
                table.scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/train-split-" + size[0] + ".png")));
            }
        }
    }
}
