package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Why not fully connected? · ConvLab")
final class FullyConnectedLessonView extends LessonPage {

    final Select<Integer> side = new Select<>();
    final Select<Integer> channels = new Select<>();
    final Select<Integer> kernelSize = new Select<>();
    final Div comparison = new Div();
    private WeightComparison weights;

    FullyConnectedLessonView() {
        super(Lesson.FULLY_CONNECTED,
                "Why not feed the pixels straight into an ordinary dense layer? Each dense unit has one weight for "
                        + "every input value. For a small 10×10 picture that is 100 weights per unit; for a 200×200 "
                        + "colour photo it is 120,000 per unit, before the network has learned anything.",
                "A convolutional layer slides the same small kernel over every position. Its weights do not depend "
                        + "on the size of the picture at all, and a pattern learned in one corner is recognised in "
                        + "every other corner too.");
        side.setLabel("Image size");
        side.setItems(10, 28, 64, 200);
        side.setItemLabelGenerator(s -> s + "×" + s);
        side.setValue(10);
        channels.setLabel("Channels");
        channels.setItems(1, 3);
        channels.setItemLabelGenerator(c -> c == 1 ? "1 (gray)" : "3 (colour)");
        channels.setValue(1);
        kernelSize.setLabel("Kernel size");
        kernelSize.setItems(3, 5, 7);
        kernelSize.setValue(3);
        List.of(side, channels, kernelSize).forEach(s -> s.addValueChangeListener(e -> update()));
        Div controls = new Div(side, channels, kernelSize);
        controls.addClassName("lesson-controls");

        section("animation", "32 dense units against 32 kernels", comparison);
        tryIt("try-it", "grow the picture", text("Make the picture bigger or colourful. The dense count explodes; "
                + "the convolution's count moves only with the kernel size and the channels."), controls);
        section("why", "More than a number", text("Fewer weights are not just cheaper. With millions of weights "
                + "and only thousands of pictures, a dense network can memorise the training pictures instead of "
                + "learning what a sleeve looks like: it overfits. A convolution builds in two good guesses about "
                + "pictures: nearby pixels belong together (the kernel is small), and the same pattern means the "
                + "same thing wherever it appears (the kernel is shared)."));
        djl("The two first layers side by side in DJL:", """
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
        comparison.add(formula("Dense: " + weights.denseFormula()), formula("Convolution: " + weights.convFormula()),
                text(String.format(Locale.ROOT, "The dense layer needs %,d times as many weights "
                        + "(biases left out).", Math.round((double) weights.denseWeights() / weights.convWeights()))));
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
                StackingLessonView.count(w.denseWeights()), w.denseFormula() + ".", "animation",
                "32 dense units against 32 kernels"));
        questions.add(new QuizQuestion(text.get("numeric.conv.prompt",
                text.count("numeric.kernels", u, String.valueOf(u)), k), w.convWeights(), 0, StackingLessonView.count(w.convWeights()),
                w.convFormula() + ".", "animation", "32 dense units against 32 kernels"));
        return questions;
    }
}
