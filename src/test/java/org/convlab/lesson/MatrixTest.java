package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private final Matrix m = Matrix.of(new double[][] {{1, -2, 3}, {4, 5, -6}});

    @Test
    void holdsValuesRowMajor() {
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.get(1, 2)).isEqualTo(-6);
        assertThat(m.get(new Cell(0, 1))).isEqualTo(-2);
        assertThat(m.values()).containsExactly(1.0, -2.0, 3.0, 4.0, 5.0, -6.0);
        assertThat(m.sum()).isEqualTo(5);
    }

    @Test
    void isImmutable() {
        double[][] source = {{1, 2}, {3, 4}};
        Matrix copy = Matrix.of(source);
        source[0][0] = 99;
        copy.toArray()[0][1] = 99;
        assertThat(copy.get(0, 0)).isEqualTo(1);
        assertThat(copy.get(0, 1)).isEqualTo(2);
    }

    @Test
    void comparesExactlyOrWithinTolerance() {
        Matrix nearly = m.map(v -> v + 1e-7);
        assertThat(nearly).isNotEqualTo(m);
        assertThat(nearly.isCloseTo(m, 1e-6)).isTrue();
        assertThat(nearly.isCloseTo(m, 1e-8)).isFalse();
        assertThat(Matrix.of(new int[][] {{1, -2, 3}, {4, 5, -6}})).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(m.isCloseTo(Matrix.filled(3, 2, 0), 100)).isFalse();
    }

    @Test
    void cutsWindows() {
        assertThat(m.window(0, 1, 2, 2)).isEqualTo(Matrix.of(new int[][] {{-2, 3}, {5, -6}}));
        assertThatThrownBy(() -> m.window(1, 1, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAlignedColumns() {
        assertThat(m.toString()).isEqualTo(" 1.00  -2.00   3.00\n 4.00   5.00  -6.00");
        Matrix ninths = Matrix.of(new double[][] {{7 / 9.0, -1 / 9.0}, {1, 0}});
        assertThat(ninths.format(v -> Fractions.format(v, 9))).isEqualTo(" 7/9  -1/9\n   1     0");
    }

    @Test
    void rejectsEmptyOrRaggedInput() {
        assertThatThrownBy(() -> Matrix.of(new double[0][0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Matrix.of(new int[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found a row with 1");
        assertThatThrownBy(() -> m.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
