package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the parameter calculator reads what a learner types into K, C and F. */
class ParameterCalculatorTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "3|3",
        "' 7 '|7",
        "007|7",
        "10,000|10000",
        "'10 000'|10000",
        "'10\u00A0000'|10000",
        "1|1",
    })
    void readsWholeNumbersAsPeopleTypeThem(String text, int expected) {
        ParameterCalculator.Reading reading = ParameterCalculator.read(text, ParameterCalculator.CHANNELS);
        assertThat(reading.valid()).isTrue();
        assertThat(reading.value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "missing: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "\n"})
    void aMissingNumberSaysWhatToType(String text) {
        assertThat(ParameterCalculator.read(text, ParameterCalculator.KERNEL).error())
                .isEqualTo("The kernel size K is missing: type a whole number from 1 to 99.");
    }

    @ParameterizedTest(name = "not a whole number: \"{0}\"")
    @ValueSource(strings = {"abc", "3.5", "3,5", "1e3", "0x10", "+3", "3 3", "--3", "3-", "½", "٣", "３", "NaN",
        "Infinity", "3px", "1,00", "10,0000", "<b>3</b>", "'; drop table users; --", "3\n3", "∞", "- 3"})
    void anythingButAWholeNumberIsRefusedWithOneLine(String text) {
        ParameterCalculator.Reading reading = ParameterCalculator.read(text, ParameterCalculator.FILTERS);
        assertThat(reading.valid()).isFalse();
        assertThat(reading.value()).isNull();
        assertThat(reading.error()).isEqualTo("The number of filters F must be a whole number from 1 to 10,000, like 3.");
    }

    @ParameterizedTest(name = "too small: \"{0}\"")
    @ValueSource(strings = {"0", "-0", "00", "-1", "−1", "-16", "-99999999999999999999999"})
    void zeroAndNegativesSayWhyAtLeastOne(String text) {
        assertThat(ParameterCalculator.read(text, ParameterCalculator.CHANNELS).error())
                .isEqualTo("The number of input channels C must be at least 1: an image has at least one channel.");
        assertThat(ParameterCalculator.read(text, ParameterCalculator.KERNEL).error())
                .endsWith("must be at least 1: a kernel has at least one cell.");
    }

    @ParameterizedTest(name = "too large: \"{0}\"")
    @ValueSource(strings = {"100", "1,000", "2147483647", "2147483648", "99999999999999999999999999999999999999"})
    void hugeNumbersNameTheLimit(String text) {
        assertThat(ParameterCalculator.read(text, ParameterCalculator.KERNEL).error())
                .isEqualTo("The kernel size K can be at most 99 here.");
    }

    @ParameterizedTest(name = "limits of {0}")
    @CsvSource({"99, 100", "10000, 10001"})
    void theLimitsThemselvesAreAllowed(int max, int beyond) {
        ParameterCalculator.Limit limit = max == 99 ? ParameterCalculator.KERNEL : ParameterCalculator.FILTERS;
        assertThat(ParameterCalculator.read(String.valueOf(max), limit).value()).isEqualTo(max);
        assertThat(ParameterCalculator.read(String.valueOf(beyond), limit).valid()).isFalse();
    }

    @ParameterizedTest(name = "a very long text")
    @ValueSource(ints = {1_000, 100_000})
    void veryLongTextIsRefusedWithoutTrouble(int length) {
        assertThat(ParameterCalculator.read("9".repeat(length), ParameterCalculator.FILTERS).error())
                .isEqualTo("The number of filters F can be at most 10,000 here.");
        assertThat(ParameterCalculator.read("x".repeat(length), ParameterCalculator.FILTERS).valid()).isFalse();
    }
}
