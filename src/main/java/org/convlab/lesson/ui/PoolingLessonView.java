package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.convlab.dataset.DatasetService;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;
import org.convlab.lesson.PoolingOutputSize;
import org.convlab.lesson.PoolingTrace;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.xo.XoExample;

/** Lesson 4: max and average pooling, window and stride, and what happens at an odd edge. */
@AnonymousAllowed
@Route("learn/pooling")
@PageTitle("Pooling · ConvLab")
final class PoolingLessonView extends LessonPage {

    static final String XO_MAP = "X/O map after ReLU (7×7)";
    static final String EDGE_MAP = "Fashion-MNIST edge map after ReLU, top-left 11×11";

    final Select<String> map = new Select<>();
    final Select<Pooling.Kind> kind = new Select<>();
    final Select<Integer> window = new Select<>();
    final Select<Integer> stride = new Select<>();
    final Select<EdgeRule> edgeRule = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation("Pooling, window by window");
    final Div outputSize = new Div();
    final Div problem = new Div();
    private final Map<String, Matrix> maps = new LinkedHashMap<>();

    PoolingLessonView(DatasetService datasets) {
        super(Lesson.POOLING,
                "Pooling makes a feature map smaller. A window, usually 2×2, moves over the map with a stride, "
                        + "usually 2, and each position keeps one number: the largest (max pooling) or the mean "
                        + "(average pooling).",
                "Max pooling keeps the strongest evidence that a pattern is somewhere in the window and forgets "
                        + "exactly where. That makes the network less fussy about small shifts, and a 2×2 window with "
                        + "stride 2 leaves a quarter of the numbers for the next layer to work on.");
        maps.put(XO_MAP, XoExample.x().passes().getFirst().relu().output());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> {
            Matrix relu = ActivationFunction.relu().apply(item.edgeMap());
            maps.put(EDGE_MAP, relu.window(8, 8, 11, 11));
        });
        map.setLabel("Feature map");
        map.setWidth("26em");
        map.setItems(maps.keySet());
        map.setValue(XO_MAP);
        kind.setLabel("Pooling");
        kind.setItems(Pooling.Kind.values());
        kind.setItemLabelGenerator(k -> k == Pooling.Kind.MAX ? "max" : "average");
        kind.setValue(Pooling.Kind.MAX);
        window.setLabel("Window");
        window.setItems(2, 3);
        window.setItemLabelGenerator(w -> w + "×" + w);
        window.setValue(2);
        stride.setLabel("Stride");
        stride.setItems(1, 2, 3);
        stride.setValue(2);
        edgeRule.setLabel("At the edge");
        edgeRule.setWidth("18em");
        edgeRule.setItems(EdgeRule.values());
        edgeRule.setItemLabelGenerator(r -> r == EdgeRule.FLOOR ? "drop partial windows (floor)" : "keep them (cover)");
        edgeRule.setValue(EdgeRule.COVER);
        List.of(map, kind, window, stride, edgeRule).forEach(s -> s.addValueChangeListener(e -> update()));
        problem.addClassName("callout-error");
        problem.setVisible(false);

        section("animation", "Max pooling, window by window",
                text("This is the X image's feature map after ReLU, pooled the way the X/O example does it: a 2×2 "
                        + "window, stride 2. The value each window keeps is underlined in the input."),
                animation);
        Div controls = new Div(map, kind, window, stride, edgeRule);
        controls.addClassName("lesson-controls");
        tryIt("try-it", "max or average, window, stride", text("Switch to average pooling and compare the two "
                + "outputs; try a 3×3 window, or stride 1, where the windows overlap."), controls, problem);
        section("edges", "When the windows do not fit",
                text("A 2×2 window with stride 2 tiles an even-sized map exactly. On an odd size, one row and one "
                        + "column are left over. Keras drops them (floor): 11×11 becomes 5×5. The X/O example keeps "
                        + "them and pools what is there (cover, PyTorch's ceil_mode): 7×7 becomes 4×4. Pick the "
                        + "11×11 map above and switch the rule to see both."),
                formula(PoolingOutputSize.of("rows", 11, 2, 2, EdgeRule.FLOOR).evaluation()),
                formula(PoolingOutputSize.of("rows", 7, 2, 2, EdgeRule.COVER).evaluation()),
                outputSize);
        djl("DJL's pooling blocks take the window and the stride as shapes; the last argument of the longer form "
                + "switches to the 'cover' rule (ceil mode):", """
                Block maxPool = Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
                Block avgPool = Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2));
                // keep partial windows at the edge, like the X/O example: 7×7 → 4×4
                Block coverPool = Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);""");
        finish(() -> questions(new Random()));
        update();
    }

    void update() {
        Matrix input = maps.get(map.getValue());
        PoolingTrace trace;
        try {
            trace = new Pooling(kind.getValue(), window.getValue(), stride.getValue(), edgeRule.getValue()).trace(input);
        } catch (IllegalArgumentException e) {
            problem.setText("These settings do not fit: " + e.getMessage() + ".");
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        ValueFormat format = map.getValue().equals(XO_MAP) ? Formats.ninths() : Formats.plain();
        animation.show(AnimationTrace.pooling(trace, format));
        outputSize.removeAll();
        outputSize.add(text("With your settings: " + trace.rows().evaluation() + ", so " + input.rows() + "×"
                + input.cols() + " becomes " + trace.output().rows() + "×" + trace.output().cols() + "."));
    }

    /** A max, a mean, and an output size under one of the two edge rules, all with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.POOLING);
        Matrix block = Matrix.generate(2, 2, (r, c) -> random.nextInt(10));
        PoolingTrace max = Pooling.max(2, 2, EdgeRule.FLOOR).trace(block);
        questions.add(new QuizQuestion(text.get("numeric.max.prompt", ConvolutionLessonView.rows(block)), max.output().get(0, 0), 0,
                Formats.plain().format(max.output().get(0, 0)), max.description(max.steps().getFirst()),
                "animation", "Max pooling, window by window"));
        Matrix other = Matrix.generate(2, 2, (r, c) -> random.nextInt(10));
        PoolingTrace mean = Pooling.average(2, 2, EdgeRule.FLOOR).trace(other);
        questions.add(new QuizQuestion(text.get("numeric.average.prompt", ConvolutionLessonView.rows(other)),
                mean.output().get(0, 0), 0.005, Formats.plain().format(mean.output().get(0, 0)),
                mean.description(mean.steps().getFirst()), "try-it", "Try it: max or average, window, stride"));
        int size = 5 + 2 * random.nextInt(12);
        EdgeRule rule = random.nextBoolean() ? EdgeRule.FLOOR : EdgeRule.COVER;
        PoolingOutputSize out = PoolingOutputSize.of("rows", size, 2, 2, rule);
        questions.add(new QuizQuestion(text.get(rule == EdgeRule.FLOOR ? "numeric.rows.prompt.floor"
                : "numeric.rows.prompt.cover", size), out.output(), 0, String.valueOf(out.output()),
                out.evaluation() + ".", "edges", "When the windows do not fit"));
        return questions;
    }
}
