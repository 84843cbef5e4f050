package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Personal mode over real HTTP: no sign-in anywhere, every request is the one learner's, whatever
 * credentials it carries, and the server is bound to the loopback.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"convlab.mode=personal", "convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs/personal"})
class PersonalModeOverHttpTest {

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired AppUserRepository users;
    @Autowired AppMode mode;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theServerListensOnTheLoopbackOnly() {
        assertThat(mode).isEqualTo(AppMode.PERSONAL);
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void theApiAnswersThePersonalLearnerWithoutCredentials() throws Exception {
        HttpResponse<String> runs = get("/api/runs");
        assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
        AppUser me = users.findByUsername(PersonalLearner.USERNAME).orElseThrow();
        assertThat(me.getRole()).isEqualTo(Role.LEARNER);
        // Teacher and admin parts stay closed: the one learner is a learner.
        assertThat(get("/api/admin/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void credentialsOfAnotherAccountDoNotChangeWhoIsAtTheKeyboard() throws Exception {
        TestAccounts.ensure(users, encoder, "old.teacher", Role.TEACHER);
        String basic = java.util.Base64.getEncoder().encodeToString(("old.teacher:" + TestAccounts.PASSWORD).getBytes());
        HttpResponse<String> me = get("/api/me", "Authorization", "Basic " + basic);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"me\"").doesNotContain("old.teacher");
        assertThat(get("/api/teacher/queue", "Authorization", "Basic " + basic).statusCode()).isEqualTo(403);
    }

    @Test
    void pagesThatNeedAnAccountOpenWithoutSigningIn() throws Exception {
        for (String page : new String[] {"/train", "/runs", "/try", "/me"}) {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Location")).as(page).isEmpty();
        }
    }

    @Test
    void theLearnerAtThisComputerReadsTheHealthDetailsAndTheMetrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"dataset\"").contains("\"workers\"");
        HttpResponse<String> waiting = get("/actuator/metrics/convlab.queue.waiting");
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
    }

    @Test
    void theMetricsRefuseAPageElsewhereThatPointsItsNameAtThisComputer() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /actuator/metrics HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("convlab.queue");
        }
    }

    /** A raw request, so the Host header can be anything (Java's HTTP client will not forge it). */
    private String statusLine(String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/me HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("") + (answer.contains("answers this computer only") ? " refused" : "");
        }
    }

    @Test
    void aPageElsewhereThatPointsItsNameAtThisComputerIsRefused() throws Exception {
        assertThat(statusLine("localhost:" + port)).contains(" 200");
        assertThat(statusLine("127.0.0.1:" + port)).contains(" 200");
        assertThat(statusLine("[::1]:" + port)).contains(" 200");
        for (String rebound : new String[] {"rebound.example:" + port, "attacker.test", "localhost.evil.example",
                "127.0.0.1.nip.io", "10.0.0.5:" + port}) {
            assertThat(statusLine(rebound)).as(rebound).contains(" 403").endsWith("refused");
        }
    }

    @Test
    void aFormOnAnotherSiteCannotStartARun() throws Exception {
        // What a page elsewhere can make the learner's browser send without asking: a text/plain form post.
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                .header("Content-Type", "text/plain").header("Origin", "http://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"dense\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(415);
        assertThat(get("/api/runs").body()).doesNotContain("dense");
    }
}
