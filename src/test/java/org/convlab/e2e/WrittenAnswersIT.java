package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Written questions in a real browser: the teacher sets an assignment whose template asks
 * questions, the learner answers them when handing in a run trained on a quick subset, the teacher
 * reads the answers (and that the run used 5,000 of 60,000 images), adds a mark and a comment, and
 * the learner sees both.
 */
class WrittenAnswersIT extends BrowserTest {

    private static final String QUESTION = "1. What test accuracy and training time did your fully connected network reach?";
    private static final String ANSWER = "About 80% after one epoch, in a few seconds.";
    private static final String COMMENT = "Good: now try ten epochs.";

    @Test
    void aLearnerAnswersTheTeacherMarksAndTheLearnerSeesTheMark() throws Exception {
        Account learner = learner();
        String assignmentUrl;
        try (BrowserContext teacherContext = context(1366, 900)) {
            Page page = teacherContext.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            page.navigate(RunningApp.get().url("classroom/assignments/new"));
            page.locator("vaadin-select", new Page.LocatorOptions().setHasText("A blank page")).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(
                    "A fully connected baseline (Deck 000, fully connected against convolutional (part 1))")).click();
            page.waitForSelector(".question-row");
            assertThat(page.locator(".question-row").count()).isEqualTo(3);
            page.getByText("Save assignment").click();
            page.waitForURL(url -> url.matches(".*/classroom/assignments/\\d+$"));
            assignmentUrl = page.url();
        }

        try (BrowserContext learnerContext = context(1366, 900)) {
            Page page = learnerContext.newPage();
            signIn(page, learner.username(), learner.password());
            TrainingPages.trainQuickModel(page);
            page.navigate(assignmentUrl);
            page.waitForSelector(".written-answers textarea");
            page.getByLabel(QUESTION, new Page.GetByLabelOptions().setExact(true)).fill(ANSWER);
            page.getByText("Hand in and grade").click();
            page.waitForSelector(".grade-card");
            assertThat(page.locator(".submit-result").innerText()).contains("Trained on the first 5,000 of 60,000 training images.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/written-answers-learner.png"))
                    .setFullPage(true));
        }

        try (BrowserContext teacherContext = context(1366, 900)) {
            Page page = teacherContext.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            page.navigate(assignmentUrl);
            page.waitForSelector("vaadin-grid");
            Locator grid = page.locator("vaadin-grid");
            assertThat(grid.innerText()).contains("E2E Learner", "5,000 of 60,000");
            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("E2E Learner")).first().click();
            page.waitForSelector(".written-card .written-answer");
            assertThat(page.locator(".written-card").first().innerText()).contains(ANSWER);
            page.getByLabel("Your mark (0–100, optional)", new Page.GetByLabelOptions().setExact(true)).fill("80");
            page.getByLabel("Your comment (optional)", new Page.GetByLabelOptions().setExact(true)).fill(COMMENT);
            page.getByText("Save mark and comment").click();
            page.getByText("Saved. The learner sees it on their assignment page.").waitFor();
            assertThat(grid.innerText()).contains("80/100");
            // The submission stays open after saving, showing what was saved.
            assertThat(page.getByText("Saved. The learner sees it on their assignment page.").isVisible()).isTrue();
            assertThat(page.locator(".written-card .teacher-feedback").first().innerText())
                    .isEqualTo("Mark: 80 of 100. Comment: " + COMMENT);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/written-answers-teacher.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gradebook")).click();
            page.waitForURL("**/classroom/gradebook/**");
            page.waitForSelector("vaadin-grid");
            assertThat(page.locator("vaadin-grid").first().innerText()).contains("mark 80 · subset");
            Download download = page.waitForDownload(() -> page.getByText("Download CSV").click());
            String csv = Files.readString(download.path());
            assertThat(csv).contains(COMMENT, ANSWER);
        }

        try (BrowserContext learnerContext = context(1366, 900)) {
            Page page = learnerContext.newPage();
            signIn(page, learner.username(), learner.password());
            page.navigate(assignmentUrl);
            page.waitForSelector(".teacher-feedback");
            assertThat(page.locator(".teacher-feedback").first().innerText())
                    .isEqualTo("Mark: 80 of 100. Comment: " + COMMENT);
            page.navigate(RunningApp.get().url("me"));
            page.waitForSelector(".my-progress .teacher-feedback");
            assertThat(page.locator(".my-progress").innerText()).contains("Mark: 80 of 100. Comment: " + COMMENT);
        }
    }
}
