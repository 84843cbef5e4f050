package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
