package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Builds a model in the browser: counts follow each edit, a broken layer turns red, the draft reaches Train. */
class ModelBuilderIT {

    @Test
    void buildAModelAndTakeItToTraining() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            // The builder is open to guests; taking the model to training needs an account.
            BrowserTest.signInAsLearner(page);
            page.navigate(RunningApp.get().url("train/model"));
            page.waitForSelector(".layer-row");
            assertThat(page.locator(".layer-row").count()).isEqualTo(7);
            assertThat(page.locator(".model-total").textContent()).contains("485,514");

            // 64 → 16 filters in the first convolution: 16·9 + 16 = 160 parameters.
            page.locator(".layer-row").first().getByLabel("Filters").fill("16");
            page.locator(".layer-row").first().getByLabel("Filters").press("Tab");
            page.waitForFunction("() => document.querySelector('.layer-row .layer-params').textContent === '160 params'");

            // Removing the flatten breaks the dense layer after it, which says why.
            page.locator(".layer-row[data-kind='flatten'] vaadin-button[aria-label='Remove layer']").click();
            page.waitForSelector(".layer-row.layer-broken");
            assertThat(page.locator(".layer-row.layer-broken .layer-problem").first().textContent()).contains("layer 5 (dense)");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/model-builder-broken.png")));

            // Add a flatten back at the end of the list and move it up above the dense layers.
            page.locator(".model-builder vaadin-menu-bar vaadin-menu-bar-button").first().click();
            page.locator("vaadin-menu-bar-item", new Page.LocatorOptions().setHasText("Flatten")).click();
            for (int position : new int[] {5, 4}) {
                page.locator(".layer-row[data-kind='flatten'] vaadin-button[aria-label='Move up']").click();
                page.waitForFunction("p => document.querySelectorAll('.layer-row')[p].dataset.kind === 'flatten'", position);
            }
            page.waitForFunction("() => !document.querySelector('.layer-row.layer-broken')");
            assertThat(page.locator(".model-total").textContent()).contains("parameters");

            page.getByText("Train this model").click();
            page.waitForURL("**/train");
            assertThat(page.locator(".model-choice vaadin-select").textContent() + page.locator(".model-choice").textContent())
                    .contains("your model from the builder");
        }
    }
}
