package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonProgressTest {

    /** A guest's browser storage is read as the account import reads it: impossible scores are not shown. */
    @Test
    void malformedOrImpossibleScoresInTheBrowserAreSkipped() {
        assertThat(LessonProgress.parse("""
                {"relu": {"correct": 9, "total": 3},
                 "pooling": {"correct": "2", "total": 3},
                 "matrices": {"correct": 1, "total": 0},
                 "convolution": {"correct": -1, "total": 3},
                 "stacking": {"correct": 1.5, "total": 3}}""")).isEmpty();
        assertThat(LessonProgress.parse("{\"relu\": {\"correct\": 2, \"total\": 3}}"))
                .isEqualTo(Map.of(Lesson.RELU, new LessonProgress.Entry(2, 3)));
        assertThat(LessonProgress.parse("[1, 2]")).isEmpty();
        assertThat(LessonProgress.parse(null)).isEmpty();
    }
}
