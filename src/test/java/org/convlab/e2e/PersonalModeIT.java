package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.convlab.testsupport.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A learner alone, exactly as the README starts ConvLab: {@code ./mvnw spring-boot:run} in this
 * checkout. No sign-in anywhere: they train a small model, open its page and try it; the page is
 * Vaadin's production build (no development tools), the JVM has its full JIT, and the server cannot
 * be reached from another computer. And a personal server asked to listen on every address refuses
 * to start, in one line, touching nothing.
 */
class PersonalModeIT extends BrowserTest {

    private static Process maven;
    private static Path folder;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startWithTheReadmeCommand() throws Exception {
        folder = Files.createTempDirectory("convlab-personal");
        log = folder.resolve("spring-boot-run.log");
        port = TestFiles.freePort();
        String arguments = "--server.port=" + port + " --convlab.db-dir=" + folder.resolve("db")
                + " --convlab.runs-dir=" + folder.resolve("runs");
        // The README's command; only the port and the folders differ, so the developer's own db/ and runs/ stay untouched.
        maven = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "spring-boot:run",
                "-Dspring-boot.run.arguments=" + arguments)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHttp(TimeUnit.MINUTES.toNanos(6));
    }

    @AfterAll
    static void stop() throws Exception {
        if (maven != null) {
            List<ProcessHandle> all = new ArrayList<>(maven.descendants().toList());
            Collections.reverse(all);
            all.forEach(ProcessHandle::destroy);
            maven.destroy();
            maven.waitFor(60, TimeUnit.SECONDS);
            all.forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
        TestFiles.deleteTree(folder);
    }

    private static String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static String log() throws IOException {
        return Files.readString(log);
    }

    private static void awaitHttp(long timeoutNanos) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (!maven.isAlive()) {
                throw new IllegalStateException("spring-boot:run ended during start-up:\n" + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url(""))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("spring-boot:run did not answer in time:\n" + log());
    }

    @Test
    void aLearnerTrainsOpensTheRunAndTriesItWithoutSigningIn() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(url("train"));
            page.waitForSelector(".hyperparameter-form");
            assertThat(page.url()).endsWith("/train");
            // Nobody signs in or out here, and there is no class to go to.
            assertThat(page.locator(".navbar-account").count()).isZero();
            assertThat(page.locator("vaadin-side-nav-item[path='classroom']").count()).isZero();
            assertThat(page.locator("vaadin-side-nav-item[path='me']").count()).isOne();
            // Production build: none of Vaadin's development tooling.
            page.waitForTimeout(1000);
            assertThat(page.locator("vaadin-dev-tools, copilot-main, vaadin-dev-tools-splash").count()).isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/personal-train.png")));

            TrainingPages.trainQuickModel(page, PersonalModeIT::url);
            page.navigate(url("runs"));
            page.waitForSelector(".runs-table a");
            page.locator(".runs-table a").first().click();
            page.waitForURL("**/runs/**");
            page.waitForSelector(".confusion-matrix .heatmap-cell");

            page.navigate(url("try"));
            page.waitForSelector("convlab-sketchpad canvas");
            BoundingBox box = page.locator("convlab-sketchpad canvas").boundingBox();
            page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.1);
            page.mouse().down();
            page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.9,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
            page.mouse().up();
            page.waitForFunction("() => /% sure/.test(document.querySelector('.verdict')?.textContent)");

            // Coming back: Home says where the learner left off; My progress has their run and no class.
            page.navigate(url(""));
            page.waitForSelector(".welcome-back .left-off");
            assertThat(page.locator(".welcome-back").textContent()).contains("Your run").contains("finished");
            page.navigate(url("me"));
            page.waitForSelector(".my-progress");
            assertThat(page.locator(".my-progress").textContent()).contains("test accuracy").doesNotContain("Assignments");

            // The sign-in page has nothing to offer here: it leads home.
            page.navigate(url("login"));
            page.waitForSelector(".learning-path");
            assertThat(page.url()).doesNotContain("login");
        }
    }

    @Test
    void onATabletTheTrainPageFitsAndStartIsReachedByKeyboard() {
        try (BrowserContext context = context(820, 1180)) {
            Page page = context.newPage();
            page.navigate(url("train"));
            page.waitForSelector(".hyperparameter-form");
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            boolean reached = false;
            for (int i = 0; i < 80 && !reached; i++) {
                page.keyboard().press("Tab");
                reached = (Boolean) page.evaluate("() => (document.activeElement?.textContent || '').includes('Start training')");
            }
            assertThat(reached).as("Start training is reached with the Tab key").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/personal-train-tablet.png")));
        }
    }

    /** From the home page, one link fills in the quick recipe and explains it; on a tablet a recipe is a key press away. */
    @Test
    void theQuickRecipeIsOneLinkFromHomeAndSaysWhyEachSetting() {
        try (BrowserContext context = context(1366, 900)) {
            Page page = context.newPage();
            page.navigate(url(""));
            page.getByText("Train a real network now with the quick recipe").click();
            page.waitForSelector(".recipe-why");
            assertThat(page.url()).endsWith("/train?recipe=quick");
            String why = page.locator(".recipe-why").textContent();
            assertThat(why).contains("Why these settings (quick recipe)", "One-cycle schedule", "Batch size 128");
            assertThat(page.locator(".model-choice vaadin-select").textContent() + page.locator(".model-choice").textContent())
                    .contains("quick-cnn");
            page.locator(".recipes").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/recipe-quick.png")).setFullPage(true));
        }
        try (BrowserContext context = context(820, 1180)) {
            Page page = context.newPage();
            page.navigate(url("train"));
            page.waitForSelector(".recipe-buttons vaadin-button");
            assertThat(page.locator(".recipe-why").isVisible()).isFalse();
            boolean reached = false;
            for (int i = 0; i < 40 && !reached; i++) {
                page.keyboard().press("Tab");
                reached = (Boolean) page.evaluate("() => (document.activeElement?.textContent || '').startsWith('Best:')");
            }
            assertThat(reached).as("the best recipe's button is reached with the Tab key").isTrue();
            page.keyboard().press("Enter");
            page.waitForSelector(".recipe-why");
            assertThat(page.locator(".recipe-why").textContent()).contains("Why these settings (best recipe)", "Random left-right flip");
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            page.locator(".recipe-why").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/recipe-best-tablet.png")));
        }
    }

    @Test
    void theJvmRunsWithItsFullJit() {
        List<String> javaCommands = maven.descendants().map(PersonalModeIT::commandLine)
                .filter(line -> line.contains("org.convlab.ConvLabApplication"))
                .toList();
        assertThat(javaCommands).hasSize(1);
        assertThat(javaCommands.getFirst()).doesNotContain("TieredStopAtLevel").contains("vaadin.productionMode=true");
    }

    /** The whole command line: Linux's /proc has it all, where ProcessHandle may shorten it. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    @Test
    void anotherComputerCannotReachIt() throws Exception {
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .filter(nic -> { try { return nic.isUp() && !nic.isLoopback(); } catch (IOException e) { return false; } })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(outside.isPresent(), "this machine has no network address but the loopback");
        try (Socket socket = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> socket.connect(new InetSocketAddress(outside.get(), port), 2000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aPersonalServerOnEveryAddressRefusesToStartAndTouchesNothing() throws Exception {
        Path elsewhere = Files.createTempDirectory("convlab-refused");
        try {
            Path jar = Path.of(System.getProperty("convlab.jar", "target/convlab.jar"));
            Process refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.address=0.0.0.0", "--server.port=" + TestFiles.freePort(),
                    "--convlab.db-dir=" + elsewhere.resolve("db"), "--convlab.runs-dir=" + elsewhere.resolve("runs"))
                    .redirectErrorStream(true).start();
            String output = new String(refused.getInputStream().readAllBytes());
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).isNotZero();
            assertThat(output).contains("Personal mode has no sign-in, so ConvLab listens only on this computer (127.0.0.1), "
                    + "not on 0.0.0.0.").contains("--convlab.mode=classroom").doesNotContain("\tat ");
            assertThat(elsewhere.resolve("db")).doesNotExist();
            assertThat(elsewhere.resolve("runs")).doesNotExist();
        } finally {
            TestFiles.deleteTree(elsewhere);
        }
    }
}
