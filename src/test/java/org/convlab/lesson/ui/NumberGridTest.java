package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import org.convlab.base.ui.ColorScale;
import org.convlab.lesson.Matrix;
import org.junit.jupiter.api.Test;

class NumberGridTest {

    /** A small map (the X/O 2×2, a 3×3 output) keeps readable numbers on a tablet; a picture's 28 columns may not. */
    @Test
    void aSmallGridKeepsItsNumbersReadableAndAPictureDoesNot() {
        assertThat(cells(new NumberGrid("2×2", Matrix.of(new int[2][2]), Formats.plain(), new ColorScale(0, 1)))
                .hasClassName("few-columns")).isTrue();
        assertThat(cells(new NumberGrid("28×28", Matrix.of(new int[28][28]), Formats.plain(), new ColorScale(0, 255)))
                .hasClassName("few-columns")).isFalse();
    }

    private static Div cells(NumberGrid grid) {
        return (Div) grid.getChildren().filter(c -> c.getElement().getClassList().contains("number-grid")).findFirst()
                .orElseThrow();
    }
}
