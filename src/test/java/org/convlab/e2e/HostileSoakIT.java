package org.convlab.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.TreeSet;
import org.convlab.testsupport.TestFiles;

/**
 * A class that tries to break the server while others work: twenty learners send the runs API
 * randomised hostile requests (bad ids, bad bodies, bad settings, bad specs, wrong headers, huge and
 * deeply nested bodies) for {@code convlab.soak.seconds} (20 by default, to keep the suite near ten minutes; longer soaks by hand), while five learners train
 * small runs one after the other, on the loopback only. Checked: the server stays up and answers
 * throughout, every normal run ends done, every hostile request is refused with one clean JSON line
 * (or, when it was in fact a valid run, the run is accepted and ends cleanly), never a 5xx, nothing
 * written outside the runs folder, and the queue drains at the end. The figures are printed for the
 * issue note; none of them is asserted as a time.
 *
 * <p>The hostile requests come from a seeded {@link Random} per learner ({@code convlab.soak.seed},
 * printed at the start), so a failing sequence can be sent again. {@code
 * -Dconvlab.soak.all-hostile=false} leaves out the requests that could exhaust the machine's memory
 * or threads on a server without the limits (huge thread counts, batch sizes, inputs).
 */
class HostileSoakIT {

    private static final int HOSTILE = 20;
    private static final int NORMAL = 5;
    private static final int SECONDS = Integer.getInteger("convlab.soak.seconds", 20);
    private static final boolean ALL_HOSTILE = Boolean.parseBoolean(System.getProperty("convlab.soak.all-hostile", "true"));
    private static final long SEED = Long.getLong("convlab.soak.seed", System.currentTimeMillis());
    /** Bounds the loops whatever the clock does. */
    private static final int MAX_REQUESTS_PER_LEARNER = 5_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NORMAL_RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Set<String> FINISHED = Set.of("done", "failed", "cancelled");
    /** Small enough to train in a second or two on a busy 2-core machine. */
    private static final String NORMAL_SETTINGS = "{\"epochs\":1,\"limit\":300,\"batchSize\":32,\"device\":\"cpu\"}";
    private static final String NORMAL_RUN = "{\"preset\":\"dense\",\"hyperparameters\":" + NORMAL_SETTINGS + "}";
    private static final String SMALL_SETTINGS = "\"epochs\":1,\"limit\":64,\"batchSize\":32,\"device\":\"cpu\"";
    private static final String TINY_LAYERS = "[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
            + "{\"type\":\"maxpool\",\"pool\":2},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10,\"activation\":\"softmax\"}]";

    // ---- what a hostile learner sends --------------------------------------------------------

    enum Auth { OWN, NONE, WRONG_PASSWORD, GARBAGE }

    /** One hostile request; {@code rawPath} goes on the wire as written (no normalising). */
    record Attack(String method, String rawPath, String contentType, String accept, byte[] body, Auth auth, String label) {

        static Attack get(String path) {
            return new Attack("GET", path, null, "application/json", null, Auth.OWN, "GET " + path);
        }

        static Attack of(String method, String path) {
            return new Attack(method, path, null, "application/json", method.equals("POST") || method.equals("PUT") ? new byte[0] : null,
                    Auth.OWN, method + " " + path);
        }

        static Attack post(String json) {
            return new Attack("POST", "api/runs", "application/json", "application/json", json.getBytes(StandardCharsets.UTF_8),
                    Auth.OWN, "POST " + abbreviate(json));
        }

        Attack accept(String value) {
            return new Attack(method, rawPath, contentType, value, body, auth, label + " [Accept: " + value + "]");
        }

        Attack contentType(String value) {
            return new Attack(method, rawPath, value, accept, body, auth, label + " [Content-Type: " + value + "]");
        }

        Attack as(Auth who) {
            return new Attack(method, rawPath, contentType, accept, body, who, label + " [auth: " + who + "]");
        }

        boolean submitsRun() {
            return method.equals("POST") && rawPath.equals("api/runs");
        }
    }

    /** What a generator may use: its learner's random source and the ids of other learners' runs. */
    record Ctx(Random random, List<String> othersRuns) {

        String pick(String... options) {
            return options[random.nextInt(options.length)];
        }

        /** One of {@code safe}, or with all hostile requests on, one of both lists. */
        String pick(List<String> safe, List<String> dangerous) {
            List<String> all = new ArrayList<>(safe);
            if (ALL_HOSTILE) {
                all.addAll(dangerous);
            }
            return all.get(random.nextInt(all.size()));
        }
    }

    record Generator(String category, Function<Ctx, Attack> make) {}

    /** Every kind of hostile request, by category; each learner picks one at random each time. */
    private static final List<Generator> GENERATORS = List.of(
            new Generator("traversal-id", c -> {
                String id = c.pick("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fescaped", "..;/..;/etc",
                        "%00", "..%5c..%5cwindows", "%252e%252e%252f", ".", "~root", "%2F", "a%0d%0aSet-Cookie:x=1");
                return Attack.of(c.pick("GET", "DELETE", "GET", "POST"), "api/runs/" + id + c.pick("", "", "/download", "/front"));
            }),
            new Generator("huge-id", c -> Attack.of(c.pick("GET", "DELETE"),
                    "api/runs/" + c.pick("a".repeat(10_240), "9".repeat(10_240), URLEncoder.encode("é".repeat(2_000), StandardCharsets.UTF_8),
                            "x".repeat(2_000)))),
            new Generator("others-run", c -> {
                if (c.othersRuns().isEmpty()) {
                    return Attack.get("api/runs/" + UUID.randomUUID());
                }
                String id = c.othersRuns().get(c.random().nextInt(c.othersRuns().size()));
                return switch (c.random().nextInt(4)) {
                    case 0 -> Attack.get("api/runs/" + id);
                    case 1 -> Attack.of("DELETE", "api/runs/" + id);
                    case 2 -> Attack.get("api/runs/" + id + "/download");
                    default -> Attack.of("POST", "api/runs/" + id + "/front");
                };
            }),
            new Generator("unknown-id", c -> Attack.of(c.pick("GET", "DELETE", "POST"), "api/runs/"
                    + c.pick(UUID.randomUUID().toString(), "null", "undefined", "-1", "0", URLEncoder.encode("运行", StandardCharsets.UTF_8),
                            "%27%20or%201%3D1%20--", "%3Cscript%3E", "${jndi:x}".replace("$", "%24").replace("{", "%7B").replace("}", "%7D"))
                    + c.pick("", "/download", "/front"))),
            new Generator("unknown-endpoint", c -> switch (c.random().nextInt(7)) {
                case 0 -> Attack.get("api/nope");
                case 1 -> Attack.of("PUT", "api/runs");
                case 2 -> Attack.of("PATCH", "api/runs/x");
                case 3 -> Attack.of("DELETE", "api/runs");
                case 4 -> Attack.of("POST", "api/runs/x/y/z");
                case 5 -> Attack.get("api/runs/x/download/more");
                default -> Attack.of("POST", "api/me");
            }),
            new Generator("accept-xml", c -> switch (c.random().nextInt(5)) {
                case 0 -> Attack.post("{\"preset\":\"nope\"}").accept("application/xml");
                case 1 -> Attack.post("{not json").accept("application/xml");
                case 2 -> Attack.get("api/runs/" + UUID.randomUUID()).accept("application/xml");
                case 3 -> Attack.post("{\"spec\":{\"layers\":[{\"type\":\"lstm\"}]}}").accept(c.pick("text/html", "image/png", "application/x-evil"));
                default -> Attack.post("{\"hyperparameters\":{\"epochs\":-1},\"preset\":\"dense\"}").accept(c.pick("application/json;;;q=x", "*/*;q=2", "%%%"));
            }),
            new Generator("content-type", c -> switch (c.random().nextInt(6)) {
                case 0 -> Attack.post(NORMAL_RUN).contentType("text/plain");
                case 1 -> Attack.post("preset=dense&hyperparameters=1").contentType("application/x-www-form-urlencoded");
                case 2 -> Attack.post("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--").contentType("multipart/form-data; boundary=x");
                case 3 -> Attack.post(NORMAL_RUN).contentType("application/json; charset=ebcdic-evil");
                case 4 -> Attack.post(NORMAL_RUN).contentType("application/octet-stream");
                default -> Attack.post(NORMAL_RUN).contentType(null);
            }),
            new Generator("huge-body", c -> switch (c.random().nextInt(4)) {
                case 0 -> Attack.post("{\"preset\":\"dense\",\"pad\":\"" + "x".repeat(2_000_000) + "\"}");
                case 1 -> Attack.post(runJson(quote("n".repeat(2_000_000)), TINY_LAYERS, SMALL_SETTINGS));
                case 2 -> Attack.post("{\"spec\":{\"name\":\"wide\",\"layers\":["
                        + String.join(",", Collections.nCopies(100_000, "{\"type\":\"flatten\"}")) + "]}}");
                default -> {
                    byte[] junk = new byte[2_000_000];
                    c.random().nextBytes(junk);
                    yield new Attack("POST", "api/runs", "application/json", "application/json", junk, Auth.OWN, "POST 2 MB of random bytes");
                }
            }),
            new Generator("deep-json", c -> {
                int depth = Integer.parseInt(c.pick(List.of("600", "2000"), List.of("100000")));
                return switch (c.random().nextInt(3)) {
                    case 0 -> Attack.post("[".repeat(depth) + "]".repeat(depth));
                    case 1 -> Attack.post("{\"preset\":\"dense\",\"hyperparameters\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
                    default -> Attack.post("{\"spec\":{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"layers\":" + TINY_LAYERS + "}}");
                };
            }),
            new Generator("malformed-json", c -> switch (c.random().nextInt(12)) {
                case 0 -> Attack.post("");
                case 1 -> Attack.post("{");
                case 2 -> Attack.post("{\"preset\":");
                case 3 -> Attack.post(c.pick("null", "[]", "42", "\"dense\"", "true"));
                case 4 -> Attack.post("{\"preset\":\"dense\",}");
                case 5 -> Attack.post("{'preset':'dense'}");
                case 6 -> Attack.post("{\"preset\":\"dense\",\"hyperparameters\":{\"learningRate\":NaN}}");
                case 7 -> new Attack("POST", "api/runs", "application/json", "application/json",
                        new byte[] {'{', '"', 'p', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'}, Auth.OWN, "POST invalid UTF-8");
                case 8 -> Attack.post("\uFEFF" + NORMAL_RUN);
                case 9 -> Attack.post("/* c */ {\"preset\":\"dense\"}");
                case 10 -> Attack.post("{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":1}}{\"again\":1}");
                default -> Attack.post("{\"preset\":\"dense\"\u0000}");
            }),
            new Generator("bad-types", c -> Attack.post(switch (c.random().nextInt(12)) {
                case 0 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"epochs\":\"3\""));
                case 1 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"epochs\":1.5"));
                case 2 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"batchSize\":true"));
                case 3 -> "{\"preset\":\"dense\",\"hyperparameters\":\"fast\"}";
                case 4 -> "{\"preset\":\"dense\",\"hyperparameters\":[1,2]}";
                case 5 -> "{\"spec\":\"dense\"}";
                case 6 -> "{\"spec\":{\"name\":\"t\",\"layers\":{\"type\":\"dense\"}}}";
                case 7 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"limit\":1e400"));
                case 8 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"epochs\":99999999999999999999"));
                case 9 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"seed\":\"abc\""));
                case 10 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"optimizer\":[\"adam\"]"));
                default -> runJson(quote("t"), "[{\"type\":\"conv2d\",\"filters\":\"8\",\"kernel\":2.5},{\"type\":\"flatten\"},"
                        + "{\"type\":\"dense\",\"units\":10}]", SMALL_SETTINGS);
            })),
            new Generator("nulls", c -> Attack.post(switch (c.random().nextInt(9)) {
                case 0 -> "{\"preset\":null,\"spec\":null,\"hyperparameters\":null}";
                case 1 -> runJson("null", TINY_LAYERS, SMALL_SETTINGS);
                case 2 -> "{\"spec\":{\"name\":\"t\",\"input\":null,\"classes\":null,\"layers\":null}}";
                case 3 -> runJson(quote("t"), "[null]", SMALL_SETTINGS);
                case 4 -> runJson(quote("t"), "[{\"type\":null}]", SMALL_SETTINGS);
                case 5 -> runJson(quote("t"), "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":null,\"activation\":null}]", SMALL_SETTINGS);
                case 6 -> runJson(quote("t"), TINY_LAYERS, "\"epochs\":null,\"batchSize\":null,\"optimizer\":null,\"momentum\":null,"
                        + "\"validationSplit\":null,\"seed\":null,\"augmentation\":null,\"device\":null,\"threads\":null,\"limit\":null");
                case 7 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"augmentation\":{\"rotationDegrees\":null,\"shiftPixels\":null}"));
                default -> "{\"spec\":{\"name\":\"t\",\"input\":{\"channels\":null,\"height\":null,\"width\":null},\"layers\":" + TINY_LAYERS + "}}";
            })),
            new Generator("unknown-fields", c -> Attack.post(switch (c.random().nextInt(4)) {
                case 0 -> "{\"preset\":\"dense\",\"evil\":1,\"hyperparameters\":{" + SMALL_SETTINGS + "}}";
                case 1 -> runJson(quote("t"), TINY_LAYERS, smallWith("\"rm -rf\":true"));
                case 2 -> runJson(quote("t"), "[{\"type\":\"flatten\",\"backdoor\":1},{\"type\":\"dense\",\"units\":10}]", SMALL_SETTINGS);
                default -> "{\"spec\":{\"name\":\"t\",\"owner\":\"admin\",\"layers\":" + TINY_LAYERS + "},\"hyperparameters\":{" + SMALL_SETTINGS + "}}";
            })),
            new Generator("bad-settings", c -> {
                String setting = c.pick(List.of(
                        "\"epochs\":-1", "\"epochs\":0", "\"epochs\":101", "\"epochs\":2147483647", "\"epochs\":-2147483648",
                        "\"batchSize\":0", "\"batchSize\":-1", "\"batchSize\":4096", "\"batchSize\":4097",
                        "\"limit\":0", "\"limit\":-5", "\"limit\":2147483647", "\"threads\":0", "\"threads\":-1", "\"threads\":8",
                        "\"device\":\"gpu\"", "\"device\":\"tpu\"", "\"device\":\"cuda:0\"", "\"learningRate\":0", "\"learningRate\":-1",
                        "\"learningRate\":11", "\"learningRate\":1e308", "\"momentum\":1", "\"momentum\":-0.1", "\"validationSplit\":1",
                        "\"validationSplit\":-0.5", "\"validationSplit\":0.99", "\"earlyStoppingPatience\":-1",
                        "\"earlyStoppingPatience\":5,\"validationSplit\":0", "\"reduceLrFactor\":0", "\"reduceLrFactor\":1",
                        "\"minLearningRate\":-1", "\"augmentation\":{\"rotationDegrees\":720,\"shiftPixels\":0,\"horizontalFlip\":false}",
                        "\"augmentation\":{\"rotationDegrees\":0,\"shiftPixels\":99,\"horizontalFlip\":true}", "\"optimizer\":\"evil\"",
                        "\"optimizer\":\"nag\"", "\"seed\":-1"),
                        List.of("\"threads\":100000", "\"threads\":2147483647", "\"threads\":9999", "\"batchSize\":100000",
                                "\"batchSize\":2147483647"));
                return Attack.post(runJson(quote("s"), TINY_LAYERS, smallWith(setting)));
            }),
            new Generator("bad-names", c -> Attack.post(runJson(quote(c.pick("x".repeat(300), "y".repeat(98), "z".repeat(5_000), ".", "..",
                    "../../escaped", "../escaped", "/etc/passwd", "con", "nul", "aux", "com1", "", " ", "模型🚀", "\u202Eevil", "a\nb",
                    "a\u0000b", "<script>alert(1)</script>", "${jndi:ldap://x}", "C:\\Windows\\escaped", "%s%n%x")),
                    TINY_LAYERS, SMALL_SETTINGS))),
            new Generator("bad-layers", c -> Attack.post(runJson(quote("l"), c.pick(List.of(
                    "[{\"type\":\"lstm\"},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"\"}]",
                    "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10,\"activation\":\"evil\"}]",
                    "[{\"type\":\"flatten\"},{\"type\":\"dropout\",\"rate\":" + c.pick("1.0", "-0.1", "2", "1e308") + "},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":" + c.pick("29", "1000", "0", "-3") + "},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"conv2d\",\"filters\":" + c.pick("0", "-1", "1000000") + ",\"kernel\":3},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"stride\":" + c.pick("0", "-1", "100") + "},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"maxpool\",\"pool\":" + c.pick("0", "-2", "100") + "},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"evil\"},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":" + c.pick("0", "-1", "2000000000", "9") + "}]",
                    "[" + String.join(",", Collections.nCopies(41, "{\"type\":\"activation\",\"activation\":\"relu\"}")) + "]",
                    "[" + String.join(",", Collections.nCopies(10_000, "{\"type\":\"batchnorm\"}")) + "]",
                    "[]",
                    "[{\"type\":\"dense\",\"units\":10}]",
                    "[{\"type\":\"flatten\"},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]"),
                    List.of()), SMALL_SETTINGS))),
            new Generator("bad-input", c -> {
                String input = c.pick(List.of("{\"channels\":0,\"height\":28,\"width\":28}", "{\"channels\":-1,\"height\":28,\"width\":28}",
                        "{\"channels\":1,\"height\":0,\"width\":28}", "{\"channels\":1,\"height\":1,\"width\":1}",
                        "{\"channels\":3,\"height\":28,\"width\":28}", "{\"channels\":1,\"height\":32,\"width\":32}"),
                        List.of("{\"channels\":1,\"height\":100000,\"width\":100000}", "{\"channels\":1,\"height\":46341,\"width\":46341}",
                                "{\"channels\":2147483647,\"height\":2147483647,\"width\":2147483647}"));
                String classes = c.pick("10", "0", "-1", "100000", "10");
                return Attack.post("{\"spec\":{\"name\":\"in\",\"input\":" + input + ",\"classes\":" + classes + ",\"layers\":" + TINY_LAYERS
                        + "},\"hyperparameters\":{" + SMALL_SETTINGS + "}}");
            }),
            new Generator("bad-preset", c -> Attack.post("{\"preset\":" + quote(c.pick("evil", "../../etc/passwd", "DENSE", "", "p".repeat(300)))
                    + ",\"hyperparameters\":{" + SMALL_SETTINGS + "}}")),
            new Generator("no-auth", c -> {
                Attack attack = c.random().nextBoolean() ? Attack.get("api/runs") : Attack.post(NORMAL_RUN);
                return attack.as(Auth.values()[1 + c.random().nextInt(3)]);
            }));

    // ---- the soak ----------------------------------------------------------------------------

    /** The folder ConvLab makes for a run: its name with unsafe characters replaced, a time stamp, a suffix. */
    private static final java.util.regex.Pattern RUN_FOLDER =
            java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+-\\d{8}-\\d{6}-[A-Za-z0-9-]+");

    record Outcome(String category, String label, int status, String body, long millis, String problem) {}

    @Test
    void hostileLearnersAreRefusedCleanlyWhileOthersTrain() throws Exception {
        System.out.printf(Locale.ROOT, "HOSTILE SOAK: seed %d (rerun with -Dconvlab.soak.seed=%d), %d s, all hostile requests: %s%n",
                SEED, SEED, SECONDS, ALL_HOSTILE);
        Path root = Path.of("target/e2e-soak").toAbsolutePath();
        TestFiles.deleteTree(root);
        Path db = root.resolve("db");
        Path runs = root.resolve("runs");
        Path cwd = Path.of("").toAbsolutePath();
        // Where a name like "../../escaped" would land if it ever became a path (runs folder, app's working folder).
        List<Path> escapeChecks = Stream.of(root, root.getParent(), cwd, cwd.getParent(), cwd.getRoot())
                .distinct().toList();
        Set<Path> escapedBefore = escapedEntries(escapeChecks);
        String jdbc = AppProcess.jdbcUrl(db);

        try (AppProcess web = AppProcess.web(db, runs)) {
            String base = web.url("").replace("//localhost:", "//127.0.0.1:");
            Function<String, String> url = path -> base + path;
            List<String> secrets = List.of(runs.toString(), root.toString(), cwd.toString(), "/root/", "/tmp/", System.getProperty("java.home"));

            List<QueueClient> normal = new ArrayList<>();
            List<Raw> hostile = new ArrayList<>();
            for (int i = 0; i < NORMAL; i++) {
                QueueClient.createLearner(jdbc, "steady" + i, "password-s" + i);
                normal.add(new QueueClient(url, "steady" + i, "password-s" + i));
            }
            for (int i = 0; i < HOSTILE; i++) {
                QueueClient.createLearner(jdbc, "hostile" + i, "password-h" + i);
                hostile.add(new Raw(base, "hostile" + i, "password-h" + i));
            }

            List<String> normalRuns = new CopyOnWriteArrayList<>();
            Map<String, String> acceptedHostile = new ConcurrentHashMap<>();
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            List<Long> normalLatencies = new CopyOnWriteArrayList<>();
            List<String> normalProblems = new CopyOnWriteArrayList<>();
            List<String> liveness = new CopyOnWriteArrayList<>();
            AtomicLong livenessChecks = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();

            ExecutorService pool = Executors.newFixedThreadPool(HOSTILE + NORMAL + 1);
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();

            // Five learners train small runs one after the other and wait for each.
            for (int i = 0; i < NORMAL; i++) {
                QueueClient client = normal.get(i);
                workers.add(pool.submit(() -> {
                    while (!stop.get() && System.nanoTime() < deadline) {
                        trainOne(client, normalRuns, normalLatencies, normalProblems, stop);
                    }
                    return null;
                }));
            }
            // Twenty learners send hostile requests.
            for (int i = 0; i < HOSTILE; i++) {
                Raw client = hostile.get(i);
                Ctx ctx = new Ctx(new Random(SEED + i), normalRuns);
                workers.add(pool.submit(() -> {
                    attackUntil(deadline, stop, client, ctx, outcomes, acceptedHostile, secrets);
                    return null;
                }));
            }
            // Someone keeps asking "who am I" to see that the server is up throughout.
            QueueClient watcher = normal.getFirst();
            Future<?> watch = pool.submit(() -> {
                while (!stop.get()) {
                    livenessChecks.incrementAndGet();
                    if (!web.alive()) {
                        liveness.add("the server process exited");
                        stop.set(true);
                        break;
                    }
                    try {
                        QueueClient.Reply me = watcher.get("api/me");
                        if (me.status() != 200) {
                            liveness.add("/api/me answered " + me.status());
                        }
                    } catch (IOException e) {
                        liveness.add("/api/me: " + e);
                    }
                    Thread.sleep(500);
                }
                return null;
            });

            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    liveness.add("a learner's loop broke: " + e.getCause());
                }
            }
            double soakSeconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            watch.get();
            pool.shutdownNow();
            boolean aliveAfter = web.alive();

            // Drain: cancel what the hostile learners left, then everything must reach an end.
            List<String> drainProblems = new ArrayList<>();
            if (aliveAfter) {
                drain(hostile, normal, acceptedHostile, drainProblems, secrets);
            }

            Set<Path> escaped = escapedEntries(escapeChecks);
            escaped.removeAll(escapedBefore);
            try (var all = Files.walk(runs)) {
                // A run named "C:\Windows\escaped" trains in a folder of its own, with the name made safe
                // (C__Windows_escaped-20261129-144900-6-3n53): that is inside the runs folder, as it should be.
                all.filter(p -> p.getFileName().toString().contains("escaped"))
                        .filter(p -> !RUN_FOLDER.matcher(p.getFileName().toString()).matches())
                        .forEach(escaped::add);
            }

            writeSamples(root.resolve("answers.txt"), outcomes);
            printFigures(outcomes, normalRuns.size(), normalProblems, normalLatencies, acceptedHostile.size(), soakSeconds, livenessChecks.get());

            List<String> failures = outcomes.stream().filter(o -> o.problem() != null)
                    .collect(Collectors.groupingBy(Outcome::category, TreeMap::new, Collectors.toList()))
                    .entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().size() + " bad answers, e.g. " + e.getValue().stream().limit(3)
                            .map(o -> abbreviate(o.label()) + " -> " + o.status() + " " + o.problem() + " " + abbreviate(o.body()))
                            .collect(Collectors.joining(" | ")))
                    .toList();
            String log = web.alive() ? "" : "\n---- server log (tail) ----\n" + tail(web.log(), 4_000);
            // All of them, so that one failure does not hide the others.
            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(aliveAfter).as("the server is still running" + log).isTrue();
                soft.assertThat(liveness).as("the server answered /api/me throughout").isEmpty();
                soft.assertThat(failures).as("hostile requests answered badly (seed " + SEED + ")").isEmpty();
                soft.assertThat(normalProblems).as("normal learners' runs").isEmpty();
                soft.assertThat(normalRuns).as("every normal learner trained at least once").hasSizeGreaterThanOrEqualTo(NORMAL);
                soft.assertThat(drainProblems).as("the queue drained and accepted hostile runs ended cleanly").isEmpty();
                soft.assertThat(escaped).as("nothing written outside the runs folder").isEmpty();
            });
        }
    }

    /** One hostile learner's requests, picked at random from the generators, until the deadline (or a bounded count). */
    private static void attackUntil(long deadline, AtomicBoolean stop, Raw client, Ctx ctx, List<Outcome> outcomes,
            Map<String, String> acceptedRuns, List<String> secrets) throws InterruptedException {
        for (int n = 0; n < MAX_REQUESTS_PER_LEARNER && !stop.get() && System.nanoTime() < deadline; n++) {
            Generator generator = GENERATORS.get(ctx.random().nextInt(GENERATORS.size()));
            Attack attack = generator.make().apply(ctx);
            Outcome outcome = client.send(generator.category(), attack, secrets);
            outcomes.add(outcome);
            if (attack.submitsRun() && outcome.status() == 201) {
                cancelAccepted(client, outcome, acceptedRuns, outcomes, secrets);
            }
            Thread.sleep(20 + ctx.random().nextInt(80));
        }
    }

    /** One normal run: submit, follow until it ends, and it must end done. */
    private static void trainOne(QueueClient client, List<String> ids, List<Long> latencies, List<String> problems, AtomicBoolean stop)
            throws IOException, InterruptedException {
        QueueClient.Reply submitted = client.submit(QueueClient.TINY_SPEC, NORMAL_SETTINGS);
        latencies.add(submitted.millis());
        if (submitted.status() != 201) {
            problems.add("submit answered " + submitted.status() + " " + submitted.body());
            Thread.sleep(1_000);
            return;
        }
        String id = submitted.body().get("id").asText();
        ids.add(id);
        long until = System.nanoTime() + NORMAL_RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            QueueClient.Reply reply = client.get("api/runs/" + id);
            latencies.add(reply.millis());
            if (reply.status() != 200) {
                problems.add(id + ": GET answered " + reply.status());
            } else {
                String status = reply.body().get("status").asText();
                if (FINISHED.contains(status)) {
                    if (!status.equals("done")) {
                        problems.add(id + " ended " + status + ": " + reply.body().path("problem").asText());
                    }
                    return;
                }
            }
            if (stop.get()) {
                problems.add(id + " had not finished when the soak stopped early");
                return;
            }
            Thread.sleep(250);
        }
        problems.add(id + " did not finish within " + NORMAL_RUN_TIMEOUT);
    }

    /** A hostile body that was a valid run after all: cancel it at once, to keep the queue short. */
    private static void cancelAccepted(Raw client, Outcome accepted, Map<String, String> acceptedRuns, List<Outcome> outcomes, List<String> secrets) {
        try {
            String id = QueueClient.JSON.readTree(accepted.body()).get("id").asText();
            acceptedRuns.put(id, accepted.category() + ": " + accepted.label());
            // 200, or a clean refusal if it already ended.
            outcomes.add(client.send("cancel-own", Attack.of("DELETE", "api/runs/" + id), secrets));
        } catch (RuntimeException e) {
            outcomes.add(new Outcome(accepted.category(), accepted.label(), accepted.status(), accepted.body(), accepted.millis(),
                    "201 without a run id: " + e.getMessage()));
        }
    }

    /** Cancels every hostile learner's unfinished runs, then waits (bounded) for all runs to end. */
    private static void drain(List<Raw> hostile, List<QueueClient> normal, Map<String, String> accepted, List<String> problems,
            List<String> secrets) throws Exception {
        for (Raw client : hostile) {
            for (JsonNode run : client.runs()) {
                if (!FINISHED.contains(run.get("status").asText())) {
                    client.send("drain", Attack.of("DELETE", "api/runs/" + run.get("id").asText()), secrets);
                }
            }
        }
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<String> unfinished = List.of("?");
        while (!unfinished.isEmpty() && System.nanoTime() < until) {
            unfinished = new ArrayList<>();
            for (Raw client : hostile) {
                for (JsonNode run : client.runs()) {
                    if (!FINISHED.contains(run.get("status").asText())) {
                        unfinished.add(run.get("id").asText() + " " + run.get("status").asText());
                    }
                }
            }
            for (QueueClient client : normal) {
                for (JsonNode run : client.get("api/runs").body()) {
                    if (!FINISHED.contains(run.get("status").asText())) {
                        unfinished.add(run.get("id").asText() + " " + run.get("status").asText());
                    }
                }
            }
            if (!unfinished.isEmpty()) {
                Thread.sleep(500);
            }
        }
        if (!unfinished.isEmpty()) {
            problems.add("still unfinished after cancelling: " + unfinished);
        }
        for (Raw client : hostile) {
            for (JsonNode run : client.runs()) {
                String problem = run.path("problem").isNull() ? null : run.path("problem").asText(null);
                String why = accepted.getOrDefault(run.get("id").asText(), "?");
                if (problem != null && (problem.contains("\n") || leak(problem, secrets) != null)) {
                    problems.add("accepted run " + why + " ended " + run.get("status").asText() + " with an unclean problem: " + abbreviate(problem));
                }
            }
        }
    }

    /** Entries whose name says "escaped", directly in any of {@code places}. */
    private static Set<Path> escapedEntries(List<Path> places) throws IOException {
        Set<Path> found = new TreeSet<>();
        for (Path place : places) {
            if (Files.isDirectory(place)) {
                try (var entries = Files.list(place)) {
                    entries.filter(p -> p.getFileName().toString().contains("escaped")).forEach(found::add);
                }
            }
        }
        return found;
    }

    // ---- judging answers ---------------------------------------------------------------------

    /** Why an answer to a hostile request is wrong, or null when it is a clean refusal (or a harmless success). */
    static String judge(String category, Attack attack, int status, String body, List<String> secrets) {
        if (status >= 500) {
            return "server error";
        }
        String leaked = leak(body, secrets);
        if (leaked != null) {
            return leaked;
        }
        if (status >= 200 && status < 300) {
            if (category.equals("others-run")) {
                return "another learner's run was reachable";
            }
            if (attack.auth() != Auth.OWN) {
                return "answered without valid credentials";
            }
            if (attack.submitsRun() && status != 201) {
                return "a submitted run answered " + status + ", not 201 or a refusal";
            }
            // An API answer (a valid run after all, one's own list) is JSON; a web page for an /api/ address is not a refusal.
            return body != null && (body.startsWith("{") || body.startsWith("[")) ? null : "answered with a page, not a refusal";
        }
        if (status < 400) {
            return "not a refusal";
        }
        // Only a request line too long for Tomcat to read has no address to tell it was for the API.
        if (status == 400 && attack.rawPath().length() > 8_000 && isServersOwnRefusal(body)) {
            return null;
        }
        if (body == null || body.isBlank()) {
            // Spring Security's 401 has no body by design: the WWW-Authenticate header says it all.
            return status == 401 && attack.auth() != Auth.OWN ? null : "empty body";
        }
        try {
            JsonNode json = QueueClient.JSON.readTree(body);
            JsonNode error = json.path("error");
            if (!error.isString() || error.asText().isBlank()) {
                return "no \"error\" line";
            }
            // Several problems come on one line ("2 problems: a; b"): a refusal is one line.
            return error.asText().contains("\n") ? "a refusal of several lines" : null;
        } catch (RuntimeException e) {
            return "not JSON";
        }
    }

    /**
     * Tomcat's bare "400 Bad Request" page for a request line over 8 KB, which it cannot read far
     * enough to know the address (an encoded slash or NUL in an API address gets ConvLab's JSON
     * line, ApiErrorReportValve): no JSON, but nothing else either (no version, no exception), so a
     * clean refusal. Counted on its own line of the figures.
     */
    static boolean isServersOwnRefusal(String body) {
        return body != null && body.startsWith("<!doctype html>") && body.contains("<title>HTTP Status 400 – Bad Request</title>")
                && !body.contains("Apache Tomcat/") && !body.contains("Exception") && body.length() < 2_000;
    }

    private static String leak(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        for (String bad : List.of("Exception", "\tat ", "at org.", "at java.", "Caused by")) {
            if (text.contains(bad)) {
                return "shows a stack trace or exception (" + bad.trim() + ")";
            }
        }
        for (String secret : secrets) {
            if (secret != null && text.contains(secret)) {
                return "shows a server path (" + secret + ")";
            }
        }
        return null;
    }

    // ---- figures -----------------------------------------------------------------------------

    private static void printFigures(List<Outcome> outcomes, int normalRuns, List<String> normalProblems, List<Long> normalLatencies,
            int accepted, double seconds, long livenessChecks) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "HOSTILE SOAK FIGURES: %d hostile learners, %d normal learners, %.0f s, seed %d, all hostile: %s%n",
                HOSTILE, NORMAL, seconds, SEED, ALL_HOSTILE));
        table.append(String.format(Locale.ROOT, "%-18s %7s %6s %6s %6s %6s %6s%n", "category", "sent", "2xx", "4xx", "5xx", "other", "bad"));
        Map<String, List<Outcome>> byCategory = outcomes.stream().collect(Collectors.groupingBy(Outcome::category, TreeMap::new, Collectors.toList()));
        byCategory.put("TOTAL", outcomes);
        byCategory.forEach((category, list) -> table.append(String.format(Locale.ROOT, "%-18s %7d %6d %6d %6d %6d %6d%n", category, list.size(),
                count(list, 200, 300), count(list, 400, 500), count(list, 500, 600),
                list.stream().filter(o -> o.status() < 200 || (o.status() >= 300 && o.status() < 400)).count(),
                list.stream().filter(o -> o.problem() != null).count())));
        long refusals = outcomes.stream().filter(o -> !o.category().equals("cancel-own") && o.status() >= 400 && o.status() < 500).count();
        long beforeApp = outcomes.stream().filter(o -> o.status() == 400 && isServersOwnRefusal(o.body())).count();
        table.append(String.format(Locale.ROOT, "refusals (4xx) %d, of which %d by Tomcat before the app (bare HTML 400); "
                + "hostile bodies accepted as valid runs (then cancelled) %d; normal runs %d (%d problems); /api/me checks %d%n",
                refusals, beforeApp, accepted, normalRuns, normalProblems.size(), livenessChecks));
        table.append("latency ms        count    p50    p95    max\n");
        table.append(latencyRow("hostile", outcomes.stream().map(Outcome::millis).toList()));
        table.append(latencyRow("normal learners", normalLatencies));
        System.out.print(table);
    }

    /** A few answers of each category and status, for whoever reads a failure (target/e2e-soak/answers.txt). */
    private static void writeSamples(Path file, List<Outcome> outcomes) throws IOException {
        StringBuilder text = new StringBuilder();
        outcomes.stream().collect(Collectors.groupingBy(o -> o.category() + " " + o.status() + (o.problem() == null ? "" : " BAD: " + o.problem()),
                        TreeMap::new, Collectors.toList()))
                .forEach((key, list) -> {
                    text.append("== ").append(key).append(" (").append(list.size()).append(")\n");
                    list.stream().map(o -> abbreviate(o.label())).distinct().limit(6)
                            .forEach(label -> text.append("   ").append(label).append("\n"));
                    text.append("   -> ").append(abbreviate(list.getFirst().body())).append("\n");
                });
        Files.writeString(file, text);
    }

    private static long count(List<Outcome> list, int from, int to) {
        return list.stream().filter(o -> o.status() >= from && o.status() < to).count();
    }

    private static String latencyRow(String who, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-17s %5d%n", who, 0);
        }
        return String.format(Locale.ROOT, "%-17s %5d %6d %6d %6d%n", who, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95))), sorted.getLast());
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The small settings with some replaced or added (each key once, so the hostile value is the one read). */
    static String smallWith(String settings) {
        List<String> kept = new ArrayList<>();
        for (String small : SMALL_SETTINGS.split(",")) {
            if (!settings.contains(small.substring(0, small.indexOf(':') + 1))) {
                kept.add(small);
            }
        }
        kept.add(settings);
        return String.join(",", kept);
    }

    static String runJson(String quotedName, String layers, String settings) {
        return "{\"spec\":{\"name\":" + quotedName + ",\"layers\":" + layers + "},\"hyperparameters\":{" + settings + "}}";
    }

    static String quote(String text) {
        return QueueClient.JSON.writeValueAsString(text);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(no body)";
        }
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 120) + "...(" + text.length() + " chars)";
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    /** A learner's HTTP client that sends requests exactly as written, wrong headers and all. */
    static final class Raw {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String username;
        private final String password;

        Raw(String base, String username, String password) {
            this.base = base;
            this.username = username;
            this.password = password;
        }

        Outcome send(String category, Attack attack, List<String> secrets) {
            long start = System.nanoTime();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attack.rawPath())).timeout(REQUEST_TIMEOUT)
                        .method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
                if (attack.contentType() != null) {
                    request.header("Content-Type", attack.contentType());
                }
                if (attack.accept() != null) {
                    request.header("Accept", attack.accept());
                }
                String auth = switch (attack.auth()) {
                    case OWN -> basic(username, password);
                    case WRONG_PASSWORD -> basic(username, "not-" + password);
                    case GARBAGE -> "Basic !!!not-base64";
                    case NONE -> null;
                };
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - start) / 1_000_000;
                return new Outcome(category, attack.label(), response.statusCode(), response.body(), millis,
                        judge(category, attack, response.statusCode(), response.body(), secrets));
            } catch (IOException | IllegalArgumentException e) {
                return new Outcome(category, attack.label(), 0, String.valueOf(e), (System.nanoTime() - start) / 1_000_000,
                        "no answer: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(category, attack.label(), 0, "interrupted", 0, "interrupted");
            }
        }

        /** This learner's runs (for the drain). */
        List<JsonNode> runs() {
            Outcome list = send("drain", Attack.get("api/runs"), List.of());
            List<JsonNode> runs = new ArrayList<>();
            if (list.status() == 200) {
                QueueClient.JSON.readTree(list.body()).forEach(runs::add);
            }
            return runs;
        }

        private static String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

}
