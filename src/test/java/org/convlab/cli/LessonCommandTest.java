package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LessonCommandTest {

    @Test
    void xoJsonHoldsTheWholePipeline() {
        CliRun result = CliRun.of("lesson", "xo", "--json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();

        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        List<String> keys = new ArrayList<>(json.propertyNames());
        assertThat(keys).startsWith("image", "filters", "vector", "votes");
        assertThat(json.get("image")).hasSize(9);
        assertThat(json.get("image").get(1).get(1).asDouble()).isEqualTo(1);

        JsonNode filters = json.get("filters");
        assertThat(filters).hasSize(3);
        JsonNode diagonal = filters.get(0);
        assertThat(diagonal.get("name").asString()).isEqualTo("falling diagonal");
        assertThat(diagonal.get("kernel").get(0).get(1).asDouble()).isEqualTo(-1);
        assertThat(diagonal.get("conv")).hasSize(7);
        assertThat(diagonal.get("conv").get(0).get(0).asDouble()).isCloseTo(7 / 9.0, within(1e-12));
        assertThat(diagonal.get("relu").get(0).get(1).asDouble()).isZero();
        assertThat(diagonal.get("pool")).hasSize(4);
        assertThat(diagonal.get("pool2")).hasSize(2);
        assertThat(diagonal.get("fractions").get("conv").get(0).get(0).asString()).isEqualTo("7/9");
        assertThat(diagonal.get("fractions").get("conv").get(0).get(1).asString()).isEqualTo("-1/9");

        assertThat(json.get("vector")).hasSize(12);
        assertThat(json.get("vector").get(1).asDouble()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(json.get("votes").get("X").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(json.get("votes").get("O").asDouble()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(json.get("deckTest").get("votes").get("X").asDouble()).isCloseTo(0.912, within(1e-9));
    }

    @Test
    void xoTextShowsNinths() {
        CliRun result = CliRun.of("lesson", "xo");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Convolution, each sum divided by 9 (7x7):")
                .contains(" 7/9  -1/9   1/9   3/9   5/9  -1/9   3/9")
                .contains("X: positions 1, 4, 5, 10, 11 -> 1 = 1.0000")
                .contains("X: positions 1, 4, 5, 10, 11 -> 0.9120")
                .contains("O: positions 2, 3, 9, 12 -> 0.5175");
    }

    @Test
    void otherImagesAndUnknownOnes() {
        CliRun o = CliRun.of("lesson", "xo", "--image", "o", "--json");
        JsonNode json = JsonMapper.builder().build().readTree(o.out());
        assertThat(json.get("votes").get("O").asDouble()).isCloseTo(1, within(1e-12));

        CliRun unknown = CliRun.of("lesson", "xo", "--image", "z");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error: no image 'z'");
    }
}
