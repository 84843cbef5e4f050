package org.convlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FractionsTest {

    @Test
    void writesNinthsAsFractions() {
        assertThat(Fractions.format(7 / 9.0, 9)).isEqualTo("7/9");
        assertThat(Fractions.format(0.7777777777777778, 9)).isEqualTo("7/9");
        assertThat(Fractions.format(-1 / 9.0, 9)).isEqualTo("-1/9");
        assertThat(Fractions.format(3 / 9.0, 9)).as("not reduced to 1/3").isEqualTo("3/9");
        assertThat(Fractions.format(1.0, 9)).isEqualTo("1");
        assertThat(Fractions.format(-0.0, 9)).isEqualTo("0");
        assertThat(Fractions.format(2.0, 9)).isEqualTo("2");
    }

    @Test
    void fallsBackToDecimalsWhenNotAFraction() {
        assertThat(Fractions.format(0.5, 9)).isEqualTo("0.50");
        assertThat(Fractions.format(0.77, 9)).as("the deck's rounded 0.77 is not 7/9").isEqualTo("0.77");
        assertThat(Fractions.numerator(0.77, 9)).isEmpty();
        assertThat(Fractions.numerator(-5 / 9.0, 9)).hasValue(-5);
        assertThat(Fractions.decimal(-0.001)).isEqualTo("0.00");
    }

    @Test
    void labelsShowFractionAndRoundedDecimal() {
        assertThat(Fractions.label(7 / 9.0, 9)).isEqualTo("7/9 ≈ 0.78");
        assertThat(Fractions.label(-1 / 9.0, 9)).isEqualTo("−1/9 ≈ −0.11");
        assertThat(Fractions.label(1, 9)).isEqualTo("1");
        assertThat(Fractions.label(0.5, 9)).isEqualTo("0.50");
    }

    @Test
    void valueFormatsForDescriptions() {
        assertThat(ValueFormat.plain().format(-1)).isEqualTo("−1");
        assertThat(ValueFormat.plain().format(0.125)).isEqualTo("0.125");
        assertThat(ValueFormat.plain().format(2 / 3.0)).isEqualTo("0.667");
        assertThat(ValueFormat.fractionsOf(9).format(-3 / 9.0)).isEqualTo("−3/9");
        assertThat(ValueFormat.fractionsOf(9).format(0.5)).isEqualTo("0.5");
    }

    @Test
    void rejectsDenominatorBelowOne() {
        assertThatThrownBy(() -> Fractions.format(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
