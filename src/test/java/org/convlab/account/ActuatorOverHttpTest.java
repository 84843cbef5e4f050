package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The actuator's surface for whoever runs the server (docs/decisions/012): probes open to anyone,
 * details and metrics for admins only, refusals as the API's JSON lines. Same context as
 * {@link SignInOverHttpTest}, so no second server starts.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs/signin"})
class ActuatorOverHttpTest {

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(users, encoder, "ops.learner", Role.LEARNER);
        TestAccounts.ensure(users, encoder, "ops.teacher", Role.TEACHER);
        TestAccounts.ensure(users, encoder, "ops.admin", Role.ADMIN);
    }

    private HttpResponse<String> get(String path, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (username != null) {
            String pair = username + ":" + TestAccounts.PASSWORD;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void theProbesAnswerUpToAGuestWithoutDetails(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"")
                .doesNotContain("dataset").doesNotContain("workers").doesNotContain("components");
    }

    @Test
    void anAdminSeesTheDatabaseTheDataSetAndTheWorkers() throws Exception {
        HttpResponse<String> response = get("/actuator/health", "ops.admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\"").contains("\"dataset\"").contains("\"workers\"")
                .contains("off in this process");
        assertThat(get("/actuator/health/readiness", "ops.admin").body()).contains("\"dataset\"").contains("\"db\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/metrics", "/actuator/metrics/convlab.queue.waiting", "/actuator/health/db",
        "/actuator/health/dataset", "/actuator", "/actuator/env", "/actuator/beans"})
    void aGuestIsAskedToSignInWithAJsonLine(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(SecurityConfiguration.UNAUTHORIZED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops.learner", "ops.teacher"})
    void aLearnerOrTeacherMayNotReadMetricsOrDetails(String username) throws Exception {
        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/convlab.queue.waiting",
            "/actuator/health/workers"}) {
            HttpResponse<String> response = get(path, username);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).isEqualTo(SecurityConfiguration.FORBIDDEN_JSON);
        }
        assertThat(get("/actuator/health", username).body()).doesNotContain("dataset");
    }

    @Test
    void aWrongPasswordIsRefusedWithAJsonLine() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "ops.admin:wrong".getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("{\"error\":");
    }

    @Test
    void anAdminReadsTheQueuesFigures() throws Exception {
        HttpResponse<String> names = get("/actuator/metrics", "ops.admin");
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(names.body()).contains("convlab.queue.waiting").contains("convlab.queue.training");
        HttpResponse<String> waiting = get("/actuator/metrics/convlab.queue.waiting", "ops.admin");
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"device\"").contains("\"any\"");
    }
}
