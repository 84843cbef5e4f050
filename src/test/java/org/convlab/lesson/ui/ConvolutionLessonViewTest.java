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
        QuizAnswers.answerAllRight(quiz);
        int total = QuizAnswers.total(quiz);
        test(quiz.check).click();
        assertThat(quiz.score()).isEqualTo(total + " of " + total + " right. Lesson done!");

        test(quiz.field(0)).setValue(String.valueOf(quiz.questions().get(0).answer() + 1));
        test(quiz.field(1)).setValue("");
        test(quiz.check).click();
        assertThat(quiz.feedback(0)).contains("Not quite", "o = floor(", "How big is the output?");
        assertThat(quiz.feedback(1)).contains("Type a number first");
        assertThat(quiz.score()).isEqualTo((total - 2) + " of " + total
                + " right so far. Answer every question to record your score.");
    }

    @Test
    void questionsUseFreshNumbers() {
        var first = ConvolutionLessonView.questions(new Random(1));
        var second = ConvolutionLessonView.questions(new Random(2));
        assertThat(first).extracting(QuizQuestion::prompt)
                .isNotEqualTo(second.stream().map(QuizQuestion::prompt).toList());
    }

    @Test
    void theColourImageShowsEachChannelAndAddsTheirSumsWithTheBias() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        RgbConvolution rgb = view.rgb;
        assertThat(rgb.animations).hasSize(3);
        AnimationTrace red = rgb.animations.getFirst().trace();
        assertThat(red.input().title()).isEqualTo("Red channel 5×5");
        assertThat(red.kernel().title()).isEqualTo("Red slice of the kernel 3×3");
        assertThat(red.output().labels()).containsExactly("3", "6", "0", "0", "3", "5", "3", "0", "4");
        assertThat(red.steps().getFirst().sum()).isEqualTo("1·1 + 2·0 + 0·0 + 0·0 + 1·1 + 2·0 + 1·0 + 0·0 + 1·1 = 3");
        assertThat(red.steps().getFirst().description()).startsWith("Red channel. Output row 1, column 1:");
        assertThat(rgb.animations.get(1).trace().output().labels())
                .containsExactly("3", "2", "−1", "−2", "0", "2", "3", "0", "1");
        assertThat(rgb.animations.get(2).trace().kernel().title()).isEqualTo("Blue slice of the kernel 3×3");

        // Every output cell is written out with its real numbers, and the one output map holds the totals.
        assertThat(rgb.allSums.getChildren().map(c -> c.getElement().getText())).hasSize(9)
                .startsWith("Row 1, column 1: red 3 + green 3 + blue 0 + bias 1 = 7",
                        "Row 1, column 2: red 6 + green 2 + blue −1 + bias 1 = 8",
                        "Row 1, column 3: red 0 + green −1 + blue −1 + bias 1 = −1");
        assertThat(rgb.outputMap.labels()).containsExactly("7", "8", "−1", "0", "5", "6", "6", "3", "6");

        // Stepping walks the output cells; the sum and the screen-reader sentence follow.
        assertThat(rgb.currentSum.getText()).isEqualTo("red 3 + green 3 + blue 0 + bias 1 = 7");
        assertThat(rgb.previous.isEnabled()).isFalse();
        test(rgb.next).click();
        test(rgb.next).click();
        assertThat(rgb.index()).isEqualTo(2);
        assertThat(rgb.position.getText()).isEqualTo("Output cell 3 of 9");
        assertThat(rgb.currentSum.getText()).isEqualTo("red 0 + green −1 + blue −1 + bias 1 = −1");
        assertThat(rgb.description.getText()).isEqualTo("Output row 1, column 3: the red slice gives 0, the green "
                + "slice gives −1 and the blue slice gives −1; with the bias 1 they add up to −1.");
        assertThat(rgb.description.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(rgb.allSums.getComponentAt(2).getElement().getAttribute("aria-current")).isEqualTo("step");
        assertThat(rgb.allSums.getComponentAt(0).getElement().hasAttribute("aria-current")).isFalse();
        for (int i = 0; i < 10; i++) {
            test(rgb.next).click();
            if (!rgb.next.isEnabled()) {
                break;
            }
        }
        assertThat(rgb.index()).isEqualTo(8);
        assertThat(rgb.currentSum.getText()).isEqualTo("red 4 + green 1 + blue 0 + bias 1 = 6");
        rgb.go(9);
        rgb.go(-1);
        assertThat(rgb.index()).as("out-of-range positions change nothing").isEqualTo(8);
        test(rgb.previous).click();
        assertThat(rgb.index()).isEqualTo(7);
    }

    @Test
    void theParameterCountFollowsTheLearnersNumbers() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        ParameterCalculator calc = view.parameters;
        assertThat(calc.formula.getText()).isEqualTo("(3·3·3 + 1)·16 = 448");
        assertThat(calc.meaning.getText()).startsWith("So the layer learns 448 parameters: 432 weights");

        test(calc.grayExample).click();
        assertThat(calc.formula.getText()).isEqualTo("(3·3·1 + 1)·32 = 320");
        test(calc.deepExample).click();
        assertThat(calc.formula.getText()).isEqualTo("(3·3·32 + 1)·64 = 18,496");
        assertThat(calc.meaning.getText()).startsWith("So the layer learns 18,496 parameters: 18,432 weights "
                + "(3·3·32 = 288 per filter, for 64 filters) and 64 biases, one per filter.");

        test(calc.kernel).setValue("5");
        assertThat(calc.formula.getText()).isEqualTo("(5·5·32 + 1)·64 = 51,264");
        test(calc.channels).setValue("10,000");
        test(calc.filters).setValue("10000");
        test(calc.kernel).setValue("99");
        assertThat(calc.formula.getText()).isEqualTo("(99·99·10,000 + 1)·10,000 = 980,100,010,000");
        assertThat(calc.kernel.isInvalid()).isFalse();
    }

    @Test
    void badNumbersGetOneLineEachAndLeaveTheLastGoodCount() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        ParameterCalculator calc = view.parameters;
        String good = calc.formula.getText();
        String goodMeaning = calc.meaning.getText();

        test(calc.kernel).setValue("0");
        test(calc.channels).setValue("-3");
        test(calc.filters).setValue("");
        assertThat(calc.kernel.isInvalid()).isTrue();
        assertThat(calc.kernel.getErrorMessage()).isEqualTo("The kernel size K must be at least 1: a kernel has at least one cell.");
        assertThat(calc.channels.getErrorMessage())
                .isEqualTo("The number of input channels C must be at least 1: an image has at least one channel.");
        assertThat(calc.filters.getErrorMessage())
                .isEqualTo("The number of filters F is missing: type a whole number from 1 to 10,000.");
        assertThat(calc.formula.getText()).isEqualTo(good);
        assertThat(calc.meaning.getText()).isEqualTo(goodMeaning);

        // Fixing one field clears its line only; the count waits until all three are good.
        test(calc.kernel).setValue("3");
        assertThat(calc.kernel.isInvalid()).isFalse();
        assertThat(calc.kernel.getErrorMessage()).isNullOrEmpty();
        assertThat(calc.channels.isInvalid()).isTrue();
        test(calc.channels).setValue("1");
        test(calc.filters).setValue("99999999999");
        assertThat(calc.filters.getErrorMessage()).isEqualTo("The number of filters F can be at most 10,000 here.");
        assertThat(calc.formula.getText()).isEqualTo(good);
        test(calc.filters).setValue("2.5");
        assertThat(calc.filters.getErrorMessage())
                .isEqualTo("The number of filters F must be a whole number from 1 to 10,000, like 3.");
        test(calc.filters).setValue("32");
        assertThat(calc.formula.getText()).isEqualTo("(3·3·1 + 1)·32 = 320");
        assertThat(calc.filters.isInvalid()).isFalse();
    }
}
