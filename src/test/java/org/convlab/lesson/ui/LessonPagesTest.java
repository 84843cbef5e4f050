package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.List;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

/** Each lesson's "try it" changes what the page shows, and every quiz marks right and wrong answers. */
@Tag("database")
@SpringBootTest
class LessonPagesTest extends SpringBrowserlessTest {

    @Test
    void everyLessonOpensAndItsQuizMarksRightAndWrongAnswers() {
        for (Lesson lesson : Lesson.values()) {
            LessonPage page = (LessonPage) navigate(lesson.route(), Component.class);
            assertThat(page.lesson).isEqualTo(lesson);
            String text = page.getElement().getTextRecursively();
            assertThat(text).as(lesson.slug()).contains(lesson.title(), "Try it", "In code (DJL)", "Check yourself");

            Quiz quiz = page.quiz;
            List<QuizQuestion> questions = quiz.questions();
            assertThat(questions).as(lesson.slug()).hasSizeGreaterThanOrEqualTo(2);
            QuizAnswers.answerAllRight(quiz);
            int total = QuizAnswers.total(quiz);
            test(quiz.check).click();
            assertThat(quiz.score()).as(lesson.slug()).isEqualTo(total + " of " + total + " right. Lesson done!");

            test(quiz.field(0)).setValue(String.valueOf(questions.getFirst().answer() + 7));
            test(quiz.check).click();
            String heading = page.getChildren().filter(c -> c.getId().orElse("").equals(questions.getFirst().sectionId()))
                    .findFirst().orElseThrow().getElement().getChild(0).getText();
            assertThat(quiz.feedback(0)).as(lesson.slug()).contains("Not quite", heading);
            // The feedback links to a section that exists on the page.
            assertThat(page.getChildren().anyMatch(c -> c.getId().orElse("").equals(questions.getFirst().sectionId())))
                    .as(lesson.slug() + " links to " + questions.getFirst().sectionId()).isTrue();

            test(quiz.newQuestions).click();
            assertThat(quiz.field(0).getValue()).isEmpty();
        }
    }

    @Test
    void matricesShowsTheRealItemAndScalesIt() {
        MatricesLessonView view = navigate(MatricesLessonView.class);
        NumberGrid grid = $(NumberGrid.class, view.itemView).single();
        assertThat(grid.labels()).hasSize(784).contains("255").allMatch(l -> l.matches("\\d{1,3}"));
        test(view.scale).selectItem(MatricesLessonView.SCALED);
        assertThat($(NumberGrid.class, view.itemView).single().labels()).contains("1").doesNotContain("255");
        assertThat(view.getElement().getTextRecursively()).contains("Ankle boot, test image #0", "25,088");
    }

    @Test
    void reluZeroesTheNegativesAndOtherActivationsKeepThem() {
        ReluLessonView view = navigate(ReluLessonView.class);
        AnimationTrace relu = view.animation.trace();
        assertThat(relu.kind()).isEqualTo("activation");
        assertThat(relu.steps()).hasSize(49);
        assertThat(relu.output().values()).allMatch(v -> v >= 0);
        assertThat(relu.steps().get(1).sum()).isEqualTo("ReLU(−1/9) = 0");
        test(view.activation).selectItem("leaky ReLU (α = 0.3)");
        assertThat(view.animation.trace().output().values()).anyMatch(v -> v < 0);
        test(view.map).selectItem(ReluLessonView.EDGE_MAP);
        assertThat(view.animation.trace().steps()).hasSize(26 * 26);
    }

    @Test
    void poolingFollowsKindWindowStrideAndEdgeRule() {
        PoolingLessonView view = navigate(PoolingLessonView.class);
        AnimationTrace trace = view.animation.trace();
        assertThat(trace.output().rows()).isEqualTo(4);
        assertThat(trace.steps().getFirst().picked()).isNotNegative();
        test(view.edgeRule).selectItem("drop partial windows (floor)");
        assertThat(view.animation.trace().output().rows()).isEqualTo(3);
        test(view.map).selectItem(view.edgeMapLabel);
        assertThat(view.animation.trace().output().rows()).isEqualTo(5);
        assertThat(view.outputSize.getElement().getTextRecursively()).contains("o = floor((11 − 2) / 2) + 1 = 5");
        test(view.kind).selectItem("average");
        assertThat(view.animation.trace().steps().getFirst().picked()).isEqualTo(-1);
        assertThat(view.animation.trace().steps().getFirst().sum()).startsWith("(").contains(") / 4 = ");
    }

    @Test
    void xoWalksAnyPictureToItsVote() {
        XoLessonView view = navigate(XoLessonView.class);
        assertThat(view.run().winner()).isEqualTo("X");
        assertThat(view.convolution.trace().output().labels().getFirst()).isEqualTo("7/9");
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("5/9 ≈ 0.56", "so the network says X");
        test(view.rendition).selectItem("O");
        assertThat(view.run().winner()).isEqualTo("O");
        test(view.rendition).selectItem("Shifted X");
        assertThat(view.run().image()).isEqualTo(XoRenditions.byId("x-shifted").image());
        assertThat(view.run().winner()).isEqualTo("X");
    }

    @Test
    void stackingCountsTheDeckModelAndFollowsChanges() {
        StackingLessonView view = navigate(StackingLessonView.class);
        assertThat(view.model().totalParams()).isEqualTo(485_514)
                .isEqualTo(ModelValidator.validate(Presets.get("keras-cnn")).totalParams());
        assertThat(view.getElement().getTextRecursively()).contains("485,514", "(None, 26, 26, 64)");
        test(view.filters1).selectItem("32");
        assertThat(view.model().totalParams()).isLessThan(485_514);
        assertThat(view.djlCode.getElement().getTextRecursively()).contains(".setFilters(32)");
    }

    @Test
    void denseWeightsGrowWithThePictureConvWeightsDoNot() {
        FullyConnectedLessonView view = navigate(FullyConnectedLessonView.class);
        assertThat(view.weights().denseWeights()).isEqualTo(3_200);
        assertThat(view.weights().convWeights()).isEqualTo(288);
        test(view.side).selectItem("200×200");
        test(view.channels).selectItem("3 (colour)");
        assertThat(view.weights().denseWeightsPerUnit()).isEqualTo(120_000);
        assertThat(view.weights().convWeights()).isEqualTo(864);
    }

    @Test
    void signalKernelsChangeTheOutputAndShufflingChangesTheTableFeatures() {
        BeyondImagesLessonView view = navigate(BeyondImagesLessonView.class);
        AnimationTrace smooth = view.animation.trace();
        assertThat(smooth.input().rows()).isEqualTo(1);
        assertThat(smooth.steps()).hasSize(14);
        test(view.kernel).selectItem("Spike: high between lows");
        assertThat(view.animation.trace().output().values()).isNotEqualTo(smooth.output().values());
        var before = view.shuffledOutput();
        test(view.shuffle).click();
        // No other column order of this table gives the same output, so this holds for every shuffle.
        assertThat(view.shuffledOutput()).isNotEqualTo(before);
        test(view.shuffleRows).click();
        assertThat(view.rowOrder()).isNotEqualTo(List.of(0, 1, 2, 3, 4));
    }

    @Test
    void learningRedoesTheStepForAnotherClassAndRate() {
        LearningLessonView view = navigate(LearningLessonView.class);
        double loss = view.trace().before().loss();
        assertThat(view.trace().after().loss()).isLessThan(loss);
        test(view.trueClass).selectItem("Sneaker");
        assertThat(view.trace().before().loss()).isGreaterThan(loss);
        assertThat(view.step.getElement().getTextRecursively()).contains("learning rate 0.5");
        test(view.learningRate).selectItem("2");
        assertThat(view.step.getElement().getTextRecursively()).contains("learning rate 2");
    }
}
