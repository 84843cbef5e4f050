package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ConvLab in German and Spanish in a real browser: every page, as a guest, a learner, a teacher and the
 * admin, once in German because the browser prefers it and once in Spanish chosen with the header's
 * switch. No page shows a missing-text marker or the wrong {@code <html lang>}, and a sample of pages
 * shows none of the English interface's sentences. The switch is remembered for the account on
 * another browser, and for a guest's browser; a lesson's quiz answers in the learner's language.
 */
class LanguageIT extends BrowserTest {

    /** Pages whose whole text is checked for English sentences left behind. */
    static final Set<String> SAMPLE = Set.of("", "learn", "learn/convolution", "learn/pooling", "data", "train",
            "train/model", "runs", "runs/<id>", "try", "me", "login", "classroom", "classroom/classes", "admin");

    private static String run;

    @BeforeAll
    static void trainARun() throws Exception {
        Account learner = learner();
        run = new QueueClient(RunningApp.get()::url, learner.username(), learner.password())
                .trainAndWait(QueueClient.TINY_SPEC, "{\"epochs\":1,\"limit\":1000,\"device\":\"cpu\"}");
    }

    @Test
    void everyPageReadsInGermanFromTheBrowsersLanguage() throws IOException {
        walkEveryPage("de", false);
    }

    @Test
    void everyPageReadsInSpanishChosenWithTheSwitch() throws IOException {
        walkEveryPage("es", true);
    }

    @Test
    void theSwitchIsRememberedForTheAccountOnAnotherBrowserAndForAGuestsBrowser() {
        try {
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
                page.navigate(RunningApp.get().url("learn"));
                choose(page, "Deutsch", "de");
                assertThat(page.locator("vaadin-side-nav").innerText()).contains("Lernen", "Trainieren");
            }
            try (BrowserContext otherBrowser = context(1366, 900)) {
                Page page = otherBrowser.newPage();
                signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
                page.navigate(RunningApp.get().url("train"));
                page.waitForSelector("html[lang='de']");
                assertThat(page.locator("vaadin-side-nav").innerText()).contains("Lernen");
            }
            try (BrowserContext guest = context(1366, 900)) {
                Page page = guest.newPage();
                page.navigate(RunningApp.get().url("learn"));
                choose(page, "Español", "es");
                page.navigate(RunningApp.get().url("data"));
                page.waitForSelector("html[lang='es']");
                assertThat(page.locator("vaadin-side-nav").innerText()).contains("Aprender", "Datos");
            }
        } finally {
            // The admin's account is shared with other tests, which read English.
            try (BrowserContext context = context(1366, 900)) {
                Page page = context.newPage();
                signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
                page.navigate(RunningApp.get().url("learn"));
                choose(page, "English", "en");
            }
        }
    }

    @Test
    void aLessonsQuizAsksAndAnswersInTheLearnersLanguage() {
        for (String language : List.of("de", "es")) {
            try (BrowserContext context = context(1366, 900, language)) {
                Page page = context.newPage();
                page.navigate(RunningApp.get().url("learn/pooling"));
                page.waitForSelector(".quiz vaadin-radio-group");
                Properties quiz = bundle("lessons/quiz/pooling_" + language + ".properties");
                assertThat(page.locator(".quiz").innerText()).contains(quiz.getProperty("concept.1.question"));
                QuizForm.pickChoices(page, QuizForm.rightChoices("pooling", language), false);
                page.locator(".quiz vaadin-button").first().click();
                page.waitForSelector(".quiz-score");
                String feedback = page.locator(".quiz").innerText();
                // The choices are shuffled: whichever wrong one was picked, its "why" is shown in the language.
                assertThat(quiz.stringPropertyNames().stream().filter(k -> k.matches("concept\\.\\d+\\.wrong\\.\\d+\\.why"))
                        .map(quiz::getProperty).filter(feedback::contains)).as("a wrong choice's why, in " + language).isNotEmpty();
                assertThat(feedback).doesNotContain("!{");
                screenshot(page, "quiz-" + language);
            }
        }
    }

    @Test
    void screenshotsOfTheHomePageALessonAndTheRunPageInEachLanguage() {
        for (String language : List.of("en", "de", "es")) {
            for (int[] size : new int[][] {{1366, 900}, {768, 1024}}) {
                try (BrowserContext context = context(size[0], size[1], language)) {
                    Page page = context.newPage();
                    signInAsLearner(page);
                    for (String path : List.of("", "learn/convolution", "runs/" + run)) {
                        page.navigate(RunningApp.get().url(path));
                        ready(page);
                        String name = path.isEmpty() ? "home" : path.startsWith("runs/") ? "run" : "lesson";
                        screenshot(page, "language-" + name + "-" + language + "-" + size[0]);
                    }
                }
            }
        }
    }

    private void walkEveryPage(String language, boolean withTheSwitch) throws IOException {
        Set<String> english = englishSentences(language);
        Map<String, List<String>> problems = new TreeMap<>();
        try (BrowserContext context = browserIn(language, withTheSwitch)) {
            Page page = context.newPage();
            for (String path : List.of("login", "register", "learn", "data")) {
                check(page, path, language, english, problems);
            }
        }
        try (BrowserContext context = browserIn(language, withTheSwitch)) {
            Page page = context.newPage();
            signInAsLearner(page);
            List<String> paths = new ArrayList<>(List.of("", "learn"));
            LessonPagesIT.LESSONS.forEach(lesson -> paths.add("learn/" + lesson));
            paths.addAll(List.of("learn/x-or-o/network", "data", "data?dataset=colour-shapes", "data/import",
                    "data/draw?classes=X,O", "train", "train/model", "train/live/" + run, "train/experiments", "runs",
                    "runs/" + run, "runs/" + run + "/explain", "try", "me", "account", "classroom"));
            for (String path : paths) {
                check(page, path, language, english, problems);
            }
        }
        try (BrowserContext context = browserIn(language, withTheSwitch)) {
            Page page = context.newPage();
            signIn(page, TEACHER.username(), TEACHER.password());
            for (String path : List.of("classroom", "classroom/classes", "classroom/queue", "classroom/assignments/new")) {
                check(page, path, language, english, problems);
            }
        }
        try (BrowserContext context = browserIn(language, withTheSwitch)) {
            Page page = context.newPage();
            signIn(page, RunningApp.ADMIN_USERNAME, RunningApp.ADMIN_PASSWORD);
            check(page, "admin", language, english, problems);
        }
        assertThat(problems).as("pages in " + language + " with missing or English text").isEmpty();
    }

    /**
     * A browser that reads {@code language}: one that prefers it, or an English one where a guest chose
     * it with the switch (remembered for the browser, so it holds after signing in).
     */
    private static BrowserContext browserIn(String language, boolean withTheSwitch) {
        if (!withTheSwitch) {
            return context(1366, 900, language);
        }
        BrowserContext context = context(1366, 900);
        Page page = context.newPage();
        page.navigate(RunningApp.get().url("learn"));
        choose(page, "es".equals(language) ? "Español" : "Deutsch", language);
        page.close();
        return context;
    }

    /** Picks a language in the header's switch and waits for the page to come back in it. */
    static void choose(Page page, String name, String language) {
        page.waitForSelector(".language-switch");
        page.locator(".language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name)).click();
        page.waitForSelector("html[lang='" + language + "']");
        page.waitForSelector("vaadin-app-layout > :not([slot])");
    }

    private static void check(Page page, String path, String language, Set<String> english,
            Map<String, List<String>> problems) {
        page.navigate(RunningApp.get().url(path));
        ready(page);
        String name = "/" + path.replace(run, "<id>");
        List<String> found = new ArrayList<>();
        String lang = (String) page.evaluate("() => document.documentElement.lang");
        if (!language.equals(lang)) {
            found.add("html lang is " + lang);
        }
        String text = page.locator("body").innerText();
        if (text.contains("!{")) {
            found.add("missing text: " + text.substring(text.indexOf("!{"), Math.min(text.length(), text.indexOf("!{") + 80)));
        }
        if (SAMPLE.contains(name.substring(1))) {
            english.stream().filter(text::contains).forEach(sentence -> found.add("English: " + sentence));
        }
        System.out.println("language " + language + " " + name + ": " + found);
        if (!found.isEmpty()) {
            problems.put(name, found);
        }
    }

    /**
     * The English interface's sentences that read differently in {@code language}: each text of the
     * English bundles, cut at its placeholders, kept where a piece has at least three words.
     */
    static Set<String> englishSentences(String language) throws IOException {
        Set<String> sentences = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties")).toList()) {
                Properties english = bundle(file.toString().replace("src/main/resources/", ""));
                Properties other = bundle(file.toString().replace("src/main/resources/", "").replace(".properties", "_" + language + ".properties"));
                for (String key : english.stringPropertyNames()) {
                    if (key.startsWith("classroom.template.")) {
                        continue; // an assignment made from a template is the teacher's own text, in the teacher's language
                    }
                    String translated = other.getProperty(key, "");
                    for (String piece : english.getProperty(key).split("\\{\\d+}")) {
                        String p = piece.strip();
                        if (p.split("\\s+").length >= 3 && !translated.contains(p)) {
                            sentences.add(p);
                        }
                    }
                }
            }
        }
        return sentences;
    }

    static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** The view is shown and Flow has answered (bounded: a live page keeps talking), and components have drawn. */
    static void ready(Page page) {
        page.waitForSelector("vaadin-app-layout > :not([slot])");
        try {
            page.waitForFunction("() => Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())",
                    null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError busy) {
            // a page with a live chart is checked as it is
        }
        page.waitForTimeout(300);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
    }
}
