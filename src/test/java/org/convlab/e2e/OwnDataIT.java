package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import org.convlab.dataset.ImageFolderZips;
import org.junit.jupiter.api.Test;

/**
 * Bringing one's own images, in a real browser: the teacher imports an image-folder zip for the
 * class on the Import page (progress, then the new set), and a learner of the class finds it in the
 * Train page's data set picker and trains on it; a zip that is not one is refused in one line.
 */
class OwnDataIT extends BrowserTest {

    @Test
    void aTeacherImportsAZipForTheClassAndALearnerTrainsOnIt() {
        Account learner = learner();
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            page.navigate(RunningApp.get().url("data/import"));
            page.getByLabel("Name of the data set", new Page.GetByLabelOptions().setExact(true)).fill("Class shapes");
            page.locator("vaadin-select", new Page.LocatorOptions().setHasText("For")).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("My class " + CLASS_NAME)).click();

            page.locator("vaadin-upload input[type=file]").setInputFiles(
                    new FilePayload("notes.zip", "application/zip", "these are notes, not a zip".getBytes()));
            page.waitForSelector(".import-status.problem");
            assertThat(page.locator(".import-status").textContent()).startsWith("Not imported: ")
                    .doesNotContain("Exception").doesNotContain("/");

            page.locator("vaadin-upload input[type=file]").setInputFiles(
                    new FilePayload("shapes.zip", "application/zip", ImageFolderZips.circlesAndSquares(30, 7)));
            page.waitForFunction("() => document.querySelector('.import-status').textContent.startsWith('Imported:')",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertThat(page.locator(".import-status").textContent())
                    .contains("Class shapes · 2 classes · 28×28 grayscale · 48 + 12 images");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-done.png")).setFullPage(true));
        }

        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            signIn(page, learner.username(), learner.password());
            page.navigate(RunningApp.get().url("train"));
            page.waitForSelector(".hyperparameter-form");
            page.locator(".dataset-choice vaadin-select").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Class shapes (your class's)")).click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".dataset-choice"))
                    .containsText("Class shapes · 2 classes · 28×28 grayscale · 48 + 12 images");
            page.locator(".model-choice vaadin-select").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("dense").setExact(true)).click();
            // The model follows the data: dense ends in the set's two classes, (128 + 1)·2 = 258 parameters
            // fewer than its 10-class form's (128 + 1)·10 = 1,290, so 101,770 − 1,032 = 100,738 in all.
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".model-choice"))
                    .containsText("100,738 parameters");
            page.getByLabel("Epochs", new Page.GetByLabelOptions().setExact(true)).fill("2");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/train-own-data.png")).setFullPage(true));
            page.getByText("Start training").click();
            page.waitForURL("**/train/live/**");
            page.waitForSelector(".run-state[data-state='DONE']", new Page.WaitForSelectorOptions().setTimeout(120_000));
        }
    }
}
