package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolingTest {

    private static Matrix numbered(int size) {
        return Matrix.generate(size, size, (r, c) -> 10 * r + c);
    }

    @Test
    void floorDropsThePartialWindowLikeKeras() {
        Pooling keras = Pooling.max(2, 2, EdgeRule.FLOOR);
        assertThat(keras.outputSize(11).output()).isEqualTo(5);
        assertThat(keras.outputSize(11).evaluation()).isEqualTo("o = floor((11 − 2) / 2) + 1 = 5");
        assertThat(keras.apply(numbered(11)).rows()).isEqualTo(5);
        assertThat(keras.outputSize(26).output()).isEqualTo(13);
    }

    @Test
    void coverKeepsThePartialWindowLikeTheDeck() {
        Pooling deck = Pooling.max(2, 2, EdgeRule.COVER);
        assertThat(deck.outputSize(7).output()).isEqualTo(4);
        assertThat(deck.outputSize(7).evaluation()).isEqualTo("o = ceil((7 − 2) / 2) + 1 = 4");
        assertThat(deck.outputSize(4).output()).isEqualTo(2);
        assertThat(deck.outputSize(11).output()).isEqualTo(6);

        PoolingTrace trace = deck.trace(numbered(7));
        assertThat(trace.output().rows()).isEqualTo(4);
        PoolingStep corner = trace.step(3, 3);
        assertThat(corner.values()).isEqualTo(Matrix.of(new int[][] {{66}}));
        assertThat(trace.isPartial(corner)).isTrue();
        assertThat(trace.isPartial(trace.step(0, 0))).isFalse();
        assertThat(trace.step(0, 3).cells()).containsExactly(new Cell(0, 6), new Cell(1, 6));
    }

    @Test
    void coverNeverStartsAWindowPastTheEdge() {
        PoolingOutputSize size = Pooling.max(2, 3, EdgeRule.COVER).outputSize(6);
        assertThat(size.output()).isEqualTo(2);
        assertThat(size.evaluation())
                .isEqualTo("o = ceil((6 − 2) / 3) + 1 = 3, less the window that would start past the edge: 2");
        assertThat(Pooling.max(3, 1, EdgeRule.COVER).outputSize(7).output()).isEqualTo(5);
    }

    @Test
    void maxPicksTheLargestAndSaysWhere() {
        Matrix input = Matrix.of(new double[][] {{7 / 9.0, 0}, {0, 1}});
        PoolingTrace trace = Pooling.max(2, 2, EdgeRule.FLOOR).trace(input);
        PoolingStep step = trace.step(0, 0);
        assertThat(step.result()).isEqualTo(1);
        assertThat(step.picked()).isEqualTo(new Cell(1, 1));
        assertThat(trace.description(step, ValueFormat.fractionsOf(9))).isEqualTo("Output row 1, column 1: the window"
                + " covers rows 1 to 2, columns 1 to 2 and holds 7/9, 0, 0, 1. The largest, 1, is at row 2, column 2.");
    }

    @Test
    void tiesGoToTheFirstCellInReadingOrder() {
        PoolingStep step = Pooling.max(2, 2, EdgeRule.FLOOR).trace(Matrix.filled(2, 2, 5)).step(0, 0);
        assertThat(step.picked()).isEqualTo(new Cell(0, 0));
    }

    @Test
    void averageTakesTheMeanOfWhatIsInside() {
        PoolingTrace trace = Pooling.average(2, 2, EdgeRule.COVER).trace(numbered(3));
        assertThat(trace.output()).isEqualTo(Matrix.of(new double[][] {{5.5, 7}, {20.5, 22}}));
        PoolingStep step = trace.step(0, 1);
        assertThat(step.picked()).isNull();
        assertThat(trace.description(step)).endsWith("holds 2, 12. The mean is (2 + 12) / 2 = 7.")
                .contains("(a partial window at the edge)");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> Pooling.max(0, 2, EdgeRule.FLOOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pooling window must be at least 1, got 0");
        assertThatThrownBy(() -> Pooling.max(2, 0, EdgeRule.FLOOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stride must be at least 1, got 0");
        assertThatThrownBy(() -> Pooling.max(3, 3, EdgeRule.FLOOR).apply(numbered(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window 3 is larger than the input 2");
        assertThat(Pooling.max(3, 3, EdgeRule.COVER).apply(numbered(2))).isEqualTo(Matrix.of(new int[][] {{11}}));
    }
}
