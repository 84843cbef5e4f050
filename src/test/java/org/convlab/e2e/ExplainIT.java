package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Explain my model" in a real browser: the learner's own two-conv network, a cell of its second
 * conv layer traced through all four input channels with the lessons' animation, the filter's
 * strongest test images, and pruning that reports the smaller model's accuracy.
 */
class ExplainIT extends BrowserTest {

    /** conv 4 same → conv 6 same → pool → flatten → dense 10: layer 2 reads four maps. */
    private static final String TWO_CONVS = """
            {"name": "two-convs", "layers": [
              {"type": "conv2d", "filters": 4, "kernel": 3, "padding": "same", "activation": "relu"},
              {"type": "conv2d", "filters": 6, "kernel": 3, "padding": "same", "activation": "relu"},
              {"type": "maxpool", "pool": 2},
              {"type": "flatten"},
              {"type": "dense", "units": 10, "activation": "softmax"}]}
            """;

    private static String RUN;

    @BeforeAll
    static void prepareARun() throws Exception {
        Account learner = learner();
        QueueClient client = new QueueClient(RunningApp.get()::url, learner.username(), learner.password());
        RUN = client.trainAndWait(TWO_CONVS, "{\"epochs\":1,\"limit\":2000,\"device\":\"cpu\"}");
    }

    @Test
    void aCellOfTheSecondConvLayerIsTracedThroughEveryChannel() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("runs/" + RUN + "/explain?image=3"));
            page.waitForSelector(".network-diagram .network-map", new Page.WaitForSelectorOptions().setTimeout(120_000));
            // 1 input + 4 + 6 maps + 6 pooled, flatten as a strip, and the ten classes, one predicted.
            assertThat(page.locator(".network-map").count()).isEqualTo(1 + 4 + 6 + 6 + 1);
            assertThat(page.locator(".network-class").count()).isEqualTo(10);
            assertThat(page.locator(".network-class.predicted").count()).isEqualTo(1);

            page.locator(".network-map[data-key='2/3']").click();
            page.waitForSelector(".network-lines .line-in");
            assertThat(page.locator(".network-lines .line-in").count()).isEqualTo(4); // every map of layer 1
            // A cell of the enlarged 28×28 map: row 6, column 10 (12 pixels a cell).
            page.locator(".enlarged-map img").click(new Locator.ClickOptions().setPosition(10 * 12 + 6, 6 * 12 + 6));
            page.waitForSelector(".neuron-trace h3:has-text('row 7, column 11')");
            Locator trace = page.locator(".neuron-trace");
            assertThat(trace.locator("h3").textContent()).isEqualTo("Layer 2 (conv2d_1), map 4, row 7, column 11");
            // Four channels, each the lessons' animation with its products written out.
            assertThat(trace.locator(".trace-channel convlab-matrix-animation").count()).isEqualTo(4);
            page.waitForFunction("() => [...document.querySelectorAll('.trace-channel convlab-matrix-animation')]"
                    + ".every(a => a.shadowRoot && a.shadowRoot.textContent.includes('='))");
            // The sums shown add up to the value shown, and that is the network's own.
            double channels = 0;
            for (String caption : trace.locator(".trace-channel-sum").allTextContents()) {
                channels += number(caption.substring(caption.lastIndexOf(' ') + 1));
            }
            String biasLine = trace.locator(".trace-sum").nth(1).textContent(); // "s + bias b = pre"
            double bias = number(biasLine.replaceAll(".* bias (\\S+) = .*", "$1"));
            double pre = number(biasLine.substring(biasLine.lastIndexOf(' ') + 1));
            assertThat(channels + bias).isCloseTo(pre, org.assertj.core.api.Assertions.within(0.005));
            String value = trace.locator(".trace-sum").nth(2).textContent(); // "relu(pre) = value"
            assertThat(number(value.substring(value.lastIndexOf(' ') + 1))).isEqualTo(Math.max(0, pre),
                    org.assertj.core.api.Assertions.within(0.0011));
            assertThat(trace.locator(".trace-result").textContent()).endsWith("the same.");
            page.waitForTimeout(400);
            shoot(page, "explain-trace.png");
            page.locator(".network-diagram-scroller").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-overview.png")));
            page.locator(".neuron-trace").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-neuron.png")));

            // What the filter looks for: its strongest test images render.
            page.locator(".filter-patterns vaadin-button:has-text('Find them')").click();
            page.waitForSelector(".filter-gallery .patch-figure img", new Page.WaitForSelectorOptions().setTimeout(120_000));
            page.waitForFunction("() => [...document.querySelectorAll('.filter-gallery img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)");
            assertThat(page.locator(".filter-gallery .patch-figure").count()).isEqualTo(8);
            page.locator(".filter-patterns").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-filter.png")));

            // Pruning: two of layer 1's four filters go; the new accuracy is shown and the run saved.
            page.locator(".pruning-panel vaadin-integer-field input").fill("2");
            page.locator(".pruning-panel vaadin-button:has-text('Prune and measure')").click();
            page.waitForSelector(".pruning-panel .trace-result", new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.locator(".pruning-panel .trace-result").textContent())
                    .matches("conv2d: 4→2 filters: test accuracy \\d+\\.\\d\\d% → \\d+\\.\\d\\d% .*parameters .*");
            page.locator(".pruning-panel").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-pruning.png")));
        }
    }

    @Test
    void atTabletWidthTheDiagramScrollsInsideItsBoxAndMapsWorkByKeyboard() {
        try (BrowserContext context = context(820, 1180)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("runs/" + RUN + "/explain"));
            page.waitForSelector(".neuron-trace h3", new Page.WaitForSelectorOptions().setTimeout(120_000));
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            // Keyboard: focus an output class and press Enter: its softmax is written out.
            page.locator(".network-class").nth(2).focus();
            page.keyboard().press("Enter");
            page.waitForSelector(".neuron-trace h3:has-text('unit 3')");
            assertThat(page.locator(".softmax-table tbody tr").count()).isEqualTo(10);
            page.waitForTimeout(300);
            shoot(page, "explain-tablet.png");
        }
    }

    @Test
    void theXoNetworkIsExplainedInTheSameViewWithTheDecksScores() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signInAsLearner(page);
            page.navigate(RunningApp.get().url("learn/x-or-o/network"));
            page.waitForSelector(".network-diagram .network-map", new Page.WaitForSelectorOptions().setTimeout(60_000));
            page.waitForSelector(".neuron-trace h3");
            assertThat(page.locator(".xo-deck-test").textContent()).contains("0.91", "0.51");
            page.waitForTimeout(300);
            page.locator(".network-diagram-scroller").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-xo-overview.png")));
            page.locator(".xo-deck-test").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/explain-xo-deck-test.png")));
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.strip().replace('−', '-').replace(",", "").replaceAll("[^0-9.eE+-]", ""));
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name)).setFullPage(true));
    }
}
