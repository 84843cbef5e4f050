package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.convlab.lesson.architecture.WeightComparison;
import org.convlab.model.LayerShape;

/** Lesson 7: why a dense first layer does not scale to images, and what weight sharing saves. */
@AnonymousAllowed
@Route("learn/why-not-dense")
final class FullyConnectedLessonView extends LessonPage {

    final Select<Integer> side = new Select<>();
    final Select<Integer> channels = new Select<>();
    final Select<Integer> kernelSize = new Select<>();
    final Div comparison = new Div();
    private WeightComparison weights;

    FullyConnectedLessonView() {
        super(Lesson.FULLY_CONNECTED);
        side.setLabel(t("side.label"));
        side.setItems(10, 28, 64, 200);
        side.setItemLabelGenerator(s -> s + "×" + s);
        side.setValue(10);
        channels.setLabel(t("channels.label"));
        channels.setItems(1, 3);
        channels.setItemLabelGenerator(c -> t(c == 1 ? "channels.gray" : "channels.colour"));
        channels.setValue(1);
        kernelSize.setLabel(t("kernel.label"));
        kernelSize.setItems(3, 5, 7);
        kernelSize.setValue(3);
        List.of(side, channels, kernelSize).forEach(s -> s.addValueChangeListener(e -> update()));
        Div controls = new Div(side, channels, kernelSize);
        controls.addClassName("lesson-controls");

        section("animation", comparison);
        tryIt("try-it", explain("try-it.text.1"), controls);
        section("why", explain("why.text.1"));
        djlSource("""
                Block dense = new SequentialBlock()
                        .add(Blocks.batchFlattenBlock())             // every pixel becomes one input
                        .add(Linear.builder().setUnits(32).build());  // a weight per input per unit
                Block conv = Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))             // 3·3 weights per channel
                        .setFilters(32)                              // per filter, shared everywhere
                        .build();""");
        finish(() -> questions(new Random()));
        update();
    }

    void update() {
        weights = new WeightComparison(LayerShape.image(channels.getValue(), side.getValue(), side.getValue()), 32, 32,
                kernelSize.getValue());
        comparison.removeAll();
        comparison.add(formula(t("animation.dense", weights.denseFormula())),
                formula(t("animation.conv", weights.convFormula())),
                explain("animation.ratio", I18n.integer(Math.round((double) weights.denseWeights() / weights.convWeights()))));
    }

    WeightComparison weights() {
        return weights;
    }

    /** Dense and convolutional weight counts for fresh sizes. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.FULLY_CONNECTED);
        int s = List.of(8, 10, 16, 28, 32).get(random.nextInt(5));
        int c = 1 + 2 * random.nextInt(2);
        int u = List.of(8, 16, 32, 64).get(random.nextInt(4));
        int k = List.of(3, 5).get(random.nextInt(2));
        WeightComparison w = new WeightComparison(LayerShape.image(c, s, s), u, u, k);
        questions.add(new QuizQuestion(text.get("numeric.dense.prompt", s,
                text.count("numeric.channels", c, String.valueOf(c)), text.count("numeric.units", u, String.valueOf(u))),
                w.denseWeights(), 0,
                StackingLessonView.count(w.denseWeights()), w.denseFormula() + ".", "animation"));
        questions.add(new QuizQuestion(text.get("numeric.conv.prompt",
                text.count("numeric.kernels", u, String.valueOf(u)), k), w.convWeights(), 0, StackingLessonView.count(w.convWeights()),
                w.convFormula() + ".", "animation"));
        return questions;
    }
}
