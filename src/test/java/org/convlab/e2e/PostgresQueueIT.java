package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convlab.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.convlab.testsupport.TestFiles;

/**
 * A class that outgrew one process: the web app and a separate {@code convlab.jar worker} share a
 * real PostgreSQL server over TCP (the {@code postgres} profile, as on separate machines) and a
 * runs folder (which separate machines would mount). Flyway sets the database up at the first
 * start; both processes take runs from the one queue; each learner still trains one run at a time.
 */
class PostgresQueueIT {

    private static final int LEARNERS = 4;
    private static final int RUNS_EACH = 2;

    record Row(String id, String status, long owner, Instant started, Instant finished, String worker) {}

    @Test
    void aWebAppAndAWorkerProcessServeOneQueueOnPostgres() throws Exception {
        Path root = Path.of("target/e2e-postgres").toAbsolutePath();
        TestFiles.deleteTree(root);
        Path runs = root.resolve("runs");
        String url = PostgresServer.get().createDatabase();
        String[] postgres = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=convlab", "--spring.datasource.password="};
        String settings = "{\"epochs\":1,\"limit\":600,\"batchSize\":32,\"device\":\"cpu\"}";

        try (AppProcess web = AppProcess.web(root.resolve("unused-h2"), runs, postgres);
                AppProcess worker = AppProcess.worker(root.resolve("unused-h2"), runs, "second-machine", postgres)) {
            awaitStarted(worker);
            List<QueueClient> learners = new ArrayList<>();
            for (int i = 0; i < LEARNERS; i++) {
                QueueClient.createLearner(url, "pg-learner" + i, "password-" + i);
                learners.add(new QueueClient(web, "pg-learner" + i, "password-" + i));
            }
            List<String> ids = new ArrayList<>();
            for (int round = 0; round < RUNS_EACH; round++) {
                for (QueueClient learner : learners) {
                    QueueClient.Reply reply = learner.submit(QueueClient.TINY_SPEC, settings);
                    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
                    ids.add(reply.body().get("id").asText());
                }
            }

            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(6).toNanos();
            List<Row> rows = rows(url);
            while (rows.stream().anyMatch(r -> !List.of("DONE", "FAILED", "CANCELLED").contains(r.status()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
                rows = rows(url);
            }
            String logs = web.log() + "\n---- worker ----\n" + worker.log();
            assertThat(rows).as(logs).hasSize(LEARNERS * RUNS_EACH).allMatch(r -> r.status().equals("DONE"));

            Map<String, Integer> perWorker = new HashMap<>();
            rows.forEach(r -> perWorker.merge(r.worker(), 1, Integer::sum));
            assertThat(perWorker).as("runs per worker").containsKey("second-machine").hasSize(2);
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    Row a = rows.get(i);
                    Row b = rows.get(j);
                    if (a.owner() == b.owner()) {
                        assertThat(a.finished().isBefore(b.started()) || b.finished().isBefore(a.started()))
                                .as("one run at a time for learner %d", a.owner()).isTrue();
                    }
                }
            }
            // The run a worker process trained is readable from the web app: its page's data and its files.
            QueueClient.Reply run = learners.getFirst().get("api/runs/" + ids.getFirst());
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.body().get("status").asText()).isEqualToIgnoringCase("done");
            assertThat(count(url, "select count(*) from scheduled_tasks")).isZero();
            System.out.println("POSTGRES QUEUE: " + rows.size() + " runs, per worker " + perWorker);
        }
    }

    /** Waits until the worker process has started, so both processes are in the queue from the first run. */
    private static void awaitStarted(AppProcess worker) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (!worker.log().contains("Started ConvLabApplication") && System.nanoTime() < deadline) {
            assertThat(worker.alive()).as(worker.log()).isTrue();
            Thread.sleep(250);
        }
    }

    private static List<Row> rows(String url) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "convlab", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id, status, owner_id, started_at, finished_at, worker from training_run")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6)));
            }
        }
        return rows;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "convlab", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
