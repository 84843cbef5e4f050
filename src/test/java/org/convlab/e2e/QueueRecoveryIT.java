package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.convlab.testsupport.TestFiles;

/**
 * The process that trains a run is killed with SIGKILL: in the middle of an epoch (the run resumes
 * after its last completed epoch when the server starts again), and in the middle of a time slice
 * (the run resumes on another worker where its last slice ended, losing at most the slice that was
 * cut off). Nothing is stopped politely, so nothing gets a chance to save "on the way out".
 */
class QueueRecoveryIT {

    @Test
    void aRunKilledMidEpochResumesFromItsLastEpochAfterRestart() throws Exception {
        Path root = Path.of("target/e2e-recovery").toAbsolutePath();
        TestFiles.deleteTree(root);
        Path db = root.resolve("db");
        Path runs = root.resolve("runs");
        String jdbc = AppProcess.jdbcUrl(db);

        String runId;
        String epochOneBefore;
        int epochsBeforeKill;
        try (AppProcess first = AppProcess.web(db, runs)) {
            QueueClient.createLearner(jdbc, "ada", "ada-password");
            QueueClient ada = new QueueClient(first, "ada", "ada-password");
            QueueClient.Reply submitted = ada.submit(QueueClient.TINY_SPEC,
                    "{\"epochs\":8,\"limit\":8000,\"batchSize\":32,\"device\":\"cpu\"}");
            assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
            runId = submitted.body().get("id").asText();

            // Wait until epoch 1 is complete and epoch 2 is under way, then pull the plug.
            JsonNode run = awaitRun(ada, runId, r -> r.get("epochsDone").asInt() >= 1, Duration.ofMinutes(4), first);
            assertThat(run.get("status").asText()).isEqualTo("running");
            // The API follows the live run; the database and the checkpoint folder have epoch 1 a moment
            // later, and H2 writes its file up to half a second after a commit. Kill after both, and
            // that half second: what is on disk then is what a power cut would leave.
            Path state = runs.resolve(".checkpoints").resolve(runId).resolve("state.json");
            long stored = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while ((storedEpochs(jdbc, runId) == 0 || !Files.exists(state)) && System.nanoTime() < stored) {
                Thread.sleep(20);
            }
            Thread.sleep(1_000);
            first.kill();
            assertThat(first.alive()).isFalse();
            assertThat(column(jdbc, runId, "status")).as("still training when killed").isEqualTo("RUNNING");
            epochOneBefore = epochHistory(jdbc, runId, 0);
            epochsBeforeKill = storedEpochs(jdbc, runId);
        }
        assertThat(epochsBeforeKill).isBetween(1, 7);

        try (AppProcess second = AppProcess.web(db, runs)) {
            QueueClient ada = new QueueClient(second, "ada", "ada-password");
            JsonNode done = awaitRun(ada, runId, r -> r.get("status").asText().matches("done|failed|cancelled"),
                    Duration.ofMinutes(5), second);
            assertThat(done.get("status").asText()).as(second.log()).isEqualTo("done");
            assertThat(done.get("resumes").asInt()).isEqualTo(1);
            assertThat(done.get("epochsDone").asInt()).isEqualTo(8);
            assertThat(done.get("testAccuracy").asDouble()).isGreaterThan(0.5);
            // Epoch 1 is the very record written before the kill (same seconds, same loss), not a retrained one.
            assertThat(epochHistory(jdbc, runId, 0)).isEqualTo(epochOneBefore);
            assertThat(progressNotice(jdbc, runId)).contains("interrupted", "resumed after epoch");
            assertThat(runs.resolve(runId).resolve("run.json")).exists();
            assertThat(runs.resolve(".checkpoints").resolve(runId)).doesNotExist();
        }
    }

    /**
     * A web app that trains nothing and two {@code convlab.jar worker} processes on one database. Two
     * learners' long runs take turns on the first worker in one-second slices; it is killed in the
     * middle of a slice, and the second worker takes the run over from where that slice began.
     */
    @Test
    void aWorkerKilledMidSliceLosesAtMostThatSliceAndTheRunResumesOnAnotherWorker() throws Exception {
        Path root = Path.of("target/e2e-recovery-slice").toAbsolutePath();
        TestFiles.deleteTree(root);
        Path db = root.resolve("db");
        Path runs = root.resolve("runs");
        String jdbc = AppProcess.jdbcUrl(db);
        // Half-second turns, and runs long enough for several of them even where one thread trains
        // this tiny network at 12,000 images a second (a CI machine did; here it is about 4,000).
        String[] slices = {"--convlab.queue.slice-seconds=0.5"};
        String settings = "{\"epochs\":2,\"limit\":10000,\"batchSize\":32,\"device\":\"cpu\",\"threads\":1}";

        try (AppProcess web = AppProcess.web(db, runs, "--convlab.worker.enabled=false")) {
            QueueClient.createLearner(jdbc, "ada", "ada-password");
            QueueClient.createLearner(jdbc, "bo", "bo-password");
            QueueClient ada = new QueueClient(web, "ada", "ada-password");
            QueueClient bo = new QueueClient(web, "bo", "bo-password");
            String runId;
            String position;
            try (AppProcess first = AppProcess.worker(db, runs, "first-worker", slices)) {
                QueueClient.Reply submitted = ada.submit(QueueClient.TINY_SPEC, settings);
                assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
                runId = submitted.body().get("id").asText();
                assertThat(bo.submit(QueueClient.TINY_SPEC, settings).status()).isEqualTo(201);

                // Ada's run has paused mid-epoch once for Bo's turn (its place in the epoch is saved), and
                // trains again; it is killed a moment into that turn.
                Path state = runs.resolve(".checkpoints").resolve(runId).resolve("state.json");
                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (!(turns(jdbc, runId) >= 2 && "RUNNING".equals(column(jdbc, runId, "status"))
                        && savedPosition(state).isObject()) && System.nanoTime() < deadline) {
                    assertThat(first.alive()).as(first.log()).isTrue();
                    Thread.sleep(50);
                }
                assertThat(savedPosition(state).isObject()).as("paused mid-epoch: " + first.log()).isTrue();
                Thread.sleep(200);
                first.kill();
                assertThat(column(jdbc, runId, "status")).as("still training when killed").isEqualTo("RUNNING");
                // Whatever the dead worker saved last is where the run must go on: the start of the
                // slice that was cut off, or the end of an epoch if one finished during that slice.
                JsonNode saved = savedPosition(state);
                position = saved.isObject()
                        ? "resumed in epoch " + saved.get("epoch").asInt() + " at batch " + (saved.get("batchesDone").asInt() + 1)
                        : "resumed after epoch " + QueueClient.JSON.readTree(Files.readString(state)).get("epoch").asInt();
            }

            try (AppProcess second = AppProcess.worker(db, runs, "second-worker", slices)) {
                JsonNode done = awaitRun(ada, runId, r -> r.get("status").asText().matches("done|failed|cancelled"),
                        Duration.ofMinutes(5), second);
                assertThat(done.get("status").asText()).as(second.log()).isEqualTo("done");
                assertThat(done.get("worker").asText()).isEqualTo("second-worker");
                assertThat(done.get("resumes").asInt()).isEqualTo(1);
                assertThat(done.get("epochsDone").asInt()).isEqualTo(2);
                // It went on from the start of the slice that was cut off, not from the start of the epoch.
                assertThat(progressNotice(jdbc, runId)).contains("interrupted", position);
                assertThat(runs.resolve(runId).resolve("run.json")).exists();
                assertThat(runs.resolve(".checkpoints").resolve(runId)).doesNotExist();
            }
        }
    }

    /** The place in an epoch saved by the last pause, or a null node when the last save ended an epoch. */
    private static JsonNode savedPosition(Path state) throws Exception {
        if (!Files.exists(state)) {
            return QueueClient.JSON.nullNode();
        }
        try {
            JsonNode position = QueueClient.JSON.readTree(Files.readString(state)).get("position");
            return position == null ? QueueClient.JSON.nullNode() : position;
        } catch (RuntimeException | java.io.IOException halfWritten) {
            return QueueClient.JSON.nullNode();
        }
    }

    /** Epochs in the stored history (the database's, not the live run's). */
    private static int storedEpochs(String jdbc, String id) throws SQLException {
        String history = column(jdbc, id, "history_json");
        return history == null ? 0 : QueueClient.JSON.readTree(history).size();
    }

    private static int turns(String jdbc, String id) throws SQLException {
        return Integer.parseInt(column(jdbc, id, "turns"));
    }

    interface Condition {
        boolean test(JsonNode run);
    }

    static JsonNode awaitRun(QueueClient client, String id, Condition condition, Duration timeout, AppProcess app)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            QueueClient.Reply reply = client.get("api/runs/" + id);
            if (reply.status() == 200) {
                last = reply.body();
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not get there in " + timeout + "; last seen " + last + "\n" + app.log());
    }

    private static String epochHistory(String jdbc, String id, int index) throws SQLException {
        JsonNode history = QueueClient.JSON.readTree(column(jdbc, id, "history_json"));
        return history.get(index).toString();
    }

    private static String progressNotice(String jdbc, String id) throws SQLException {
        JsonNode progress = QueueClient.JSON.readTree(column(jdbc, id, "progress_json"));
        // Stored as words to be read in each reader's language (a key and its values): read here in English.
        return org.convlab.training.queue.StoredText.read(progress.get("notice").asText()).in(java.util.Locale.ENGLISH);
    }

    private static String column(String jdbc, String id, String column) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, "convlab", "");
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select " + column + " from training_run where id = '" + id.replace("'", "") + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

}
