package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A learner draws ten X's and ten O's with the mouse, makes the data set, follows "Train on it",
 * trains a small CNN for an epoch and sees the filters it learned on the run page.
 */
class DrawnDatasetIT {

    private static final int EACH = 10;

    @Test
    void drawTenXsAndTenOsTrainOnThemAndSeeTheFilters() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            BrowserTest.signInAsLearner(page);

            page.navigate(RunningApp.get().url("data/draw?classes=X,O"));
            page.waitForSelector("convlab-sketchpad canvas");
            for (int i = 0; i < EACH; i++) {
                int n = i;
                add(page, "X", 0, n, () -> drawX(page, n));
                add(page, "O", 1, n, () -> drawO(page, n));
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/draw-dataset.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the data set")).click();
            page.waitForFunction("() => /Made:/.test(document.querySelector('.draw-result')?.textContent)");
            assertThat(page.locator(".draw-result").textContent()).contains("2 classes", "16 + 4 images",
                    "diagonal filters of lesson 5");

            page.getByText("Train on it →").click();
            page.waitForURL("**/train?dataset=**");
            page.waitForSelector(".hyperparameter-form");
            page.locator("vaadin-select", new Page.LocatorOptions().setHasText("keras-cnn")).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("baseline-cnn").setExact(true)).click();
            page.getByLabel("Epochs", new Page.GetByLabelOptions().setExact(true)).fill("1");
            page.getByText("Start training").click();
            page.waitForURL("**/train/live/**");
            page.waitForSelector(".run-state[data-state='DONE']", new Page.WaitForSelectorOptions().setTimeout(180_000));

            page.getByText("Look inside this run").click();
            page.waitForSelector(".filters img.filter-image", new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.locator(".filters img.filter-image").count()).isGreaterThan(0);
            page.locator(".filters").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/drawn-dataset-filters.png")));
        }
    }

    /** Chooses the class, draws, adds, and waits for the class's counter to count it. */
    private static void add(Page page, String className, int row, int done, Runnable drawing) {
        page.locator("vaadin-radio-button", new Page.LocatorOptions().setHasText(className)).click();
        drawing.run();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add this drawing")).click();
        String expected = (done + 1) + (done == 0 ? " drawing" : " drawings");
        page.waitForFunction("([row, text]) => document.querySelectorAll('.drawn-class .drawn-count')[row]"
                + "?.textContent === text", new Object[] {row, expected});
    }

    private static BoundingBox canvas(Page page) {
        return page.locator("convlab-sketchpad canvas").boundingBox();
    }

    private static void stroke(Page page, double[][] points) {
        BoundingBox box = canvas(page);
        page.mouse().move(box.x + box.width * points[0][0], box.y + box.height * points[0][1]);
        page.mouse().down();
        for (int p = 1; p < points.length; p++) {
            page.mouse().move(box.x + box.width * points[p][0], box.y + box.height * points[p][1],
                    new Mouse.MoveOptions().setSteps(4));
        }
        page.mouse().up();
    }

    /** Two diagonals, a little different each time. */
    private static void drawX(Page page, int i) {
        double d = (i % 5) * 0.02;
        stroke(page, new double[][] {{0.2 + d, 0.2}, {0.8, 0.8 - d}});
        stroke(page, new double[][] {{0.8 - d, 0.2}, {0.2, 0.8 - d}});
    }

    /** A circle, a little different each time. */
    private static void drawO(Page page, int i) {
        double r = 0.25 + (i % 5) * 0.02;
        double[][] points = new double[25][];
        for (int p = 0; p < points.length; p++) {
            double a = 2 * Math.PI * p / (points.length - 1);
            points[p] = new double[] {0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a)};
        }
        stroke(page, points);
    }
}
