package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opens the Data page of the real jar in Chromium and checks that images and charts really drew. */
class DataPageIT extends BrowserTest {


    @Test
    void samplesAndChartsRenderAndReshuffleWorks() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("data"));
            page.waitForSelector(".sample-gallery img");

            // 24 samples, each decoded by the browser as a real 28×28 image.
            assertThat(page.locator(".sample-gallery img").count()).isEqualTo(24);
            page.waitForFunction("() => [...document.querySelectorAll('.sample-gallery img')]"
                    + ".every(i => i.complete && i.naturalWidth === 28 && i.naturalHeight === 28)");

            // Both charts drew bars: their canvases hold coloured pixels, not a blank area.
            page.waitForSelector("convlab-chart[data-rendered]", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.ATTACHED));
            page.waitForFunction("() => document.querySelectorAll('convlab-chart[data-rendered]').length === 2");
            page.waitForTimeout(600); // let the 300 ms draw animation finish before reading pixels
            @SuppressWarnings("unchecked")
            List<Number> painted = (List<Number>) page.evaluate("""
                    () => [...document.querySelectorAll('convlab-chart')].map(chart => {
                      const canvas = chart.shadowRoot.querySelector('canvas');
                      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                      let coloured = 0;
                      for (let i = 0; i < data.length; i += 4) {
                        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                        if (a > 0 && (Math.abs(r - g) > 40 || Math.abs(g - b) > 40)) coloured++;
                      }
                      return coloured;
                    })""");
            assertThat(painted).hasSize(2).allSatisfy(n -> assertThat(n.intValue()).isGreaterThan(2_000));

            // Neither chart spills out of the page.
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);

            assertThat(page.locator(".heatmap-cell").count()).isEqualTo(200);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/data-page.png"))
                    .setFullPage(true));

            String before = page.locator(".sample-gallery img").first().getAttribute("src");
            List<String> beforeAll = page.locator(".sample-gallery .sample").evaluateAll(
                    "els => els.map(e => e.dataset.index)").toString().lines().toList();
            page.getByText("Show other images").click();
            page.waitForFunction("before => document.querySelector('.sample-gallery img').src !== before", before);
            assertThat(page.locator(".sample-gallery .sample").evaluateAll("els => els.map(e => e.dataset.index)")
                    .toString().lines().toList()).isNotEqualTo(beforeAll);
        }
    }

    @Test
    void tabletWidthKeepsEverythingOnScreen() {
        try (BrowserContext context = context(820, 1180)) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("data"));
            page.waitForFunction("() => document.querySelectorAll('convlab-chart[data-rendered]').length === 2");
            page.waitForTimeout(600);
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/data-page-tablet.png"))
                    .setFullPage(true));
        }
    }

    /** A key in the address that is not the visitor's to use: one line, and the default set as usual. */
    @Test
    void aDataSetKeyNotOursShowsOneLineAndTheDefault() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("data?dataset=someone-elses-set-x1y2z3"));
            page.waitForSelector(".sample-gallery img");
            assertThat(page.locator(".callout-info").innerText())
                    .isEqualTo("There is no data set \"someone-elses-set-x1y2z3\" you can use, so Fashion-MNIST is shown.");
            assertThat(page.locator(".sample-gallery img").count()).isEqualTo(24);
            assertThat(page.getByLabel("Data set").count()).isPositive();
            assertThat(page.locator("a.train-on-it").getAttribute("href")).isEqualTo("train");
            assertThat(page.locator("a.download-dataset").count()).as("no zip of a built-in set").isZero();
        }
    }

    /** The colour demo set: 32×32 colour samples, three channel series, tidy at laptop and tablet widths. */
    @Test
    void theColourDemoSetShowsInColourAtBothWidths() {
        for (int width : new int[] {1366, 820}) {
            try (BrowserContext context = context(width, 900)) {
                Page page = context.newPage();
                page.navigate(RunningApp.get().url("data?dataset=colour-shapes"));
                page.waitForSelector(".sample-gallery img");
                page.waitForFunction("() => [...document.querySelectorAll('.sample-gallery img')]"
                        + ".every(i => i.complete && i.naturalWidth === 32 && i.naturalHeight === 32)");
                // Some sample really has colour: a pixel whose red, green and blue differ.
                Boolean coloured = (Boolean) page.evaluate("""
                        () => [...document.querySelectorAll('.sample-gallery img')].some(img => {
                          const c = document.createElement('canvas');
                          c.width = 32; c.height = 32;
                          const g = c.getContext('2d');
                          g.drawImage(img, 0, 0);
                          const d = g.getImageData(0, 0, 32, 32).data;
                          for (let i = 0; i < d.length; i += 4) {
                            if (Math.abs(d[i] - d[i + 1]) > 40 || Math.abs(d[i + 1] - d[i + 2]) > 40) return true;
                          }
                          return false;
                        })""");
                assertThat(coloured).isTrue();
                assertThat(page.locator("a.train-on-it").getAttribute("href")).isEqualTo("train?dataset=colour-shapes");
                assertThat(page.locator(".callout-info").isVisible()).isFalse();
                page.waitForFunction("() => document.querySelectorAll('convlab-chart[data-rendered]').length === 2");
                page.waitForTimeout(600);
                Number overflow = (Number) page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target/screenshots/data-page-colour-" + width + ".png")).setFullPage(true));
                // The page scrolls inside the app layout: the sections below, each on its own, for review.
                int n = 0;
                for (String section : List.of("How bright and how colourful", "The average item", "Which classes look alike")) {
                    page.locator("section.data-section", new Page.LocatorOptions().setHasText(section)).screenshot(
                            new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(
                                    Path.of("target/screenshots/data-page-colour-" + width + "-" + (++n) + ".png")));
                }
            }
        }
    }
}
