package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The convolution lesson in a real browser: playing moves the kernel's window and the written sum,
 * the arrow keys step, and clicking an output cell jumps to the step that computes it; the colour
 * image's three channel animations step together.
 */
class ConvolutionLessonIT {

    private static final String ANIMATION = "convlab-matrix-animation";

    @Test
    void playStepAndJumpMoveTheWindowAndTheSum() {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("learn/convolution"));
            page.waitForSelector(ANIMATION + "[data-step='0']");
            // The first animation is the kernel sliding over the letter; the colour image's three come later.
            Locator animation = page.locator(ANIMATION).first();

            assertThat(windowCells(animation)).containsExactly(0, 1, 2, 9, 10, 11, 18, 19, 20);
            String firstSum = animation.locator(".sum").textContent();
            assertThat(firstSum).endsWith("/ 9 = 7/9");
            assertThat(animation.locator(".description").textContent()).startsWith("Output row 1, column 1");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-start.png")));

            // Play at the fastest speed for a while, then pause: the window and the sum have moved on.
            animation.locator("select.speed").selectOption("60");
            animation.locator("button.play").click();
            page.waitForFunction("() => Number(document.querySelector('" + ANIMATION + "').dataset.step) >= 5");
            animation.locator("button.play").click();
            int step = Integer.parseInt(animation.getAttribute("data-step"));
            assertThat(step).isGreaterThanOrEqualTo(5);
            assertThat(windowCells(animation)).hasSize(9).doesNotContain(0);
            assertThat(animation.locator(".sum").textContent()).isNotEqualTo(firstSum);
            assertThat(animation.locator(".grid.output .cell[aria-current='step']").getAttribute("data-index"))
                    .isEqualTo(String.valueOf(step));

            // Keyboard: the arrow key steps back by one.
            animation.locator(".stage").focus();
            page.keyboard().press("ArrowLeft");
            assertThat(animation.getAttribute("data-step")).isEqualTo(String.valueOf(step - 1));

            // Clicking the last output cell (row 7, column 7) jumps there.
            animation.locator(".grid.output .cell[data-index='48']").click();
            assertThat(animation.getAttribute("data-step")).isEqualTo("48");
            assertThat(windowCells(animation)).containsExactly(60, 61, 62, 69, 70, 71, 78, 79, 80);
            assertThat(animation.locator(".description").textContent()).startsWith("Output row 7, column 7");
            assertThat(animation.locator(".grid.output .cell.current").getAttribute("data-index")).isEqualTo("48");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-jump.png")));

            // The colour image: "Next cell" moves all three channel animations to the same output cell.
            Locator channels = page.locator("#channels " + ANIMATION);
            assertThat(channels.count()).isEqualTo(3);
            page.locator("#channels vaadin-button", new Page.LocatorOptions().setHasText("Next cell")).click();
            page.waitForFunction("() => [...document.querySelectorAll('#channels " + ANIMATION + "')]"
                    + ".every(a => a.dataset.step === '1')");
            assertThat(channels.nth(0).locator(".description").textContent())
                    .startsWith("Red channel. Output row 1, column 2");
            assertThat(page.locator("#channels .formula").textContent())
                    .isEqualTo("red 6 + green 2 + blue −1 + bias 1 = 8");
            page.locator("#channels .number-grid-frame").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-rgb.png")));
            page.locator("#parameters").screenshot(
                    new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-parameters.png")));

            // A real 28×28 item: the grid is rebuilt with small cells and the animation starts over.
            page.locator(".main-content vaadin-select").first().click(); // not the header's language switch
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Fashion-MNIST")).click();
            page.waitForFunction("() => document.querySelector('" + ANIMATION + "')"
                    + ".shadowRoot.querySelectorAll('.grid.output .cell').length === 676");
            assertThat(animation.locator(".grid.input .cell").count()).isEqualTo(784);
            animation.locator(".grid.output .cell[data-index='340']").click();
            assertThat(animation.getAttribute("data-step")).isEqualTo("340");
            assertThat(windowCells(animation)).containsExactly(366, 367, 368, 394, 395, 396, 422, 423, 424);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-28x28.png")));

            // The dark theme keeps the grids, highlights and texts readable.
            page.locator(".theme-switch").click();
            page.waitForFunction("() => getComputedStyle(document.documentElement).colorScheme.includes('dark')");
            page.waitForTimeout(400);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/convolution-dark.png")));

            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        }
    }

    private static List<Integer> windowCells(Locator animation) {
        return animation.locator(".grid.input .cell.in-window").evaluateAll("cells => cells.map(c => c.dataset.index)")
                .toString().replaceAll("[\\[\\] ]", "").lines()
                .flatMap(line -> List.of(line.split(",")).stream()).map(Integer::parseInt).toList();
    }
}
