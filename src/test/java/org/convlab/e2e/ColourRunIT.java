package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.model.ModelSpecJson;
import org.convlab.training.engine.TestModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Colour filters and Grad-CAM render: a tiny CNN trained on the colour demo set (colour-shapes,
 * 3×32×32) shows its first layer's filters as colour pictures, its test image and Grad-CAM overlay
 * in colour at 32×32, and its explain page writes a first-layer cell out for red, green and blue.
 */
class ColourRunIT extends BrowserTest {

    private static final Path DEMO = Path.of("data", "colour-shapes", "dataset.json");
    /** Whether some pixel of some matching image is clearly not gray (its red, green and blue differ). */
    private static final String HAS_COLOUR = """
            selector => [...document.querySelectorAll(selector)].some(img => {
              if (!img.complete || img.naturalWidth === 0) return false;
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(img, 0, 0);
              const d = context.getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 0; i < d.length; i += 4) {
                if (Math.abs(d[i] - d[i + 1]) > 30 || Math.abs(d[i + 1] - d[i + 2]) > 30) return true;
              }
              return false;
            })""";

    private static String RUN;

    @BeforeAll
    static void prepareAColourRun() throws Exception {
        Assumptions.assumeTrue(Files.exists(DEMO), "the colour demo set is not in this checkout");
        int classes = JsonMapper.builder().build().readTree(Files.readString(DEMO)).get("classes").size();
        Account learner = learner();
        QueueClient client = new QueueClient(RunningApp.get()::url, learner.username(), learner.password());
        RUN = client.trainAndWait(ModelSpecJson.write(TestModels.tinyCnn().spec().forData(3, 32, classes)),
                "{\"epochs\":1,\"limit\":2000,\"device\":\"cpu\",\"dataset\":\"colour-shapes\"}");
    }

    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(AccessibilityIT.AXE));
        }
        return (List<String>) page.evaluate(AccessibilityIT.RUN_AXE);
    }

    @Test
    void colourFiltersAndGradCamRender() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("runs/" + RUN));
            page.waitForSelector(".filters .colour-filter", new Page.WaitForSelectorOptions().setTimeout(120_000));
            // The first conv layer's 8 filters, each one colour picture of its 3×3 red, green and blue kernels.
            assertThat(page.locator(".filters .colour-filter").count()).isEqualTo(8);
            page.waitForFunction("() => [...document.querySelectorAll('.filters .colour-filter')]"
                    + ".every(i => i.complete && i.naturalWidth === 3 && i.getBoundingClientRect().width >= 12)");
            assertThat(page.evaluate(HAS_COLOUR, ".filters .colour-filter")).isEqualTo(true);
            assertThat(page.locator(".filters .colour-filter").first().getAttribute("alt"))
                    .isEqualTo("Layer 1, filter 1 in colour: its red, green and blue weights");

            page.waitForSelector(".grad-cam-result img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.locator(".grad-cam-result img").count()).isEqualTo(2);
            page.waitForFunction("() => [...document.querySelectorAll('.grad-cam-result img')]"
                    + ".every(i => i.complete && i.naturalWidth === 32 && i.getBoundingClientRect().width >= 64)");
            // The test image itself is in colour (the demo set's shapes are coloured), and so is what lies under the heat.
            assertThat(page.evaluate(HAS_COLOUR, ".grad-cam-result .sample:first-child img")).isEqualTo(true);
            assertThat(page.locator(".grad-cam-result img").nth(1).getAttribute("alt")).startsWith("Grad-CAM for ");
            page.waitForSelector(".misclassified img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            // Each filter's three kernels on their own, named by colour, one click away.
            page.locator(".filter-channel-details vaadin-details-summary").click();
            page.waitForSelector(".filter-channels img[alt='Layer 1, filter 8, blue weights']");
            assertThat(page.locator(".filter-channels img").count()).isEqualTo(8 * 3);
            page.waitForTimeout(600);
            assertThat(axe(page)).as("WCAG 2.1 A/AA violations on the colour run's page").isEmpty();
            for (String part : new String[] {"misclassified", "filters", "image-inspector"}) {
                page.locator("." + part).screenshot(new Locator.ScreenshotOptions()
                        .setPath(Path.of("target/screenshots/colour-run-" + part + ".png")));
            }

            page.navigate(RunningApp.get().url("runs/" + RUN + "/explain"));
            page.waitForSelector(".trace-channel-sum", new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.locator(".network-map[alt=\"The input image's red channel\"]").count()).isEqualTo(1);
            assertThat(page.locator(".trace-channel-sum").allTextContents()).hasSize(3)
                    .anySatisfy(t -> assertThat(t).startsWith("The red channel: sum of products"))
                    .anySatisfy(t -> assertThat(t).startsWith("The blue channel: sum of products"));
            assertThat(page.locator(".neuron-trace").textContent()).contains("Sum over red, green and blue:");
            assertThat(axe(page)).as("WCAG 2.1 A/AA violations on the colour run's explain page").isEmpty();
            page.locator(".network-explanation").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/colour-explain.png")));
        }
    }
}
