package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorScaleTest {

    /** WCAG 2.1 AA asks 4.5:1 for normal text; the cell labels are small text. */
    @Test
    void everyValueIsWrittenInAColourThatContrastsAtLeastFourAndAHalfToOne() {
        ColorScale scale = new ColorScale(0, 1);
        for (int i = 0; i <= 1000; i++) {
            double value = i / 1000.0;
            int[] text = scale.textColor(value).equals("#000") ? new int[] {0, 0, 0} : new int[] {255, 255, 255};
            double a = ColorScale.relativeLuminance(scale.rgb(value));
            double b = ColorScale.relativeLuminance(text);
            double contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            assertThat(contrast).as("text on %s", scale.color(value)).isGreaterThanOrEqualTo(4.5);
        }
    }
}
