package org.convlab.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.function.Function;

/** A learner (or teacher) using the training queue's HTTP API with their own password. */
final class QueueClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The model the queue tests train: small enough for seconds per epoch on a busy 2-core machine. */
    static final String TINY_SPEC = """
            {"name":"tiny-cnn","layers":[
              {"type":"conv2d","filters":8,"kernel":3,"padding":"same","activation":"relu"},
              {"type":"maxpool","pool":2},
              {"type":"flatten"},
              {"type":"dense","units":10,"activation":"softmax"}]}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Function<String, String> app;
    private final String auth;

    QueueClient(AppProcess app, String username, String password) {
        this(app::url, username, password);
    }

    /** A client of the server whose page addresses {@code url} makes (e.g. RunningApp.get()::url). */
    QueueClient(Function<String, String> url, String username, String password) {
        this.app = url;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a learner straight in the app's database (the teacher's CSV import does the same in the app). */
    static void createLearner(String jdbcUrl, String username, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "convlab", "");
                PreparedStatement insert = db.prepareStatement("insert into app_user (username, display_name, password_hash, role, created_at) "
                        + "values (?, ?, ?, 'LEARNER', current_timestamp)")) {
            insert.setString(1, username);
            insert.setString(2, username);
            insert.setString(3, "{noop}" + password);
            insert.executeUpdate();
        }
    }

    record Reply(int status, JsonNode body, long millis) {}

    Reply submit(String spec, String hyperparameters) throws IOException, InterruptedException {
        String body = "{\"spec\":" + spec + ",\"hyperparameters\":" + hyperparameters + "}";
        return send(HttpRequest.newBuilder(URI.create(app.apply("api/runs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(app.apply(path))).GET());
    }

    Reply cancel(String id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(app.apply("api/runs/" + id))).DELETE());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.header("Authorization", auth).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode json = null;
        String text = response.body();
        if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
            json = JSON.readTree(text);
        }
        return new Reply(response.statusCode(), json, millis);
    }

    /** Submits a run and waits (at most 3 minutes) until it has finished; returns its id. */
    String trainAndWait(String spec, String hyperparameters) throws IOException, InterruptedException {
        Reply submitted = submit(spec, hyperparameters);
        org.assertj.core.api.Assertions.assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
        String id = submitted.body().get("id").asText();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        String status = "";
        while (!status.matches("done|failed|cancelled") && System.nanoTime() < deadline) {
            Thread.sleep(300);
            status = get("api/runs/" + id).body().get("status").asText();
        }
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo("done");
        return id;
    }
}
