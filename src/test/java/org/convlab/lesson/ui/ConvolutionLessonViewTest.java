package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import java.util.Random;

@Tag("database")
@SpringBootTest
class ConvolutionLessonViewTest extends SpringBrowserlessTest {

    @Test
    void startsWithTheXAndTheFallingDiagonalInNinths() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        AnimationTrace trace = view.animation.trace();
        assertThat(trace.kind()).isEqualTo("convolution");
        assertThat(trace.input().rows()).isEqualTo(9);
        assertThat(trace.output().rows()).isEqualTo(7);
        assertThat(trace.steps()).hasSize(49);
        // The deck's first map starts 7/9 in its top-left corner.
        assertThat(trace.output().labels().getFirst()).isEqualTo("7/9");
        assertThat(trace.steps().getFirst().sum()).startsWith("(").endsWith("/ 9 = 7/9");
        assertThat(trace.steps().getFirst().window()).containsExactly(0, 1, 2, 9, 10, 11, 18, 19, 20);
        assertThat(view.outputSize.getElement().getTextRecursively()).contains("o = floor((9 − 3 + 2·0) / 1) + 1 = 7");
    }

    @Test
    void strideAndPaddingChangeTheOutputAndTheFormulaAtOnce() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        test(view.stride).selectItem("2");
        assertThat(view.animation.trace().output().rows()).isEqualTo(4);
        test(view.padding).selectItem("1");
        AnimationTrace trace = view.animation.trace();
        assertThat(trace.input().rows()).isEqualTo(11);
        assertThat(trace.input().padding()).hasSize(11 * 11 - 81);
        assertThat(trace.output().rows()).isEqualTo(5);
        assertThat(view.outputSize.getElement().getTextRecursively()).contains("o = floor((9 − 3 + 2·1) / 2) + 1 = 5");
        assertThat(view.getElement().getTextRecursively()).contains(".optStride(new Shape(2, 2))",
                ".optPadding(new Shape(1, 1))");
    }

    @Test
    void dilationShowsTheEffectiveKernelAndImpossibleSettingsAreExplained() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        test(view.dilation).selectItem("3");
        assertThat(view.outputSize.getElement().getTextRecursively()).contains("K_eff = 3·(3 − 1) + 1 = 7");
        assertThat(view.animation.trace().output().rows()).isEqualTo(3);
        test(view.stride).selectItem("3");
        test(view.dilation).selectItem("3");
        assertThat(view.problem.isVisible()).isFalse();
        test(view.image).selectItem(ConvolutionLessonView.O);
        assertThat(view.animation.trace().output().rows()).isEqualTo(1);
    }

    @Test
    void clickingCellsEditsTheImageAndTheKernel() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        String before = view.animation.trace().output().labels().getFirst();
        ComponentUtil.fireEvent(view.animation, new MatrixAnimation.CellEditEvent(view.animation, true, "input", 0, 0));
        assertThat(view.input().get(0, 0)).isEqualTo(1);
        assertThat(view.animation.trace().output().labels().getFirst()).isNotEqualTo(before).isEqualTo("1");

        ComponentUtil.fireEvent(view.animation, new MatrixAnimation.CellEditEvent(view.animation, true, "kernel", 0, 1));
        assertThat(view.kernel().get(0, 1)).isZero();
    }

    @Test
    void aRealFashionMnistItemAndAnEdgeKernelGiveA26By26Map() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        test(view.image).selectItem(ConvolutionLessonView.ITEM);
        assertThat(view.kernelChoice.getValue()).isEqualTo(ClassicKernel.VERTICAL_EDGE);
        AnimationTrace trace = view.animation.trace();
        assertThat(trace.input().rows()).isEqualTo(28);
        assertThat(trace.steps()).hasSize(26 * 26);
        assertThat(trace.output().scale().diverging()).isTrue();
        assertThat(view.divide.getValue()).isFalse();
    }

    @Test
    void quizAcceptsTheRightAnswersAndPointsBackOnWrongOnes() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        Quiz quiz = view.quiz;
        assertThat(quiz.questions()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            test(quiz.field(i)).setValue(Formats.plain().format(quiz.questions().get(i).answer()));
        }
        test(quiz.check).click();
        assertThat(quiz.score()).startsWith("3 of 3 right");

        test(quiz.field(0)).setValue(String.valueOf(quiz.questions().get(0).answer() + 1));
        test(quiz.field(1)).setValue("");
        test(quiz.check).click();
        assertThat(quiz.feedback(0)).contains("Not quite", "o = floor(", "How big is the output?");
        assertThat(quiz.feedback(1)).contains("Type a number first");
        assertThat(quiz.score()).isEqualTo("1 of 3 right so far. Answer every question to record your score.");
    }

    @Test
    void questionsUseFreshNumbers() {
        var first = ConvolutionLessonView.questions(new Random(1));
        var second = ConvolutionLessonView.questions(new Random(2));
        assertThat(first).extracting(QuizQuestion::prompt)
                .isNotEqualTo(second.stream().map(QuizQuestion::prompt).toList());
    }
}
