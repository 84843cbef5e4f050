package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Classifies a drawing made with the mouse and an uploaded photo, and refuses a non-image. */
class TryItIT {

    private static byte[] photoOfAShoe() throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 240, 235));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(40, 40, 60));
        g.fillRoundRect(60, 150, 290, 80, 40, 40);
        g.fillRect(60, 110, 120, 60);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }

    @Test
    void drawAndUploadAreClassified() throws IOException {
        try (Playwright playwright = Browser.playwright();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1366, 900))) {
            Page page = context.newPage();
            BrowserTest.signInAsLearner(page);
            TrainingPages.trainQuickModel(page);

            page.navigate(RunningApp.get().url("try"));
            page.waitForSelector("convlab-sketchpad canvas");
            BoundingBox box = page.locator("convlab-sketchpad canvas").boundingBox();
            // Two trouser legs, drawn as two strokes.
            for (double x : new double[] {0.38, 0.62}) {
                page.mouse().move(box.x + box.width * x, box.y + box.height * 0.1);
                page.mouse().down();
                page.mouse().move(box.x + box.width * x, box.y + box.height * 0.9, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
                page.mouse().up();
            }
            page.waitForFunction("() => /% sure/.test(document.querySelector('.verdict')?.textContent)");
            assertThat(page.locator(".model-input img").getAttribute("src")).startsWith("data:image/png;base64,");
            page.waitForSelector("convlab-chart[data-rendered]");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/try-it-drawing.png")));

            String before = page.locator(".model-input img").getAttribute("src");
            page.locator("vaadin-upload input[type=file]").setInputFiles(
                    new FilePayload("shoe.jpg", "image/jpeg", photoOfAShoe()));
            page.waitForFunction("before => document.querySelector('.model-input img')?.src !== before"
                    + " && /% sure/.test(document.querySelector('.verdict')?.textContent)", before);

            page.locator("vaadin-upload input[type=file]").setInputFiles(
                    new FilePayload("notes.png", "image/png", "not really a picture".getBytes()));
            page.waitForSelector(".callout-error:visible");
            assertThat(page.locator(".callout-error").textContent()).contains("PNG or JPEG");
        }
    }
}
