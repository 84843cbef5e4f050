package org.convlab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.List;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.model.ActivationKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The content fixes of issue 16: what the lessons say matches what they show. */
@Tag("database")
@SpringBootTest
class LessonContentTest extends SpringBrowserlessTest {

    @Test
    void theEdgeMapWindowIsLabelledWithItsRealRowsAndColumnsAndHasSomethingToPool() {
        PoolingLessonView view = navigate(PoolingLessonView.class);
        int top = view.edgeWindow.row();
        int left = view.edgeWindow.col();
        assertThat(view.edgeMapLabel).contains("rows " + (top + 1) + "–" + (top + 11),
                "columns " + (left + 1) + "–" + (left + 11), "11×11");
        test(view.map).selectItem(view.edgeMapLabel);
        AnimationTrace.Grid shown = view.animation.trace().input();
        assertThat(shown.rows()).isEqualTo(11);
        // A quarter of the window's cells hold an edge, so max pooling keeps real values.
        assertThat(shown.values().stream().filter(v -> v > 0).count()).isGreaterThanOrEqualTo(30);
        assertThat(view.animation.trace().output().labels()).anyMatch(l -> !l.equals("0"));
    }

    @Test
    void theBusiestWindowIsFoundWhereverItIs() {
        Matrix map = Matrix.generate(6, 6, (r, c) -> r >= 3 && c >= 2 && c < 5 ? 1 : 0);
        assertThat(PoolingLessonView.busiestWindow(map, 3)).isEqualTo(new org.convlab.lesson.Cell(3, 2));
        assertThat(PoolingLessonView.busiestWindow(Matrix.generate(4, 4, (r, c) -> 0), 2))
                .as("an empty map: the first window").isEqualTo(new org.convlab.lesson.Cell(0, 0));
    }

    @Test
    void averagePoolingWritesEveryCellOneWay() {
        PoolingLessonView view = navigate(PoolingLessonView.class);
        assertThat(view.animation.trace().input().labels()).anyMatch(l -> l.contains("/9"));
        test(view.kind).selectItem("average");
        AnimationTrace trace = view.animation.trace();
        List<String> labels = new java.util.ArrayList<>(trace.input().labels());
        labels.addAll(trace.output().labels());
        assertThat(labels).allMatch(l -> l.matches("−?\\d+(\\.\\d{1,2})?"), "a decimal with at most two places");
        assertThat(trace.steps()).allMatch(s -> !s.sum().contains("/9"));
    }

    @Test
    void largeCountsAreWrittenWithThousandsSeparators() {
        FullyConnectedLessonView view = navigate(FullyConnectedLessonView.class);
        test(view.side).selectItem("200×200");
        test(view.channels).selectItem("3 (colour)");
        assertThat(view.comparison.getElement().getTextRecursively())
                .contains("200·200·3 inputs × 32 units = 3,840,000 weights").doesNotContain("3840000");
        StackingLessonView stacking = navigate(StackingLessonView.class);
        assertThat(stacking.summary.getElement().getTextRecursively())
                .contains("(3,200 + 1)·128 = 409,728").doesNotContain("409728");
    }

    @Test
    void poolingHalvesRoundedDownAsTheModelComputesIt() {
        StackingLessonView view = navigate(StackingLessonView.class);
        var layers = view.model().layers();
        // conv 28 → 26, pool → 13, conv → 11, pool → 5: the lesson's example is the model's own.
        assertThat(layers.get(2).output().height()).isEqualTo(11);
        assertThat(layers.get(3).output().height()).isEqualTo(5);
        assertThat(view.getElement().getTextRecursively()).contains("rounded down", "11×11 becomes 5×5");
    }

    @Test
    void theXoLessonShowsWhereTheDeckCutsNinthsAndArguesFromMargins() {
        assertThat(XoLessonView.deckRoundingTable().rows()).contains(
                List.of("5/9", "0.555…", "0.55", "0.56"),
                List.of("7/9", "0.777…", "0.77", "0.78"),
                List.of("1/9", "0.111…", "0.11", "0.11"));
        // The text says both ways pick the right letter on every picture; so they do.
        XoRenditions.all().forEach(r -> assertThat(XoRenditions.compare(r).wholeImageWinner()).as(r.id())
                .isEqualTo(r.id().startsWith("x") ? "X" : "O"));
        assertThat(XoLessonView.wholeMargin("x-shifted")).isLessThan(XoLessonView.wholeMargin("x") / 4);
        assertThat(XoLessonView.voteMargin("x-shifted")).isGreaterThan(0.3);
        XoLessonView view = navigate(XoLessonView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).doesNotContain("ruins").contains("margin", "6/81 ≈ 0.07", "5/9 ≈ 0.56",
                "wins by " + org.convlab.lesson.Fractions.decimal(XoLessonView.voteMargin("x-shifted")));
    }

    @Test
    void theConvolutionControlsSitDirectlyUnderTheAnimation() {
        ConvolutionLessonView view = navigate(ConvolutionLessonView.class);
        Component controls = view.image.getParent().orElseThrow();
        Component section = view.animation.getParent().orElseThrow();
        assertThat(controls.getParent()).contains(section);
        List<Component> children = section.getChildren().toList();
        assertThat(children.indexOf(controls)).isEqualTo(children.indexOf(view.animation) + 1);
        assertThat(view.getElement().getTextRecursively()).contains("cross-correlation", "f[n − m]");
    }

    @Test
    void leakyReluHasOneSlopeInTheLessonAndTheModelBuilder() {
        assertThat(ReluLessonView.ACTIVATIONS).anyMatch(a -> a instanceof ActivationFunction.LeakyRelu leaky
                && leaky.alpha() == ActivationKind.LEAKY_RELU_SLOPE);
        assertThat((double) ActivationKind.LEAKY_RELU_ALPHA).isCloseTo(ActivationKind.LEAKY_RELU_SLOPE,
                org.assertj.core.api.Assertions.within(1e-7));
        assertThat(ActivationKind.LEAKY_RELU.label()).isEqualTo("leaky_relu (α = 0.3)");
        ReluLessonView view = navigate(ReluLessonView.class);
        assertThat(view.getElement().getTextRecursively()).contains("α = 0.3", "leakyReluBlock(0.3f)")
                .doesNotContain("α = 0.1");
    }
}
