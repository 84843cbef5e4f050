package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a learner types in a quiz field: numbers in the usual ways count, anything else is no answer. */
class AnswerParserTest {

    @Test
    void numbersAreReadTheWaysPeopleWriteThem() {
        assertThat(AnswerParser.parse("4")).hasValue(4);
        assertThat(AnswerParser.parse(" 0.5 ")).hasValue(0.5);
        assertThat(AnswerParser.parse("0,5")).hasValue(0.5);
        assertThat(AnswerParser.parse("7/9")).hasValue(7 / 9.0);
        assertThat(AnswerParser.parse("485,514")).hasValue(485_514);
        assertThat(AnswerParser.parse("485 514")).hasValue(485_514);
        assertThat(AnswerParser.parse("−2.5")).hasValue(-2.5);
        assertThat(AnswerParser.parse(".5")).hasValue(0.5);
        assertThat(AnswerParser.parse("137/255")).hasValue(137 / 255.0);
    }

    /**
     * A German or Spanish learner writes "0,5" and groups thousands with points; the page's language
     * settles only the one ambiguous case (a single separator before three digits).
     */
    @Test
    void aGermanOrSpanishPageReadsCommaDecimalsAndPointThousands() {
        for (Locale locale : new Locale[] {Locale.GERMAN, Locale.of("es")}) {
            assertThat(AnswerParser.parse("0,5", locale)).as(locale.toString()).hasValue(0.5);
            assertThat(AnswerParser.parse("0.5", locale)).as(locale.toString()).hasValue(0.5);
            assertThat(AnswerParser.parse("−0,25", locale)).as(locale.toString()).hasValue(-0.25);
            assertThat(AnswerParser.parse("0,125", locale)).as(locale.toString()).hasValue(0.125);
            assertThat(AnswerParser.parse("485.514", locale)).as(locale.toString()).hasValue(485_514);
            assertThat(AnswerParser.parse("1.234,5", locale)).as(locale.toString()).hasValue(1234.5);
            assertThat(AnswerParser.parse("485,514", locale)).as(locale.toString()).hasValue(485.514);
            assertThat(AnswerParser.parse("7/9", locale)).as(locale.toString()).hasValue(7 / 9.0);
            assertThat(AnswerParser.parse("1,2,3", locale)).as(locale.toString()).isEmpty();
            assertThat(AnswerParser.parse("1.2.3", locale)).as(locale.toString()).isEmpty();
        }
        // On an English page a number that starts with 0 has no thousands: "0,125" is an eighth, not 125.
        assertThat(AnswerParser.parse("0,125")).hasValue(0.125);
        assertThat(AnswerParser.parse("1.234,5")).hasValue(1234.5);
    }

    /** None of these may be marked wrong (which would show the worked answer): they are not answers. */
    @Test
    void anythingElseIsNoAnswer() {
        for (String typed : new String[] {null, "", "   ", "abc", "NaN", "-NaN", "Infinity", "-Infinity", "0x1p3",
                "3d", "3f", "1e400", "1e5", "1/0", "0/0", "7/", "/9", "--3", "3-", "1.2.3", "½", "3 4/", "4%",
                "4 cm", "1,2,3", "9".repeat(101)}) {
            assertThat(AnswerParser.parse(typed)).as(String.valueOf(typed)).isEmpty();
        }
    }
}
