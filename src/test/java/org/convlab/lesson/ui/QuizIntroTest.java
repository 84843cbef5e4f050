package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A question that writes a grid on one line ("[4 9 / 9 3]") comes with a word on how to read it,
 * since its slash is not the fraction slash of "7/9"; a quiz without grids is spared the note.
 */
@Tag("database")
@SpringBootTest
class QuizIntroTest extends SpringBrowserlessTest {

    @Test
    void aQuizWithGridsSaysHowToReadThemAndOneWithoutDoesNot() {
        Quiz pooling = navigate(PoolingLessonView.class).quiz;
        assertThat(pooling.questions()).anyMatch(q -> q.prompt().contains("["));
        assertThat(pooling.intro.getText()).contains("7/9", "[1 2 / 3 4] has the rows 1 2 and 3 4");

        Quiz matrices = navigate(MatricesLessonView.class).quiz;
        assertThat(matrices.questions()).noneMatch(q -> q.prompt().contains("["));
        assertThat(matrices.intro.getText()).contains("7/9").doesNotContain("row by row");
    }
}
