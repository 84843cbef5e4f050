package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page, as a guest, a learner, a teacher and the admin, in the light and the dark theme,
 * checked by axe-core against WCAG 2.1 A and AA: any violation fails the test, listed by page, rule,
 * impact, how many elements and which. The axe script comes from Maven Central (Deque's jar carries
 * it), so the test needs no npm.
 */
class AccessibilityIT extends BrowserTest {

    static final String AXE = axeScript();

    /** A-level and AA-level rules of WCAG 2.0 and 2.1. */
    static final String RUN_AXE = """
            async () => {
              const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations']});
              return result.violations.map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): '
                  + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' ')
                  + ' | ' + (v.nodes[0].failureSummary || '').replace(/\s+/g, ' ').slice(0, 240));
            }""";

    private static String run;

    @BeforeAll
    static void trainARun() throws Exception {
        Account learner = learner();
        run = new QueueClient(RunningApp.get()::url, learner.username(), learner.password())
                .trainAndWait(QueueClient.TINY_SPEC, "{\"epochs\":1,\"limit\":1000,\"device\":\"cpu\"}");
    }

    @Test
    void everyPageHasNoWcagViolationInEitherTheme() {
        Map<String, List<String>> violations = new TreeMap<>();
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                theme(page, dark);
                for (String path : List.of("login", "register")) {
                    check(page, path, theme, violations);
                }
            }
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signInAsLearner(page);
                theme(page, dark);
                List<String> paths = new ArrayList<>(List.of("", "learn"));
                LessonPagesIT.LESSONS.forEach(lesson -> paths.add("learn/" + lesson));
                paths.addAll(List.of("learn/x-or-o/network", "data", "data?dataset=colour-shapes", "data?dataset=not-yours",
                        "data/import", "data/draw?classes=X,O", "train", "train?dataset=colour-shapes",
                        "train/model", "train/live/" + run,
                        "train/experiments", "runs", "runs/" + run, "try", "me", "account", "classroom"));
                for (String path : paths) {
                    check(page, path, theme, violations);
                }
                page.navigate(RunningApp.get().url("runs/" + run + "/explain"));
                page.waitForSelector(".neuron-trace h3", new Page.WaitForSelectorOptions().setTimeout(120_000));
                audit(page, "/runs/<id>/explain", theme, violations);
            }
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signIn(page, TEACHER.username(), TEACHER.password());
                theme(page, dark);
                // The new-assignment page last: the assignment is made from it below.
                for (String path : List.of("classroom", "classroom/classes", "classroom/queue", "data/import",
                        "classroom/assignments/new")) {
                    check(page, path, theme, violations);
                }
                // An assignment from a template, so that it can be saved and its page and gradebook checked.
                page.locator("vaadin-select", new Page.LocatorOptions().setHasText("A blank page")).click();
                page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(
                        "A fully connected baseline (Deck 000, fully connected against convolutional (part 1))")).click();
                page.getByText("Save assignment").click();
                page.waitForURL(url -> url.matches(".*/classroom/assignments/\\d+$"));
                ready(page);
                audit(page, "/classroom/assignments/<id>", theme, violations);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gradebook")).click();
                page.waitForURL("**/classroom/gradebook/**");
                ready(page);
                audit(page, "/classroom/gradebook/<id>", theme, violations);
            }
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
                theme(page, dark);
                check(page, "admin", theme, violations);
            }
        }
        assertThat(violations).as("WCAG 2.1 A/AA violations per page").isEmpty();
    }

    /** The theme switch is remembered for the browser session; the browser is told the same scheme. */
    private static void theme(Page page, boolean dark) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                dark ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
        if (dark) {
            page.navigate(RunningApp.get().url("learn"));
            page.locator(".theme-switch").click();
            page.waitForFunction("() => getComputedStyle(document.documentElement).colorScheme.includes('dark')");
        }
    }

    private static void check(Page page, String path, String theme, Map<String, List<String>> violations) {
        page.navigate(RunningApp.get().url(path));
        ready(page);
        audit(page, "/" + path.replace(run, "<id>"), theme, violations);
    }

    /**
     * The view is shown and Flow has answered its requests (a page with a live poll may never be
     * quiet for long, so that wait is bounded), and the web components have drawn.
     */
    private static void ready(Page page) {
        page.waitForSelector("vaadin-app-layout > :not([slot])");
        try {
            page.waitForFunction("() => Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())",
                    null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError busy) {
            // a page that keeps talking to the server (a live training chart) is checked as it is
        }
        page.waitForTimeout(500);
    }

    private static void audit(Page page, String name, String theme, Map<String, List<String>> violations) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        }
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate(RUN_AXE);
        System.out.println("axe " + name + " (" + theme + "): " + found.size() + " rules violated"
                + found.stream().map(v -> "\n  " + v).reduce("", String::concat));
        if (!found.isEmpty()) {
            violations.put(name + " (" + theme + ")", found);
        }
    }

    private static String axeScript() {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
