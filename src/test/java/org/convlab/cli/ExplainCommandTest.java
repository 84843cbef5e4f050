package org.convlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.DjlRuntime;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelIntrospector;
import org.convlab.training.engine.ModelIntrospector.FeatureMaps;
import org.convlab.training.engine.ModelIntrospector.FilterImages;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code explain --json} against an independent recomputation: the layer's input read as feature
 * maps, the kernel read back from the filter images, and the sum done here, none of it through the
 * explanation's own code.
 */
class ExplainCommandTest {

    /** conv 4 3×3 same → maxpool → conv 6 3×3 (valid) → flatten → dense 10. */
    private static final String TWO_CONVS = """
            {"name": "two-convs", "layers": [
              {"type": "conv2d", "filters": 4, "kernel": 3, "padding": "same", "activation": "relu"},
              {"type": "maxpool", "pool": 2},
              {"type": "conv2d", "filters": 6, "kernel": 3, "activation": "relu"},
              {"type": "flatten"},
              {"type": "dense", "units": 10, "activation": "softmax"}]}
            """;

    @TempDir static Path dir;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        Path spec = dir.resolve("two.json");
        Files.writeString(spec, TWO_CONVS);
        run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--spec", spec.toString(), "--epochs", "1", "--limit", "1000",
                "--device", "cpu", "--out", run.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aConvCellOfLayerThreeMatchesAnIndependentRecomputation() throws Exception {
        int image = 12;
        int filter = 4;
        int row = 5;
        int col = 7;
        CliRun r = CliRun.of("explain", "--model", run.toString(), "--image", "" + image, "--layer", "3",
                "--row", "" + row, "--col", "" + col, "--channel", "" + filter, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = JsonOutput.mapper().readTree(r.out());
        assertThat(json.get("type").asString()).isEqualTo("conv2d");
        assertThat(json.get("activation").asString()).isEqualTo("relu");
        assertThat(json.get("inputs").size()).isEqualTo(4); // one window per input channel
        assertThat(json.get("weights").size()).isEqualTo(4);

        ImageSet test = FashionMnistArrays.test();
        try (TrainedModel model = RunStore.load(run, DjlRuntime.device(DeviceChoice.CPU))) {
            ModelIntrospector look = new ModelIntrospector(model);
            FeatureMaps input = look.featureMaps(2, test.image(image)); // 4 maps of 14×14
            FeatureMaps output = look.featureMaps(3, test.image(image)); // 6 maps of 12×12
            FilterImages kernels = look.filters(3); // scaled to 0..1 over the layer: undo it
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                double channelSum = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double x = input.values()[c][(row + i) * 14 + col + j];
                        double w = kernels.weights()[filter][(c * 3 + i) * 3 + j] * (kernels.max() - kernels.min())
                                + kernels.min();
                        assertThat(json.get("inputs").get(c).get(i).get(j).asDouble()).isCloseTo(x, within(1e-6));
                        assertThat(json.get("weights").get(c).get(i).get(j).asDouble()).isCloseTo(w, within(1e-5));
                        assertThat(json.get("products").get(c).get(i).get(j).asDouble()).isCloseTo(x * w, within(1e-5));
                        channelSum += x * w;
                    }
                }
                assertThat(json.get("channelSums").get(c).asDouble()).isCloseTo(channelSum, within(1e-4));
                sum += channelSum;
            }
            double bias = json.get("bias").asDouble();
            assertThat(json.get("preActivation").asDouble()).isCloseTo(sum + bias, within(1e-4));
            double own = output.values()[filter][row * 12 + col];
            assertThat(json.get("value").asDouble()).isCloseTo(own, within(1e-4)).isCloseTo(Math.max(0, sum + bias),
                    within(1e-4));
        }
    }

    @Test
    void textShowsTheArithmeticAndTheOutputUnitShowsSoftmax() {
        CliRun conv = CliRun.of("explain", "--model", run.toString(), "--image", "0", "--layer", "1", "--row", "0",
                "--col", "0");
        assertThat(conv.exitCode()).as(conv.err()).isZero();
        assertThat(conv.out()).startsWith("Test image 0 (Ankle boot), layer 1 (conv2d), map 0, row 0, column 0:")
                .contains("rows -1..1, columns -1..1", "padding", "sum of products", "+ bias", "relu(",
                        "the network's own value");
        CliRun out = CliRun.of("explain", "--model", run.toString(), "--image", "0", "--layer", "5", "--channel", "9");
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("largest of its 864 input × weight terms", "softmax over the layer's 10 scores",
                "*9 Ankle boot", "probability of unit 9 =");
    }

    @Test
    void impossibleRequestsGetOneLine() {
        assertThat(CliRun.of("explain", "--model", run.toString(), "--image", "10000", "--layer", "1").err())
                .isEqualTo("error: image 10000 does not exist (the test set has images 0..9999)\n");
        assertThat(CliRun.of("explain", "--model", run.toString(), "--image", "0", "--layer", "9").err())
                .isEqualTo("error: layer 9 does not exist (the model has layers 1..5)\n");
        assertThat(CliRun.of("explain", "--model", run.toString(), "--image", "0", "--layer", "3", "--row", "12").err())
                .isEqualTo("error: layer 3 (conv2d_1) has maps of 12×12: choose a row 0..11 and a column 0..11\n");
        assertThat(CliRun.of("explain", "--model", dir.resolve("../nowhere").toString(), "--image", "0", "--layer", "1")
                .err()).startsWith("error: ").contains("is not a ConvLab run folder");
    }
}
