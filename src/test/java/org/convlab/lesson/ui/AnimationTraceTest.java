package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;
import org.junit.jupiter.api.Test;

class AnimationTraceTest {

    /**
     * Lesson 3 says negative is blue and positive orange: a positive value keeps its orange after
     * ReLU (it used to turn viridis green, since the output has no negatives left).
     */
    @Test
    void anActivationColoursItsOutputWithItsInputsScale() {
        Matrix input = Matrix.of(new double[][] {{-2, 1}, {3, -0.5}});
        AnimationTrace relu = AnimationTrace.activation(ActivationFunction.relu().trace(input), ValueFormat.plain());
        assertThat(relu.output().values()).allMatch(v -> v >= 0);
        assertThat(relu.output().scale()).isEqualTo(relu.input().scale());
        assertThat(relu.output().scale().diverging()).isTrue();
    }
}
