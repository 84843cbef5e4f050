package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActivationFunctionTest {

    @Test
    void computesEachFunction() {
        assertThat(ActivationFunction.relu().apply(-2)).isZero();
        assertThat(ActivationFunction.relu().apply(3)).isEqualTo(3);
        assertThat(ActivationFunction.leakyRelu(0.1).apply(-2)).isCloseTo(-0.2, within(1e-12));
        assertThat(ActivationFunction.leakyRelu(0.1).apply(2)).isEqualTo(2);
        assertThat(ActivationFunction.elu(1).apply(-1)).isCloseTo(Math.exp(-1) - 1, within(1e-12));
        assertThat(ActivationFunction.elu(2).apply(5)).isEqualTo(5);
        assertThat(ActivationFunction.tanh().apply(0.5)).isCloseTo(0.46211715726, within(1e-10));
        assertThat(ActivationFunction.sigmoid().apply(0)).isEqualTo(0.5);
        assertThat(ActivationFunction.sigmoid().apply(2)).isCloseTo(0.88079707797, within(1e-10));
    }

    @Test
    void appliesElementWiseAndTracesEveryCell() {
        Matrix input = Matrix.of(new double[][] {{7 / 9.0, -1 / 9.0}, {0, -3 / 9.0}});
        ActivationTrace trace = ActivationFunction.relu().trace(input);
        assertThat(trace.output()).isEqualTo(Matrix.of(new double[][] {{7 / 9.0, 0}, {0, 0}}));
        assertThat(trace.steps()).hasSize(4);
        ActivationStep step = trace.step(0, 1);
        assertThat(step.cell()).isEqualTo(new Cell(0, 1));
        assertThat(step.input()).isEqualTo(-1 / 9.0);
        assertThat(step.output()).isZero();
        assertThat(trace.description(step, ValueFormat.fractionsOf(9)))
                .isEqualTo("Row 1, column 2: ReLU turns −1/9 into 0.");
        assertThat(trace.steps()).allMatch(s -> trace.output().get(s.cell()) == s.output());
    }

    @Test
    void describesItself() {
        assertThat(ActivationFunction.relu().formula()).isEqualTo("max(0, x)");
        assertThat(ActivationFunction.leakyRelu(0.1).label()).isEqualTo("leaky ReLU (α = 0.1)");
        assertThat(ActivationFunction.elu(1).formula()).isEqualTo("x if x > 0, else 1·(eˣ − 1)");
    }

    @Test
    void rejectsBadAlpha() {
        assertThatThrownBy(() -> ActivationFunction.leakyRelu(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> ActivationFunction.elu(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
