package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlattenTest {

    @Test
    void laysMapsOutOneAfterAnother() {
        Matrix first = Matrix.of(new int[][] {{1, 2}, {3, 4}});
        Matrix second = Matrix.of(new int[][] {{5, 6}, {7, 8}});
        FlattenTrace trace = Flatten.trace(List.of(first, second));
        assertThat(trace.vector()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
        FlattenStep fifth = trace.steps().get(4);
        assertThat(fifth.map()).isEqualTo(1);
        assertThat(fifth.cell()).isEqualTo(new Cell(0, 0));
        assertThat(fifth.description(ValueFormat.plain())).isEqualTo("Value 5 comes from map 2, row 1, column 1: 5");
    }

    @Test
    void rejectsNothing() {
        assertThatThrownBy(() -> Flatten.apply(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
