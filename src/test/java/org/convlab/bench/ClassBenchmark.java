package org.convlab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A class at the training queue (issue 13, point 7): three learners each submit a long run, then N
 * learners submit the Train page's default run at once; one worker process and the web app serve
 * them. Run once per queue policy (fifo, then fair), each on a fresh app and database, and prints
 * one JSON document on stdout with, per policy, how long until every learner had a first epoch,
 * until every short run was done, the longest wait of a short run and until the long runs were
 * done. Progress goes to stderr. Started by bench/class.sh (which builds it and cleans up).
 *
 * <p>Java rather than a script because the learners' accounts are made straight in the app's H2
 * database, as QueueLoadIT does: the app has no HTTP API for making accounts.
 */
public final class ClassBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "class-bench-admin-password";

    private final ClassBenchmarkOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Process> processes = new CopyOnWriteArrayList<>();

    private ClassBenchmark(ClassBenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        ClassBenchmarkOptions options;
        try {
            options = ClassBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("class.sh: " + e.getMessage() + " (see bench/class.sh --help)");
            System.exit(2);
            return;
        }
        ClassBenchmark bench = new ClassBenchmark(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
        ObjectNode report = bench.run();
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        System.out.println(text);
    }

    private ObjectNode run() throws Exception {
        ObjectNode report = JSON.createObjectNode();
        report.put("benchmark", "class");
        report.put("startedAt", Instant.now().toString());
        report.put("commit", System.getenv().getOrDefault("CLASS_BENCH_COMMIT", "unknown"));
        report.put("learners", options.learners() + 3);
        ObjectNode longRun = report.putObject("longRun");
        longRun.put("learners", 3);
        longRun.set("request", longRequest());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverageAtStart", loadAverage());
        report.put("maxMinutes", options.maxMinutes());
        ArrayNode policies = report.putArray("policies");
        long benchStart = System.nanoTime();
        long budget = Duration.ofSeconds(Math.round(options.maxMinutes() * 60)).toNanos();
        for (int i = 0; i < options.policies().size(); i++) {
            String policy = options.policies().get(i);
            // Each remaining policy gets an equal share of the time left, so the total stays bounded.
            long left = budget - (System.nanoTime() - benchStart);
            long deadline = System.nanoTime() + Math.max(0, left / (options.policies().size() - i));
            policies.add(runPolicy(policy, deadline));
        }
        report.put("loadAverageAtEnd", loadAverage());
        compare(report, policies);
        return report;
    }

    /** One policy on a fresh web app, worker and database. */
    private ObjectNode runPolicy(String policy, long deadline) throws Exception {
        Path dir = options.work().resolve(policy);
        Files.createDirectories(dir);
        ObjectNode result = JSON.createObjectNode();
        result.put("policy", policy);
        result.put("n", options.learners());
        result.put("sliceSeconds", options.slice());
        List<Process> mine = new ArrayList<>();
        try {
            int port = freePort();
            progress("%s: starting the web app on 127.0.0.1:%d and one worker (data in %s)", policy, port, dir);
            Process web = start(policy + "-web", "-Xmx2g", appArgs(dir, policy, List.of("--server.port=" + port,
                    "--server.address=127.0.0.1", "--convlab.worker.enabled=false")));
            mine.add(web);
            String base = "http://127.0.0.1:" + port + "/";
            awaitHttp(web, base + "api/me", log(policy + "-web"), deadline);
            Process worker = start(policy + "-worker", "-Xmx2g", appArgs(dir, policy, List.of("worker", "--convlab.worker.name=bench-worker")));
            mine.add(worker);

            List<Learner> learners = createLearners(dir, base, options.learners() + 3);
            ObjectNode shortRun = shortRun(learners.getFirst());
            result.set("shortRun", shortRun);
            String shortBody = JSON.writeValueAsString(shortRun.get("request"));
            String longBody = JSON.writeValueAsString(longRequest());

            awaitWorker(worker, log(policy + "-worker"), deadline);
            List<Tracked> runs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                runs.add(submit(learners.get(i), longBody, true, t0));
            }
            runs.addAll(submitAtOnce(learners.subList(3, learners.size()), shortBody, t0));
            progress("%s: %d long and %d short runs submitted in %.1f s", policy, 3, options.learners(), seconds(t0, System.nanoTime()));
            boolean timedOut = follow(policy, runs, t0, deadline, web, worker);
            long end = System.nanoTime();
            fill(result, runs, t0, end, timedOut);
        } catch (AppStopped e) {
            progress("%s: %s", policy, e.getMessage());
            result.put("error", e.getMessage());
            result.put("timedOut", e.timedOut);
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            // Reported in the JSON like any other stop, with the logs beside it; no stack trace.
            progress("%s: stopped: %s", policy, e);
            result.put("error", e.toString());
            result.put("timedOut", false);
        } finally {
            stop(mine);
            deleteTree(dir);
        }
        progress("%s: %s", policy, JSON.writeValueAsString(result));
        return result;
    }

    private List<String> appArgs(Path dir, String policy, List<String> first) {
        List<String> args = new ArrayList<>(first);
        args.addAll(List.of("--convlab.mode=classroom", "--convlab.db-dir=" + dir.resolve("db"), "--convlab.runs-dir=" + dir.resolve("runs"),
                "--convlab.data-dir=" + options.dataDir(), "--convlab.admin.password=" + ADMIN_PASSWORD,
                "--convlab.queue.policy=" + policy, "--convlab.queue.slice-seconds=" + options.slice()));
        return args;
    }

    /** Where a process's output goes: next to class.json, so that it stays even when the benchmark is stopped. */
    private Path log(String name) {
        return options.logs().resolve(name + ".log");
    }

    private Process start(String name, String heap, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-jar", options.jar().toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
        processes.add(process);
        // bench/class.sh kills these too if this JVM is killed before its shutdown hook can.
        Files.writeString(options.work().resolve("pids"), process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return process;
    }

    private void awaitHttp(Process app, String url, Path log, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AppStopped("the web app exited during start-up; its log: " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AppStopped("out of time (--max-minutes) before the web app answered; its log: " + log, true);
    }

    /** The worker has joined the queue once its scheduler has started (so its start-up is not timed). */
    private void awaitWorker(Process worker, Path log, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            if (!worker.isAlive()) {
                throw new AppStopped("the worker exited during start-up; its log: " + log);
            }
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (text.contains("Started ConvLabApplication") || text.contains("Starting scheduler")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AppStopped("out of time (--max-minutes) before the worker started; its log: " + log, true);
    }

    /** Learners made straight in the app's database, as QueueLoadIT does (the app has no API for it). */
    private List<Learner> createLearners(Path dir, String base, int count) throws SQLException {
        String jdbc = "jdbc:h2:file:" + dir.resolve("db").resolve("convlab")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        List<Learner> learners = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "convlab", "");
                PreparedStatement insert = db.prepareStatement("insert into app_user (username, display_name, password_hash, role, created_at) "
                        + "values (?, ?, ?, 'LEARNER', current_timestamp)")) {
            for (int i = 0; i < count; i++) {
                String name = (i < 3 ? "long" : "learner") + (i < 3 ? i : i - 3);
                String password = "bench-" + name;
                insert.setString(1, name);
                insert.setString(2, name);
                // {noop}: a cheap password check, so the benchmark's polling costs the server little.
                insert.setString(3, "{noop}" + password);
                insert.executeUpdate();
                learners.add(new Learner(name, base, "Basic " + Base64.getEncoder().encodeToString(
                        (name + ":" + password).getBytes(StandardCharsets.UTF_8))));
            }
        }
        return learners;
    }

    /** The Train page's default run when the app says what it is, else the one the options name. */
    private ObjectNode shortRun(Learner learner) throws InterruptedException {
        // A fresh server measures its speed once before it can size the default run (a few
        // seconds): wait for that, so that the run is the one the Train page would offer.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int status = -1;
        String body = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(learner.request("api/runs/defaults").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                body = r.body();
                if (status != 200 || JSON.readTree(body).path("estimatedSeconds").isNumber()) {
                    break;
                }
            } catch (IOException | RuntimeException e) {
                status = -1;
                body = null;
            }
            Thread.sleep(1000);
        }
        return shortRun(status, body, options);
    }

    /**
     * The short run from GET /api/runs/defaults' answer (status -1: none): its preset (or spec) and
     * hyperparameters when it gave them, else the options' preset, images and epochs; "source" says which.
     */
    static ObjectNode shortRun(int status, String body, ClassBenchmarkOptions options) {
        JsonNode defaults = null;
        String why = status < 0 ? "nothing" : String.valueOf(status);
        if (status == 200) {
            try {
                defaults = JSON.readTree(body);
            } catch (RuntimeException e) {
                why = "200 with no JSON";
            }
        }
        ObjectNode run = JSON.createObjectNode();
        ObjectNode request = JSON.createObjectNode();
        String preset = defaults == null ? null : firstText(defaults, "preset", "model", "name");
        if (defaults != null && (preset != null || defaults.path("spec").isObject()) && defaults.path("hyperparameters").isObject()) {
            run.put("source", "GET /api/runs/defaults");
            if (preset != null) {
                request.put("preset", preset);
            } else {
                request.set("spec", defaults.get("spec"));
            }
            request.set("hyperparameters", defaults.get("hyperparameters"));
            if (defaults.path("estimatedSeconds").isNumber()) {
                run.set("estimatedSeconds", defaults.get("estimatedSeconds"));
            }
        } else {
            if (status == 200 && defaults != null) {
                why = "200 without a preset and hyperparameters";
            }
            run.put("source", "options (GET /api/runs/defaults answered " + why + ")");
            request.put("preset", options.shortPreset());
            ObjectNode hp = request.putObject("hyperparameters");
            hp.put("epochs", options.shortEpochs());
            hp.put("limit", options.shortImages());
        }
        run.set("request", request);
        return run;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            if (node.path(name).isString()) {
                return node.get(name).asString();
            }
        }
        return null;
    }

    private ObjectNode longRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.put("preset", "keras-cnn");
        ObjectNode hp = request.putObject("hyperparameters");
        hp.put("epochs", options.longEpochs());
        hp.put("limit", options.longImages());
        return request;
    }

    private Tracked submit(Learner learner, String body, boolean isLong, long t0) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> r = http.send(learner.request("api/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AppStopped("the app refused " + learner.name() + "'s run (HTTP " + r.statusCode() + "): " + r.body());
        }
        JsonNode answer = JSON.readTree(r.body());
        return new Tracked(answer.get("id").asString(), learner, isLong, seconds(t0, sent), answer.path("ahead").asInt(0));
    }

    /** Every short run in the same instant: one thread per learner, released together. */
    private List<Tracked> submitAtOnce(List<Learner> learners, String body, long t0) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(learners.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Tracked>> futures = new ArrayList<>();
            for (Learner learner : learners) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return submit(learner, body, false, t0);
                }));
            }
            go.countDown();
            List<Tracked> runs = new ArrayList<>();
            for (Future<Tracked> f : futures) {
                try {
                    runs.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls every run each second until all have ended or the deadline; true when the deadline came first. */
    private boolean follow(String policy, List<Tracked> runs, long t0, long deadline, Process web, Process worker) throws Exception {
        long nextReport = System.nanoTime();
        while (true) {
            long tick = System.nanoTime();
            for (Tracked run : runs) {
                if (run.ended == null) {
                    poll(run, t0);
                }
            }
            if (runs.stream().allMatch(r -> r.ended != null)) {
                return false;
            }
            if (!web.isAlive() || !worker.isAlive()) {
                throw new AppStopped("the " + (web.isAlive() ? "worker" : "web app") + " exited during the benchmark");
            }
            if (System.nanoTime() >= nextReport) {
                progress("%s %4.0f s: %s", policy, seconds(t0, System.nanoTime()), summary(runs));
                nextReport += Duration.ofSeconds(15).toNanos();
            }
            if (System.nanoTime() >= deadline) {
                progress("%s: out of time (--max-minutes %s); reporting what was reached", policy, options.maxMinutes());
                return true;
            }
            long sleep = Duration.ofSeconds(1).toNanos() - (System.nanoTime() - tick);
            if (sleep > 0) {
                Thread.sleep(Duration.ofNanos(sleep));
            }
        }
    }

    private void poll(Tracked run, long t0) throws InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(run.learner.request("api/runs/" + run.id).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            progress("polling %s's run: %s", run.learner.name(), e.getMessage());
            return;
        }
        double now = seconds(t0, System.nanoTime());
        if (r.statusCode() != 200) {
            progress("polling %s's run: HTTP %d", run.learner.name(), r.statusCode());
            return;
        }
        JsonNode answer = JSON.readTree(r.body());
        run.status = answer.path("status").asString();
        int epochs = answer.path("epochsDone").asInt();
        boolean ended = List.of("done", "failed", "cancelled").contains(run.status);
        if (run.firstActive == null && !"queued".equals(run.status)) {
            run.firstActive = now;
        }
        if (run.firstEpoch == null && (epochs >= 1 || ended)) {
            run.firstEpoch = now;
        }
        if (ended) {
            run.ended = now;
            if (!"done".equals(run.status)) {
                progress("%s's run %s ended %s: %s", run.learner.name(), run.id, run.status, answer.path("problem").asString(""));
            }
        }
    }

    private static String summary(List<Tracked> runs) {
        StringBuilder s = new StringBuilder();
        for (boolean isLong : new boolean[] {true, false}) {
            List<Tracked> kind = runs.stream().filter(r -> r.isLong == isLong).toList();
            s.append(String.format(Locale.ROOT, "%s %d/%d done, %d training; ", isLong ? "long" : "short",
                    kind.stream().filter(r -> r.ended != null).count(), kind.size(),
                    kind.stream().filter(r -> r.ended == null && ("running".equals(r.status) || "evaluating".equals(r.status))).count()));
        }
        s.append(String.format(Locale.ROOT, "first epoch %d/%d", runs.stream().filter(r -> r.firstEpoch != null).count(), runs.size()));
        return s.toString();
    }

    /** The figures; null where a figure was not reached (then timedOut is true or the counts say why). */
    private static void fill(ObjectNode result, List<Tracked> runs, long t0, long end, boolean timedOut) {
        List<Tracked> shorts = runs.stream().filter(r -> !r.isLong).toList();
        List<Tracked> longs = runs.stream().filter(r -> r.isLong).toList();
        putLatest(result, "firstEpochAllSeconds", runs, r -> r.firstEpoch);
        putLatest(result, "shortRunsDoneSeconds", shorts, r -> r.ended);
        // A short run never seen training waited at least until now.
        double endSeconds = seconds(t0, end);
        double longestWait = shorts.stream().mapToDouble(r -> (r.firstActive == null ? endSeconds : r.firstActive) - r.submitted).max().orElse(0);
        result.put("longestShortWaitSeconds", round(longestWait));
        if (shorts.stream().anyMatch(r -> r.firstActive == null)) {
            result.put("longestShortWaitIsAtLeast", true);
        }
        // The goal: no short run waits more than one slice per learner ahead of it (one run each):
        // the waiting runs ahead when it was submitted, and the one training then.
        double slice = result.get("sliceSeconds").asDouble();
        result.put("shortRunsWaitingOverOneSlicePerRunAhead", shorts.stream()
                .filter(r -> (r.firstActive == null ? endSeconds : r.firstActive) - r.submitted > (r.ahead + 1) * slice).count());
        putLatest(result, "longRunsDoneSeconds", longs, r -> r.ended);
        result.put("totalSeconds", round(endSeconds));
        result.put("timedOut", timedOut);
        result.put("failed", runs.stream().filter(r -> r.ended != null && !"done".equals(r.status)).count());
        ObjectNode reached = result.putObject("reached");
        reached.put("learnersWithFirstEpoch", runs.stream().filter(r -> r.firstEpoch != null).count());
        reached.put("shortRunsEnded", shorts.stream().filter(r -> r.ended != null).count());
        reached.put("longRunsEnded", longs.stream().filter(r -> r.ended != null).count());
        ArrayNode longTimes = result.putArray("longRunsEndedSeconds");
        longs.forEach(r -> {
            if (r.ended == null) {
                longTimes.addNull();
            } else {
                longTimes.add(round(r.ended));
            }
        });
    }

    private static void putLatest(ObjectNode result, String name, List<Tracked> runs, java.util.function.Function<Tracked, Double> time) {
        if (runs.stream().anyMatch(r -> time.apply(r) == null)) {
            result.putNull(name);
        } else {
            result.put(name, round(runs.stream().map(time).max(Comparator.naturalOrder()).orElse(0.0)));
        }
    }

    /** Fair against FIFO, when both ran to the end: the goals side by side. */
    private static void compare(ObjectNode report, ArrayNode policies) {
        JsonNode fifo = null;
        JsonNode fair = null;
        for (JsonNode p : policies) {
            if ("fifo".equals(p.path("policy").asString())) {
                fifo = p;
            } else if ("fair".equals(p.path("policy").asString())) {
                fair = p;
            }
        }
        if (fair == null) {
            return;
        }
        ObjectNode goals = report.putObject("goals");
        JsonNode firstEpoch = fair.path("firstEpochAllSeconds");
        goals.put("fairFirstEpochAllWithin300Seconds", firstEpoch.isNumber() ? firstEpoch.asDouble() <= 300 : null);
        JsonNode over = fair.path("shortRunsWaitingOverOneSlicePerRunAhead");
        // Unknown (null) while a short run was never seen training and none is known to be over.
        goals.put("fairNoShortRunWaitsOverOneSlicePerRunAhead", !over.isNumber() ? null
                : over.asLong() > 0 ? Boolean.FALSE : fair.has("longestShortWaitIsAtLeast") ? null : Boolean.TRUE);
        if (fifo != null && fifo.path("longRunsDoneSeconds").isNumber() && fair.path("longRunsDoneSeconds").isNumber()) {
            double ratio = fair.get("longRunsDoneSeconds").asDouble() / fifo.get("longRunsDoneSeconds").asDouble();
            goals.put("longRunsFairOverFifo", Math.round(ratio * 1000) / 1000.0);
            goals.put("longRunsWithin15PercentOfFifo", ratio <= 1.15);
        }
    }

    private void stop(List<Process> which) {
        for (Process p : which) {
            p.destroy();
        }
        for (Process p : which) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            processes.remove(p);
        }
    }

    private void stopAll() {
        stop(List.copyOf(processes));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A learner of the class: a name and the Basic credentials for the API. */
    record Learner(String name, String base, String auth) {
        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(20));
        }
    }

    /** One submitted run and the moments (seconds since the first long run was submitted) the polling saw. */
    static final class Tracked {
        final String id;
        final Learner learner;
        final boolean isLong;
        final double submitted;
        /** Waiting runs ahead of it when it was submitted, as the queue answered. */
        final int ahead;
        String status = "queued";
        Double firstActive;
        Double firstEpoch;
        Double ended;

        Tracked(String id, Learner learner, boolean isLong, double submitted, int ahead) {
            this.id = id;
            this.ahead = ahead;
            this.learner = learner;
            this.isLong = isLong;
            this.submitted = submitted;
        }
    }

    /** The app or worker stopped or refused: this policy's figures cannot be had. */
    static final class AppStopped extends Exception {
        final boolean timedOut;

        AppStopped(String message) {
            this(message, false);
        }

        AppStopped(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }
    }
}
