package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.FilterPass;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.lesson.xo.XoRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deck's X/O network built as a real DJL network gives, for every picture of the lesson, exactly
 * the lesson engine's numbers: the three maps after ReLU, both poolings, the 12 values and the vote;
 * and its dense layer scores the deck's own test vector 0.912 for X and 0.5175 for O.
 */
class XoNetworkTest {

    private static final double EXACT = 1e-6;
    private static TrainedModel model;

    @BeforeAll
    static void build() {
        model = XoNetwork.build();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void everyPictureRunsThroughTheNetworkAsThroughTheLessonEngine() {
        NetworkExplainer explain = new NetworkExplainer(model);
        for (Rendition rendition : XoRenditions.all()) {
            XoRun lesson = XoExample.run(rendition.image());
            float[][] outputs = explain.outputs(XoNetwork.pixels(rendition.image()), 5);
            String what = rendition.id();
            assertThat(outputs[1]).as(what + ": conv + ReLU").hasSize(3 * 7 * 7);
            assertThat(outputs[2]).as(what + ": first pooling").hasSize(3 * 4 * 4);
            assertThat(outputs[3]).as(what + ": second pooling").hasSize(3 * 2 * 2);
            for (int f = 0; f < 3; f++) {
                FilterPass pass = lesson.passes().get(f);
                same(outputs[1], f, pass.relu().output(), what + ", filter " + f + " after ReLU");
                same(outputs[2], f, pass.pool().output(), what + ", filter " + f + " pooled once");
                same(outputs[3], f, pass.pool2().output(), what + ", filter " + f + " pooled twice");
            }
            for (int i = 0; i < 12; i++) {
                assertThat((double) outputs[4][i]).as(what + ", value " + i).isCloseTo(lesson.vector().get(i), within(EXACT));
            }
            assertThat((double) outputs[5][0]).as(what + ", X").isCloseTo(lesson.votes().get("X").score(), within(EXACT));
            assertThat((double) outputs[5][1]).as(what + ", O").isCloseTo(lesson.votes().get("O").score(), within(EXACT));
        }
    }

    @Test
    void theCleanLettersWinTheirOwnVote() {
        NetworkExplainer.Overview x = new NetworkExplainer(model).overview(XoNetwork.pixels(XoExample.x().image()));
        NetworkExplainer.Overview o = new NetworkExplainer(model).overview(XoNetwork.pixels(XoExample.o().image()));
        assertThat(x.classNames().get(x.predicted())).isEqualTo("X");
        assertThat(o.classNames().get(o.predicted())).isEqualTo("O");
        assertThat(x.layers().getLast().values()[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void theDenseLayerScoresTheDecksTestVectorAsTheDeckDoes() {
        float[] vector = new float[12];
        for (int i = 0; i < 12; i++) {
            vector[i] = XoExample.DECK_TEST_VECTOR.get(i).floatValue();
        }
        NetworkExplainer explain = new NetworkExplainer(model);
        NeuronTrace.DenseUnit x = explain.traceUnit(vector, XoNetwork.VOTE_LAYER, 0);
        NeuronTrace.DenseUnit o = explain.traceUnit(vector, XoNetwork.VOTE_LAYER, 1);
        assertThat(x.modelValue()).isCloseTo(0.912, within(EXACT));
        assertThat(o.modelValue()).isCloseTo(0.5175, within(EXACT));
        assertThat(x.value()).isCloseTo(XoExample.deckTestVotes().get("X").score(), within(EXACT));
        assertThat(o.value()).isCloseTo(XoExample.deckTestVotes().get("O").score(), within(EXACT));
        // X's five lit positions (1st, 4th, 5th, 10th, 11th) each weigh 1/5, and lead the terms.
        assertThat(x.largest().subList(0, 5)).extracting(NeuronTrace.Contribution::input)
                .containsExactlyInAnyOrder(0, 3, 4, 9, 10);
        assertThat(x.largest().subList(0, 5)).allSatisfy(c -> assertThat(c.weight()).isCloseTo(0.2, within(EXACT)));
        assertThat(x.largest().getFirst().source()).isEqualTo("map 2, row 1, column 1 of layer 3");
        assertThat(x.bias()).isZero();
    }

    @Test
    void theVoteWeightsAreTheMeanOverEachLettersPositions() {
        double[][] weights = XoNetwork.voteWeights();
        assertThat(weights).hasDimensions(2, 12);
        for (int u = 0; u < 2; u++) {
            List<Integer> lit = XoExample.vote().litPositions(XoNetwork.LETTERS.get(u));
            for (int i = 0; i < 12; i++) {
                assertThat(weights[u][i]).isEqualTo(lit.contains(i) ? 1.0 / lit.size() : 0.0);
            }
        }
    }

    @Test
    void aTracedConvCellIsTheLessonsWindowAndFilterDividedByNine() {
        Matrix image = XoExample.x().image();
        NeuronTrace.ConvCell cell = (NeuronTrace.ConvCell) new NetworkExplainer(model)
                .trace(XoNetwork.pixels(image), XoNetwork.CONV_LAYER, 0, 0, 0);
        double lesson = XoExample.x().passes().getFirst().convolution().output().get(0, 0);
        assertThat(cell.value()).isCloseTo(lesson, within(EXACT));
        assertThat(cell.weights()[0][0][0]).isCloseTo(1.0 / 9, within(EXACT));
        assertThat(cell.weights()[0][0][1]).isCloseTo(-1.0 / 9, within(EXACT));
    }

    @Test
    void onlyNineByNinePicturesAndItsOwnDenseLayerAreAccepted() {
        assertThatThrownBy(() -> XoNetwork.pixels(Matrix.filled(8, 9, 1))).hasMessage(
                "the X/O network reads 9×9 images, not 8×9");
        NetworkExplainer explain = new NetworkExplainer(model);
        assertThatThrownBy(() -> explain.traceUnit(new float[11], XoNetwork.VOTE_LAYER, 0))
                .hasMessage("the vector has 11 values; layer 5 reads 12");
        assertThatThrownBy(() -> explain.traceUnit(new float[12], 2, 0)).hasMessageContaining("is not a dense layer");
        assertThatThrownBy(() -> explain.traceUnit(new float[12], XoNetwork.VOTE_LAYER, 2)).hasMessageContaining("unit 0..1");
    }

    private static void same(float[] maps, int filter, Matrix expected, String what) {
        int plane = expected.rows() * expected.cols();
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                assertThat((double) maps[filter * plane + r * expected.cols() + c]).as(what + " at " + r + "," + c)
                        .isCloseTo(expected.get(r, c), within(EXACT));
            }
        }
    }
}
