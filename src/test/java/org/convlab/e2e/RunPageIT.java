package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import org.convlab.training.engine.TestModels;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.model.ModelLimits;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.convlab.model.ModelSpecJson;

/**
 * A run trained beforehand (a tiny CNN, a few seconds) is listed on the Runs page of the real jar;
 * its page draws the confusion matrix, and clicking a cell shows that cell's test images.
 */
class RunPageIT extends BrowserTest {

    private static String RUN;

    /** The learner trains a tiny CNN through the queue's API (a few seconds) and owns the run. */
    @BeforeAll
    static void prepareARun() throws Exception {
        Account learner = learner();
        QueueClient client = new QueueClient(RunningApp.get()::url, learner.username(), learner.password());
        RUN = client.trainAndWait(ModelSpecJson.write(TestModels.tinyCnn().spec()), "{\"epochs\":2,\"limit\":2000,\"device\":\"cpu\"}");
    }

    @Test
    void theRunPageDrawsTheConfusionMatrixAndACellOpensItsImages() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("runs"));
            page.waitForSelector(".runs-table");
            page.waitForTimeout(500); // the grid sizes its columns after the first paint
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/runs.png")).setFullPage(true));

            page.locator(".runs-table a[href$='/" + RUN + "'], .runs-table a[href='runs/" + RUN + "']").first().click();
            page.waitForURL("**/runs/" + RUN);
            page.waitForSelector(".confusion-matrix .heatmap-cell");
            assertThat(page.locator(".confusion-matrix .heatmap-cell").count()).isEqualTo(100);
            // The largest mistake: a cell with images in it, wherever the tiny model went wrong.
            int cell = ((Number) page.evaluate("""
                    () => {
                      const cells = [...document.querySelectorAll('.confusion-matrix .heatmap-cell')];
                      let best = 1;
                      cells.forEach((c, i) => {
                        if (i % 11 !== 0 && +c.textContent > +cells[best].textContent) best = i;
                      });
                      return best;
                    }""")).intValue();
            String count = page.locator(".confusion-matrix .heatmap-cell").nth(cell).textContent();
            page.locator(".confusion-matrix .heatmap-cell").nth(cell).click();
            page.waitForSelector(".cell-images img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            page.waitForFunction("() => [...document.querySelectorAll('.cell-images img')]"
                    + ".every(i => i.complete && i.naturalWidth === 28 && i.naturalHeight === 28)");
            assertThat(page.locator(".cell-images img").count()).isEqualTo(Math.min(24, Integer.parseInt(count)));
            assertThat(page.locator(".cell-images").textContent()).contains("taken for");

            page.waitForSelector(".misclassified img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            page.waitForSelector(".grad-cam-result img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            // The image and its Grad-CAM overlay, side by side, both decoded and drawn at a visible size.
            assertThat(page.locator(".grad-cam-result img").count()).isEqualTo(2);
            page.waitForFunction("() => [...document.querySelectorAll('.grad-cam-result img')]"
                    + ".every(i => i.complete && i.naturalWidth === 28 && i.getBoundingClientRect().width >= 56)");
            page.waitForTimeout(600); // let the charts' draw animation finish before the screenshot
            assertNoHorizontalOverflow(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/run-page.png")).setFullPage(true));
            // The page scrolls inside the app layout, so a full-page shot stops at the window: shoot each part too.
            for (String part : List.of("confusion-matrix", "classification-report", "misclassified", "filters",
                    "image-inspector")) {
                page.locator("." + part).screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target/screenshots/run-page-" + part + ".png")));
            }

            page.locator(".misclassified .clickable-sample").first().click();
            page.waitForSelector(".probability-dialog convlab-chart[data-rendered]",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            page.waitForTimeout(600);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/run-probabilities.png")));
        }
    }

    @Test
    void tabletWidthKeepsTheRunPageOnScreen() {
        try (BrowserContext context = context(820, 1180)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("runs/" + RUN));
            page.waitForSelector(".misclassified img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            page.waitForSelector(".grad-cam-result img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            // The image and its Grad-CAM overlay, side by side, both decoded and drawn at a visible size.
            assertThat(page.locator(".grad-cam-result img").count()).isEqualTo(2);
            page.waitForFunction("() => [...document.querySelectorAll('.grad-cam-result img')]"
                    + ".every(i => i.complete && i.naturalWidth === 28 && i.getBoundingClientRect().width >= 56)");
            page.waitForTimeout(600);
            assertNoHorizontalOverflow(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/run-page-tablet.png"))
                    .setFullPage(true));
        }
    }

    private static void assertNoHorizontalOverflow(Page page) {
        Number overflow = (Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    }
}
