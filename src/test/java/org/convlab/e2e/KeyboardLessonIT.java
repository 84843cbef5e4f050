package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The convolution lesson with the keyboard only, as a learner who cannot use a mouse works it: skip
 * the navigation, play and pause, step, jump to an output cell, change a kernel cell and the stride.
 * Nothing here clicks; every action is a key press on whatever has the focus.
 */
class KeyboardLessonIT extends BrowserTest {

    private static final String ANIMATION = "convlab-matrix-animation";
    /** What has the focus inside the first animation, as a CSS test on its shadow root's active element. */
    private static final String FOCUSED = "s => { const a = document.querySelector('" + ANIMATION + "');"
            + " return document.activeElement === a && !!a.shadowRoot.activeElement"
            + " && a.shadowRoot.activeElement.matches(s); }";

    @Test
    void playPauseStepJumpAndEditWithoutTheMouse() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(RunningApp.get().url("learn/convolution"));
            page.waitForSelector(ANIMATION + "[data-step='0']");
            Locator animation = page.locator(ANIMATION).first();

            // The first Tab reaches the skip link; Enter takes the focus past the navigation.
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Skip to main content");
            shoot(page, "keyboard-skip-link-1366.png");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => document.activeElement.classList.contains('main-content')")).isEqualTo(true);

            // Play, then pause: the status line says where it stopped.
            tabTo(page, "button.play");
            page.keyboard().press("Enter");
            page.waitForFunction("() => Number(document.querySelector('" + ANIMATION + "').dataset.step) >= 2");
            page.keyboard().press("Enter");
            int paused = Integer.parseInt(animation.getAttribute("data-step"));
            assertThat(animation.locator(".status").textContent())
                    .startsWith("Paused at step " + (paused + 1) + " of 49. Output row");
            assertThat(animation.locator("button.play").getAttribute("aria-pressed")).isEqualTo("false");

            // Step forward by one; the slider says where the animation is in words.
            tabTo(page, "button.forward");
            page.keyboard().press("Enter");
            assertThat(animation.getAttribute("data-step")).isEqualTo(String.valueOf(paused + 1));
            assertThat(animation.locator(".scrubber").getAttribute("aria-valuetext"))
                    .isEqualTo("step " + (paused + 2) + " of 49");

            // Back to the output grid (one tab stop), along its last column to the last cell, and Enter.
            shiftTabTo(page, ".grid.output .cell");
            page.keyboard().press("End");
            for (int i = 0; i < 6; i++) {
                page.keyboard().press("ArrowDown");
            }
            assertThat(page.evaluate(FOCUSED, ".grid.output .cell[data-index='48']")).isEqualTo(true);
            page.keyboard().press("Enter");
            assertThat(animation.getAttribute("data-step")).isEqualTo("48");
            assertThat(animation.locator(".grid.output .cell[data-index='48']").getAttribute("aria-current"))
                    .isEqualTo("step");
            assertThat(animation.locator(".description").textContent()).startsWith("Output row 7, column 7");
            shoot(page, "keyboard-output-cell-1366.png");

            // Back to the kernel grid: its middle cell, Enter cycles it (the mouse's click does the same).
            shiftTabTo(page, ".grid.kernel .cell");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowDown");
            Locator middle = animation.locator(".grid.kernel .cell[data-index='4']");
            String before = middle.textContent().strip();
            page.keyboard().press("Enter");
            page.waitForFunction("before => document.querySelector('" + ANIMATION + "').shadowRoot"
                    + ".querySelector(\".grid.kernel .cell[data-index='4']\").textContent.trim() !== before", before);
            assertThat(middle.textContent().strip()).isNotEqualTo(before);
            // The focus stays on the cell just changed, so it can be changed again.
            assertThat(page.evaluate(FOCUSED, ".grid.kernel .cell[data-index='4']")).isEqualTo(true);
            shoot(page, "keyboard-kernel-cell-1366.png");

            // A setting changed from the keyboard: the status line says the output's new size.
            for (int i = 0; i < 60 && !Boolean.TRUE.equals(page.evaluate(
                    "() => document.activeElement?.closest('vaadin-select')?.label === 'Stride S'")); i++) {
                page.keyboard().press("Tab");
            }
            page.keyboard().press("Enter");
            page.waitForSelector("vaadin-select-item[focused]");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('" + ANIMATION + "').shadowRoot"
                    + ".querySelectorAll('.grid.output .cell').length === 16");
            assertThat(animation.locator(".status").textContent()).isEqualTo("New output: 4 by 4, 16 steps.");
            shiftTabTo(page, ".grid.kernel .cell");

            page.setViewportSize(820, 1180);
            page.keyboard().press("ArrowLeft");
            page.waitForTimeout(300);
            shoot(page, "keyboard-kernel-cell-820.png");
        }
    }

    /** Presses Tab until the focus is on the animation's element matching {@code selector}. */
    private static void tabTo(Page page, String selector) {
        move(page, "Tab", selector);
    }

    private static void shiftTabTo(Page page, String selector) {
        move(page, "Shift+Tab", selector);
    }

    private static void move(Page page, String key, String selector) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(page.evaluate(FOCUSED, selector))) {
                return;
            }
            page.keyboard().press(key);
        }
        throw new AssertionError("the " + key + " key never reached " + selector);
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name)));
    }
}
