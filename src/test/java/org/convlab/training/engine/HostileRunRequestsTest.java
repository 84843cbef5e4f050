package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile run requests (src/test/resources/hostile/run-requests.tsv), each parsed and
 * checked the way every way in does (RunRequestJson, then RunPlan): each is refused with one line
 * that names the problem, with no stack trace and no server path. RunsApiHostileTest sends the same
 * corpus through the API and checks nothing is queued.
 */
public class HostileRunRequestsTest {

    /** The server's default limits on a 2-core machine, fixed so the messages do not depend on this one. */
    static final ModelLimits LIMITS = new ModelLimits(5_000_000L, 40, 100, 2, 4096, 2048);

    public record Case(String body, String phrase) {
        @Override
        public String toString() {
            return body.length() > 90 ? body.substring(0, 89) + "…" : body;
        }
    }

    public static List<Case> corpus() {
        try (var in = Objects.requireNonNull(HostileRunRequestsTest.class.getResourceAsStream("/hostile/run-requests.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .map(parts -> new Case(parts[0], parts[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Case> cases() {
        return corpus().stream();
    }

    /** What a learner gets for this body: the one-line refusal. */
    static String refusal(String body) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> {
            RunRequestJson request = RunRequestJson.parse(body);
            RunPlan.check(request.spec(), request.hyperparameters(), LIMITS);
        });
        assertThat(e).as("refused: " + body).isNotNull();
        return e.oneLine();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachHostileRequestIsRefusedWithOneClearLine(Case c) {
        String line = refusal(c.body());
        assertThat(line).contains(c.phrase());
        assertOneCleanLine(line);
    }

    public static void assertOneCleanLine(String line) {
        assertThat(line).doesNotContain("\n").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("tools.jackson").doesNotContain("java.").doesNotContain("/work/").doesNotContain("/tmp/")
                .doesNotContain("null:");
        assertThat(line.length()).isLessThan(800);
    }

    @org.junit.jupiter.api.Test
    void theCorpusIsLargeAndEveryRowDiffers() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(90);
        assertThat(corpus().stream().map(Case::body).distinct().count()).isEqualTo(corpus().size());
    }

    @org.junit.jupiter.api.Test
    void printRefusals() {
        if (System.getProperty("print.refusals") != null) {
            corpus().forEach(c -> System.out.println("REFUSAL " + refusal(c.body())));
        }
    }

    @org.junit.jupiter.api.Test
    void settingsGivenInPartKeepTheRestAndHarmlessRequestsPass() {
        RunRequestJson request = RunRequestJson.parse(
                "{\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":2,\"augmentation\":{\"rotationDegrees\":10}}}");
        RunPlan plan = RunPlan.check(request.spec(), request.hyperparameters(), LIMITS);
        assertThat(plan.hyperparameters().epochs()).isEqualTo(2);
        assertThat(plan.hyperparameters().augmentation()).isEqualTo(new Augmentation(10, 0, false));
        assertThat(plan.hyperparameters().batchSize()).isEqualTo(Hyperparameters.defaults().batchSize());
        // A name of 100 characters (the longest allowed) and threads within the cores pass.
        String name = "n".repeat(100);
        RunRequestJson named = RunRequestJson.parse("{\"spec\":{\"name\":\"" + name + "\",\"layers\":"
                + "[{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":10}]},\"hyperparameters\":{\"threads\":2}}");
        assertThat(RunPlan.check(named.spec(), named.hyperparameters(), LIMITS).model().spec().name()).isEqualTo(name);
    }
}
