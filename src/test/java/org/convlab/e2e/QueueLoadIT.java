package org.convlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import java.util.Objects;
import org.convlab.testsupport.TestFiles;

/**
 * Thirty learners press "Train" in the same second (through the HTTP API, on the loopback only),
 * with the web app's own worker and one {@code convlab.jar worker} process serving the queue.
 * Five of them queue a second run and three cancel theirs at once. Checked: every run ends done
 * or cancelled, nobody ever has two runs training at once, every learner's first run starts before
 * any learner's second (fair turns), and pages keep answering throughout. The figures are printed
 * for the issue note; none of them is asserted as a time.
 */
class QueueLoadIT {

    private static final int LEARNERS = 30;
    private static final int SECOND_RUNS = 5;
    private static final int CANCELLERS = 3;

    record Job(String id, int learner, boolean second, Instant submitted) {}

    @Test
    void thirtyLearnersTrainAtOnceAndTheQueueStaysFairAndResponsive() throws Exception {
        Path root = Path.of("target/e2e-load").toAbsolutePath();
        TestFiles.deleteTree(root);
        Path db = root.resolve("db");
        Path runs = root.resolve("runs");
        String jdbc = AppProcess.jdbcUrl(db);
        String settings = "{\"epochs\":1,\"limit\":600,\"batchSize\":32,\"device\":\"cpu\"}";

        try (AppProcess web = AppProcess.web(db, runs); AppProcess worker = AppProcess.worker(db, runs, "extra-worker")) {
            List<QueueClient> learners = new ArrayList<>();
            for (int i = 0; i < LEARNERS; i++) {
                QueueClient.createLearner(jdbc, "learner" + i, "password-" + i);
                learners.add(new QueueClient(web, "learner" + i, "password-" + i));
            }

            // Everyone at once.
            ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Job>>> submissions = new ArrayList<>();
            long burstStart = System.nanoTime();
            for (int i = 0; i < LEARNERS; i++) {
                int learner = i;
                submissions.add(pool.submit(() -> {
                    go.await();
                    List<Job> jobs = new ArrayList<>();
                    QueueClient client = learners.get(learner);
                    QueueClient.Reply first = client.submit(QueueClient.TINY_SPEC, settings);
                    assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
                    jobs.add(new Job(first.body().get("id").asText(), learner, false, Instant.now()));
                    if (learner < SECOND_RUNS) {
                        QueueClient.Reply second = client.submit(QueueClient.TINY_SPEC, settings);
                        assertThat(second.status()).isEqualTo(201);
                        jobs.add(new Job(second.body().get("id").asText(), learner, true, Instant.now()));
                    }
                    return jobs;
                }));
            }
            go.countDown();
            List<Job> jobs = new ArrayList<>();
            for (Future<List<Job>> f : submissions) {
                jobs.addAll(f.get());
            }
            double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
            // The last learners cancel their (still waiting) run straight away.
            List<String> cancelled = new ArrayList<>();
            for (int learner = LEARNERS - CANCELLERS; learner < LEARNERS; learner++) {
                int who = learner;
                Job job = jobs.stream().filter(j -> j.learner() == who && !j.second()).findFirst().orElseThrow();
                QueueClient.Reply reply = learners.get(job.learner()).cancel(job.id());
                assertThat(reply.status()).isEqualTo(200);
                cancelled.add(job.id());
            }

            // Meanwhile a learner keeps reloading pages: the home page and their run's status.
            List<Long> latencies = new CopyOnWriteArrayList<>();
            List<Integer> badStatuses = new CopyOnWriteArrayList<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Future<?> watcher = pool.submit(() -> {
                QueueClient watcherClient = learners.get(7);
                String id = jobs.stream().filter(j -> j.learner() == 7).findFirst().orElseThrow().id();
                while (watching.get()) {
                    for (String path : List.of("", "api/runs/" + id, "api/runs")) {
                        QueueClient.Reply reply = watcherClient.get(path);
                        latencies.add(reply.millis());
                        if (reply.status() != 200) {
                            badStatuses.add(reply.status());
                        }
                    }
                    Thread.sleep(250);
                }
                return null;
            });

            long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
            while (unfinished(jdbc) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            double totalSeconds = (System.nanoTime() - burstStart) / 1e9;
            watching.set(false);
            watcher.get();
            pool.shutdownNow();

            Map<String, Row> rows = rows(jdbc);
            assertThat(unfinished(jdbc)).as(web.log() + "\n---- worker ----\n" + worker.log()).isZero();
            assertThat(rows).hasSize(LEARNERS + SECOND_RUNS);
            for (Job job : jobs) {
                Row row = rows.get(job.id());
                String expected = cancelled.contains(job.id()) && row.started() == null ? "CANCELLED" : "DONE";
                assertThat(row.status()).as(job.id() + " " + row.problem()).isIn(expected, "CANCELLED");
            }
            assertThat(rows.values()).noneMatch(r -> r.status().equals("FAILED"));
            assertThat(scheduledTasks(jdbc)).as("no job left behind in the scheduler").isZero();

            // Nobody ever had two runs training at once.
            Map<Long, List<Row>> byOwner = new HashMap<>();
            rows.values().stream().filter(r -> r.started() != null).forEach(r -> byOwner.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r));
            for (List<Row> own : byOwner.values()) {
                own.sort((a, b) -> a.started().compareTo(b.started()));
                for (int i = 1; i < own.size(); i++) {
                    assertThat(own.get(i).started()).isAfterOrEqualTo(own.get(i - 1).finished());
                }
            }
            // Fair turns: every first run started before any second run.
            Instant lastFirstStart = jobs.stream().filter(j -> !j.second()).map(j -> rows.get(j.id()).started())
                    .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
            Instant firstSecondStart = jobs.stream().filter(Job::second).map(j -> rows.get(j.id()).started())
                    .min(Instant::compareTo).orElseThrow();
            assertThat(firstSecondStart).isAfter(lastFirstStart);
            assertThat(badStatuses).as("pages answered with an error").isEmpty();
            assertThat(latencies).isNotEmpty();

            // Figures for the note.
            List<Double> waits = rows.values().stream().filter(r -> r.started() != null)
                    .map(r -> Duration.between(r.submitted(), r.started()).toMillis() / 1000.0).sorted().toList();
            Map<String, Long> perWorker = new HashMap<>();
            rows.values().stream().filter(r -> r.worker() != null).forEach(r -> perWorker.merge(r.worker(), 1L, Long::sum));
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long done = rows.values().stream().filter(r -> r.status().equals("DONE")).count();
            System.out.printf(Locale.ROOT, "QUEUE LOAD: %d learners, %d runs (%d done, %d cancelled) submitted in %.2f s, all ended after %.1f s "
                    + "(%.1f runs/min); waits in queue p50 %.1f s, p95 %.1f s, max %.1f s; runs per worker %s; "
                    + "page/API latency during the load (%d requests): p50 %d ms, p95 %d ms, max %d ms%n",
                    LEARNERS, rows.size(), done, rows.size() - done, burstSeconds, totalSeconds, 60 * done / totalSeconds,
                    percentile(waits, 0.5), percentile(waits, 0.95), waits.getLast(), perWorker,
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.getLast());
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    record Row(String status, long owner, Instant submitted, Instant started, Instant finished, String worker, String problem) {}

    private static Map<String, Row> rows(String jdbc) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, "convlab", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id, status, owner_id, submitted_at, started_at, finished_at, worker, problem from training_run")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row(rs.getString(2), rs.getLong(3), instant(rs, 4), instant(rs, 5), instant(rs, 6),
                        rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static long unfinished(String jdbc) throws Exception {
        return count(jdbc, "select count(*) from training_run where status not in ('DONE','FAILED','CANCELLED')");
    }

    private static long scheduledTasks(String jdbc) throws Exception {
        return count(jdbc, "select count(*) from scheduled_tasks");
    }

    private static long count(String jdbc, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "convlab", "");
                Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
