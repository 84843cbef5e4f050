package org.convlab.lesson.softmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.convlab.lesson.Matrix;
import org.junit.jupiter.api.Test;

class GradientDescentStepTest {

    private static final double CLOSE = 1e-6;

    private final GradientStepTrace step = SoftmaxLesson.example();

    @Test
    void softmaxOfTheLessonLogits() {
        SoftmaxTrace before = step.before();
        assertThat(before.logits().get(0)).isCloseTo(2.0, within(1e-12));
        assertThat(before.logits().get(1)).isCloseTo(1.0, within(1e-12));
        assertThat(before.logits().get(2)).isCloseTo(0.1, within(1e-12));
        assertThat(before.maxLogit()).isEqualTo(2.0);
        assertThat(before.exponentials().get(1)).isCloseTo(Math.exp(-1), within(CLOSE));
        assertThat(before.exponentialSum()).isCloseTo(1.517448, within(CLOSE));
        assertThat(before.probabilities().get(0)).isCloseTo(0.659001, within(CLOSE));
        assertThat(before.probabilities().get(1)).isCloseTo(0.242433, within(CLOSE));
        assertThat(before.probabilities().get(2)).isCloseTo(0.098566, within(CLOSE));
        assertThat(before.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(before.loss()).isCloseTo(0.417030, within(CLOSE));
    }

    @Test
    void oneStepMovesTheWeightsAgainstTheGradient() {
        assertThat(step.logitGradient().get(0)).isCloseTo(-0.340999, within(CLOSE));
        assertThat(step.weightGradient().get(0, 1)).isCloseTo(2 * -0.340999, within(CLOSE));
        assertThat(step.newWeights().isCloseTo(Matrix.of(new double[][] {
            {0.570499, 1.140999},
            {0.078784, 0.157567},
            {0.450717, -0.298566}
        }), CLOSE)).isTrue();
        assertThat(step.newBiases().get(0)).isCloseTo(0.170499, within(CLOSE));
        assertThat(step.after().loss()).isCloseTo(0.098864, within(CLOSE));
        assertThat(step.after().probabilities().get(0)).isCloseTo(0.905866, within(CLOSE));
    }

    @Test
    void explainsItselfWithTheSameNumbers() {
        assertThat(step.before().explanation().get(3))
                .isEqualTo("The loss is minus the natural log of the true class's probability: −ln(0.659) = 0.417.");
        assertThat(step.explanation().getLast()).isEqualTo(
                "The loss goes from 0.417 to 0.099; the true class's probability from 0.659 to 0.906.");
    }

    @Test
    void shiftingLogitsChangesNoProbability() {
        List<Double> shifted = Softmax.trace(List.of(1002.0, 1001.0, 1000.1), 0).probabilities();
        for (int i = 0; i < 3; i++) {
            assertThat(shifted.get(i)).isCloseTo(step.before().probabilities().get(i), within(1e-9));
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> GradientDescentStep.run(List.of(1.0), SoftmaxLesson.WEIGHTS, SoftmaxLesson.BIASES, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classes × inputs");
        assertThatThrownBy(() -> Softmax.trace(List.of(1.0, 2.0), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientDescentStep.run(
                        SoftmaxLesson.INPUTS, SoftmaxLesson.WEIGHTS, SoftmaxLesson.BIASES, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
    }
}
