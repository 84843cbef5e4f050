package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Convolution2dTest {

    private static final Matrix ONE_TO_NINE = Matrix.of(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});

    /** Rows and columns numbered so every cell is distinct: value = 10·row + col. */
    private static Matrix numbered(int size) {
        return Matrix.generate(size, size, (r, c) -> 10 * r + c);
    }

    @Test
    void doesNotFlipTheKernel() {
        Matrix topLeft = Matrix.of(new int[][] {{1, 0}, {0, 0}});
        Matrix output = Convolution2d.defaults().apply(ONE_TO_NINE, topLeft);
        // Cross-correlation reads the cell under the kernel's top-left 1; a flipped kernel would read bottom-right.
        assertThat(output).isEqualTo(Matrix.of(new int[][] {{1, 2}, {4, 5}}));
    }

    @Test
    void sumsProductsUnderTheKernel() {
        Matrix diagonalDifference = Matrix.of(new int[][] {{1, 0}, {0, -1}});
        Matrix output = Convolution2d.defaults().apply(numbered(4), diagonalDifference);
        assertThat(output).isEqualTo(Matrix.filled(3, 3, -11));
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                // input, kernel, stride, padding, dilation, expected output
                Arguments.of(9, 3, 1, ZeroPadding.valid(), 1, 7), // the X/O maps
                Arguments.of(9, 3, 2, ZeroPadding.valid(), 1, 4), // deck 003, strides (2, 2)
                Arguments.of(9, 3, 3, ZeroPadding.valid(), 1, 3), // deck 003, strides (3, 3)
                Arguments.of(28, 3, 1, ZeroPadding.valid(), 1, 26), // the first Conv2D of deck 002
                Arguments.of(5, 3, 1, ZeroPadding.of(1), 1, 5),
                Arguments.of(7, 3, 2, ZeroPadding.of(1), 1, 4),
                Arguments.of(6, 3, 2, ZeroPadding.valid(), 1, 2),
                Arguments.of(7, 3, 1, ZeroPadding.valid(), 2, 3), // K_eff = 5
                Arguments.of(7, 3, 1, ZeroPadding.same(), 2, 7),
                Arguments.of(8, 2, 1, ZeroPadding.same(), 1, 8),
                Arguments.of(7, 3, 2, ZeroPadding.same(), 1, 4));
    }

    @ParameterizedTest(name = "W={0} K={1} S={2} P={3} D={4} -> {5}")
    @MethodSource("sizes")
    void outputSizeFollowsTheFormula(int w, int k, int s, ZeroPadding p, int d, int expected) {
        Convolution2d conv = new Convolution2d(s, p, d, false);
        OutputSize size = conv.outputSize(w, k);
        assertThat(size.output()).isEqualTo(expected);
        int formula = Math.floorDiv(w - size.effectiveKernel() + size.paddingBefore() + size.paddingAfter(), s) + 1;
        assertThat(formula).isEqualTo(expected);

        ConvolutionTrace trace = conv.trace(numbered(w), Matrix.filled(k, k, 1));
        assertThat(trace.output().rows()).isEqualTo(expected);
        assertThat(trace.output().cols()).isEqualTo(expected);
        assertTraceIsConsistent(trace);
    }

    @Test
    void showsTheFormulaWithItsNumbers() {
        OutputSize xo = Convolution2d.defaults().outputSize(9, 3);
        assertThat(xo.formula()).isEqualTo("o = floor((W − K_eff + 2P) / S) + 1");
        assertThat(xo.evaluation()).isEqualTo("o = floor((9 − 3 + 2·0) / 1) + 1 = 7");

        OutputSize dilated = new Convolution2d(2, ZeroPadding.of(1), 2, false).outputSize(9, 3);
        assertThat(dilated.effectiveKernelEvaluation()).isEqualTo("K_eff = 2·(3 − 1) + 1 = 5");
        assertThat(dilated.evaluation()).isEqualTo("o = floor((9 − 5 + 2·1) / 2) + 1 = 4");

        OutputSize uneven = Convolution2d.defaults().withPadding(ZeroPadding.same()).outputSize(8, 2);
        assertThat(uneven.paddingBefore()).isZero();
        assertThat(uneven.paddingAfter()).isOne();
        assertThat(uneven.formula()).isEqualTo("o = floor((W − K_eff + P_before + P_after) / S) + 1");
        assertThat(uneven.evaluation()).isEqualTo("o = floor((8 − 2 + 0 + 1) / 1) + 1 = 8");
    }

    @Test
    void padsWithZerosAndMarksPaddingCells() {
        ConvolutionTrace trace = Convolution2d.defaults()
                .withPadding(ZeroPadding.of(1))
                .trace(Matrix.filled(3, 3, 1), Matrix.filled(3, 3, 1));
        assertThat(trace.output()).isEqualTo(Matrix.of(new int[][] {{4, 6, 4}, {6, 9, 6}, {4, 6, 4}}));
        assertThat(trace.paddedInput().rows()).isEqualTo(5);

        ConvolutionStep corner = trace.step(0, 0);
        assertThat(corner.window()).isEqualTo(new Cell(0, 0));
        assertThat(corner.paddingCells())
                .containsExactly(new Cell(0, 0), new Cell(0, 1), new Cell(0, 2), new Cell(1, 0), new Cell(2, 0));
        assertThat(corner.paddingCells()).allMatch(trace::isPadding);
        assertThat(trace.step(1, 1).paddingCells()).isEmpty();
        assertThat(trace.description(corner)).isEqualTo("Output row 1, column 1: the kernel covers rows 1 to 3,"
                + " columns 1 to 3 of the padded input. 5 of them are zero padding. The 9 products add up to 4,"
                + " the output value.");
        assertTraceIsConsistent(trace);
    }

    @Test
    void spreadsKernelCellsWithDilation() {
        ConvolutionTrace trace = Convolution2d.defaults().withDilation(2).trace(numbered(5), Matrix.filled(2, 2, 1));
        ConvolutionStep first = trace.step(0, 0);
        assertThat(first.taps()).containsExactly(new Cell(0, 0), new Cell(0, 2), new Cell(2, 0), new Cell(2, 2));
        assertThat(first.result()).isEqualTo(0 + 2 + 20 + 22);
        assertThat(trace.output().rows()).isEqualTo(3);
        assertThat(trace.description(first)).contains("rows 1 to 3, columns 1 to 3 of the input, its cells 2 apart");
        assertTraceIsConsistent(trace);
    }

    @Test
    void strideSkipsPositions() {
        Matrix input = numbered(7);
        Matrix kernel = Matrix.of(new int[][] {{1, -1, 0}, {0, 2, 0}, {1, 0, -3}});
        Matrix full = Convolution2d.defaults().apply(input, kernel);
        Matrix strided = Convolution2d.defaults().withStride(2).apply(input, kernel);
        assertThat(strided).isEqualTo(Matrix.generate(3, 3, (r, c) -> full.get(2 * r, 2 * c)));
    }

    @Test
    void dividesByTheNumberOfKernelCellsAndWritesTheSumOut() {
        ConvolutionTrace trace = Convolution2d.defaults().dividedByKernelSize()
                .trace(ONE_TO_NINE, Matrix.of(new int[][] {{1, -1}, {-1, 1}}));
        ConvolutionStep step = trace.step(0, 0);
        assertThat(step.divisor()).isEqualTo(4);
        assertThat(step.sum()).isZero();
        assertThat(trace.step(1, 1).writtenSum()).isEqualTo("(5·1 + 6·(−1) + 8·(−1) + 9·1) / 4 = 0");
        Matrix threeAndFour = Matrix.of(new int[][] {{3, 4}});
        ConvolutionStep quarter = Convolution2d.defaults().dividedByKernelSize()
                .trace(threeAndFour, Matrix.of(new int[][] {{1, -1}}))
                .step(0, 0);
        assertThat(quarter.writtenSum()).isEqualTo("(3·1 + 4·(−1)) / 2 = −1/2");
        assertTraceIsConsistent(trace);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> Convolution2d.defaults().withStride(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stride must be at least 1, got 0");
        assertThatThrownBy(() -> Convolution2d.defaults().withDilation(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dilation must be at least 1, got 0");
        assertThatThrownBy(() -> ZeroPadding.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding must be 0 or more, got -1");
        assertThatThrownBy(() -> Convolution2d.defaults().apply(ONE_TO_NINE, Matrix.filled(4, 4, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("along the rows, the kernel size 4 is larger than the padded input (3 + 0 + 0 = 3)");
        assertThatThrownBy(() -> Convolution2d.defaults().withDilation(2).apply(ONE_TO_NINE, Matrix.filled(1, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("along the columns, the effective kernel size 5 (size 3, dilation 2)");
        // With enough padding the same kernel fits.
        assertThat(Convolution2d.defaults().withPadding(ZeroPadding.same())
                .apply(ONE_TO_NINE, Matrix.filled(4, 4, 1)).rows())
                .isEqualTo(3);
    }

    /** Every step's numbers agree with each other and with the output map. */
    static void assertTraceIsConsistent(ConvolutionTrace trace) {
        List<ConvolutionStep> steps = trace.steps();
        assertThat(steps).hasSize(trace.output().size());
        for (ConvolutionStep step : steps) {
            Matrix k = step.kernel();
            for (int i = 0; i < k.rows(); i++) {
                for (int j = 0; j < k.cols(); j++) {
                    Cell tap = step.taps().get(i * k.cols() + j);
                    assertThat(step.inputValues().get(i, j)).isEqualTo(trace.paddedInput().get(tap));
                    assertThat(step.products().get(i, j)).isEqualTo(step.inputValues().get(i, j) * k.get(i, j));
                }
            }
            assertThat(step.products().sum()).isCloseTo(step.sum(), within(1e-12));
            assertThat(step.result() * step.divisor()).isCloseTo(step.sum(), within(1e-12));
            assertThat(trace.output().get(step.output())).isEqualTo(step.result());
            assertThat(step.paddingCells()).allMatch(trace::isPadding).allMatch(c -> step.taps().contains(c));
        }
    }
}
