package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.convlab.dataset.DatasetService;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.Cell;
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
final class PoolingLessonView extends LessonPage {

    /** The English words, for the choices' values (their labels are in the page's language). */
    private static final LessonText ENGLISH = LessonText.of(Lesson.POOLING, Locale.ENGLISH);
    static final String XO_MAP = ENGLISH.get("map.xo");
    /** The side of the edge-map window: odd, so the two edge rules give different sizes (5×5 and 6×6). */
    static final int WINDOW = 11;

    /** The select's label of the edge-map window, naming its real rows and columns; empty without data. */
    String edgeMapLabel = "";
    /** Where the window lies in the 26×26 edge map (0-based top-left cell). */
    Cell edgeWindow;

    final Select<String> map = new Select<>();
    final Select<Pooling.Kind> kind = new Select<>();
    final Select<Integer> window = new Select<>();
    final Select<Integer> stride = new Select<>();
    final Select<EdgeRule> edgeRule = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation(lessonText().get("animation.caption"));
    final Div outputSize = new Div();
    final Div problem = new Div();
    private final Map<String, Matrix> maps = new LinkedHashMap<>();

    PoolingLessonView(DatasetService datasets) {
        super(Lesson.POOLING);
        maps.put(XO_MAP, XoExample.x().passes().getFirst().relu().output());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> {
            Matrix relu = ActivationFunction.relu().apply(item.edgeMap());
            edgeWindow = busiestWindow(relu, WINDOW);
            edgeMapLabel = t("map.edge", edgeWindow.row() + 1, edgeWindow.row() + WINDOW, edgeWindow.col() + 1,
                    edgeWindow.col() + WINDOW, WINDOW + "×" + WINDOW);
            maps.put(edgeMapLabel, relu.window(edgeWindow.row(), edgeWindow.col(), WINDOW, WINDOW));
        });
        map.setLabel(t("map.label"));
        map.setWidth("26em");
        map.setItems(maps.keySet());
        map.setItemLabelGenerator(shownAs("map.xo"));
        map.setValue(XO_MAP);
        kind.setLabel(t("kind.label"));
        kind.setItems(Pooling.Kind.values());
        kind.setItemLabelGenerator(k -> t(k == Pooling.Kind.MAX ? "kind.max" : "kind.average"));
        kind.setValue(Pooling.Kind.MAX);
        window.setLabel(t("window.label"));
        window.setItems(2, 3);
        window.setItemLabelGenerator(w -> w + "×" + w);
        window.setValue(2);
        stride.setLabel(t("stride.label"));
        stride.setItems(1, 2, 3);
        stride.setValue(2);
        edgeRule.setLabel(t("edge-rule.label"));
        edgeRule.setWidth("18em");
        edgeRule.setItems(EdgeRule.values());
        edgeRule.setItemLabelGenerator(r -> t(r == EdgeRule.FLOOR ? "edge-rule.floor" : "edge-rule.cover"));
        edgeRule.setValue(EdgeRule.COVER);
        List.of(map, kind, window, stride, edgeRule).forEach(s -> s.addValueChangeListener(e -> update()));
        problem.addClassName("callout-error");
        problem.setVisible(false);

        section("animation", explain("animation.text.1"), animation);
        Div controls = new Div(map, kind, window, stride, edgeRule);
        controls.addClassName("lesson-controls");
        tryIt("try-it", explain("try-it.text.1"), controls, problem);
        section("edges", explain("edges.text.1"),
                formula(PoolingOutputSize.of("rows", 11, 2, 2, EdgeRule.FLOOR).evaluation(Formats.locale())),
                formula(PoolingOutputSize.of("rows", 7, 2, 2, EdgeRule.COVER).evaluation(Formats.locale())),
                outputSize);
        djlSource("""
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
            problem.setText(t("problem", reason(e)));
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        // The X/O map is in ninths and so is every max; means are written as decimals, input and output alike.
        ValueFormat format = map.getValue().equals(XO_MAP) && kind.getValue() == Pooling.Kind.MAX
                ? Formats.ninths() : Formats.twoDecimals();
        animation.show(AnimationTrace.pooling(trace, format));
        outputSize.removeAll();
        outputSize.add(explain("edges.yours", trace.rows().evaluation(Formats.locale()), input.rows() + "×" + input.cols(),
                trace.output().rows() + "×" + trace.output().cols()));
    }

    /**
     * The size×size window of the map with the most non-zero cells (ties: the larger sum, then the
     * first in reading order), so the pooling has something to keep; the edge map is mostly zeros
     * around the boot.
     */
    static Cell busiestWindow(Matrix map, int size) {
        Cell best = new Cell(0, 0);
        long bestCount = -1;
        double bestSum = -1;
        for (int r = 0; r + size <= map.rows(); r++) {
            for (int c = 0; c + size <= map.cols(); c++) {
                Matrix window = map.window(r, c, size, size);
                long count = window.values().stream().filter(v -> v != 0).count();
                double sum = window.sum();
                if (count > bestCount || count == bestCount && sum > bestSum) {
                    best = new Cell(r, c);
                    bestCount = count;
                    bestSum = sum;
                }
            }
        }
        return best;
    }

    /** A max, a mean, and an output size under one of the two edge rules, all with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.POOLING);
        Matrix block = Matrix.generate(2, 2, (r, c) -> random.nextInt(10));
        PoolingTrace max = Pooling.max(2, 2, EdgeRule.FLOOR).trace(block);
        questions.add(new QuizQuestion(text.get("numeric.max.prompt", ConvolutionLessonView.rows(block)), max.output().get(0, 0), 0,
                Formats.plain().format(max.output().get(0, 0)), max.description(max.steps().getFirst(), Formats.plain(), Formats.locale()),
                "animation"));
        Matrix other = Matrix.generate(2, 2, (r, c) -> random.nextInt(10));
        PoolingTrace mean = Pooling.average(2, 2, EdgeRule.FLOOR).trace(other);
        questions.add(new QuizQuestion(text.get("numeric.average.prompt", ConvolutionLessonView.rows(other)),
                mean.output().get(0, 0), 0.005, Formats.plain().format(mean.output().get(0, 0)),
                mean.description(mean.steps().getFirst(), Formats.plain(), Formats.locale()), "try-it"));
        int size = 5 + 2 * random.nextInt(12);
        EdgeRule rule = random.nextBoolean() ? EdgeRule.FLOOR : EdgeRule.COVER;
        PoolingOutputSize out = PoolingOutputSize.of("rows", size, 2, 2, rule);
        questions.add(new QuizQuestion(text.get(rule == EdgeRule.FLOOR ? "numeric.rows.prompt.floor"
                : "numeric.rows.prompt.cover", size), out.output(), 0, String.valueOf(out.output()),
                out.evaluation(Formats.locale()) + ".", "edges"));
        return questions;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.POOLING);
    }
}
