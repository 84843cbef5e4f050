package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Convolution1dTest {

    private static final double[] SIGNAL = {1, 2, 3, 4, 5};

    @Test
    void slidesAlongTheSignal() {
        assertThat(Convolution1d.defaults().apply(SIGNAL, 1, 0, -1)).containsExactly(-2, -2, -2);
    }

    @Test
    void padsBothEndsForSame() {
        Convolution1d same = new Convolution1d(1, ZeroPadding.same(), 1, false);
        assertThat(same.apply(SIGNAL, 1, 0, -1)).containsExactly(-2, -2, -2, -2, 4);
        ConvolutionTrace trace = same.trace(SIGNAL, 1, 0, -1);
        assertThat(trace.paddedInput().rows()).as("only the signal's length is padded").isOne();
        assertThat(trace.description(trace.step(0, 0))).isEqualTo("Output position 1: the kernel covers positions"
                + " 1 to 3 of the padded input. 1 of them is zero padding. The 3 products add up to −2, the output value.");
        Convolution2dTest.assertTraceIsConsistent(trace);
    }

    @Test
    void averagesWhenDividingByKernelSize() {
        Convolution1d movingAverage = new Convolution1d(1, ZeroPadding.valid(), 1, true);
        assertThat(movingAverage.apply(SIGNAL, 1, 1, 1)).containsExactly(2, 3, 4);
    }

    @Test
    void stridesAndDilates() {
        assertThat(new Convolution1d(2, ZeroPadding.valid(), 1, false).apply(SIGNAL, 1, 1)).containsExactly(3, 7);
        assertThat(new Convolution1d(1, ZeroPadding.valid(), 2, false).apply(SIGNAL, 1, 1)).containsExactly(4, 6, 8);
    }

    @Test
    void rejectsAKernelLongerThanTheSignal() {
        assertThatThrownBy(() -> Convolution1d.defaults().apply(new double[] {1, 2}, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("along the signal, the kernel size 3 is larger than the padded input (2 + 0 + 0 = 2)");
        assertThatThrownBy(() -> new Convolution1d(0, ZeroPadding.valid(), 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
    }
}
