package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which lesson the home page offers a returning learner. */
class NextLessonNoteTest {

    private static final LessonProgress.Entry DONE = new LessonProgress.Entry(3, 3);
    private static final LessonProgress.Entry TRIED = new LessonProgress.Entry(1, 3);

    @Test
    void nothingBeforeTheFirstQuiz() {
        assertThat(NextLessonNote.next(Map.of())).isEmpty();
    }

    @Test
    void theFirstLessonNotDoneYet() {
        Map<Lesson, LessonProgress.Entry> progress = new LinkedHashMap<>();
        progress.put(Lesson.MATRICES, DONE);
        progress.put(Lesson.CONVOLUTION, DONE);
        progress.put(Lesson.RELU, DONE);
        assertThat(NextLessonNote.next(progress)).contains(Lesson.POOLING);
        progress.put(Lesson.POOLING, TRIED);
        assertThat(NextLessonNote.next(progress)).as("a quiz with mistakes is not done").contains(Lesson.POOLING);
        progress.put(Lesson.MATRICES, TRIED);
        assertThat(NextLessonNote.next(progress)).contains(Lesson.MATRICES);
    }

    @Test
    void nothingOnceEveryLessonIsDone() {
        Map<Lesson, LessonProgress.Entry> progress = new LinkedHashMap<>();
        for (Lesson lesson : Lesson.values()) {
            progress.put(lesson, DONE);
        }
        assertThat(NextLessonNote.next(progress)).isEmpty();
    }
}
