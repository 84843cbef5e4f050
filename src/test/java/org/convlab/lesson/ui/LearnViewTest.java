package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest
class LearnViewTest extends SpringBrowserlessTest {

    @Test
    void listsTheLessonsInOrder() {
        LearnView view = navigate(LearnView.class);
        assertThat($(Anchor.class, view).all()).extracting(Anchor::getHref).containsExactly(
                "learn/matrices", "learn/convolution", "learn/relu", "learn/pooling", "learn/x-or-o",
                "learn/stacking", "learn/why-not-dense", "learn/beyond-images", "learn/learning");
    }

    @Test
    void showsStoredProgress() {
        LearnView view = navigate(LearnView.class);
        assertThat(view.badge(Lesson.CONVOLUTION)).isEqualTo("not started");
        view.showProgress(LessonProgress.parse("{\"convolution\":{\"correct\":3,\"total\":3},"
                + "\"relu\":{\"correct\":1,\"total\":3},\"bogus\":1}"));
        assertThat(view.badge(Lesson.CONVOLUTION)).isEqualTo("done · quiz 3/3");
        assertThat(view.badge(Lesson.RELU)).isEqualTo("quiz 1/3 · try again");
        assertThat(view.badge(Lesson.MATRICES)).isEqualTo("not started");
        assertThat(view.summary.getText()).startsWith("1 of 9 lessons done");
        assertThat(LessonProgress.parse("not json")).isEqualTo(Map.of());
    }
}
