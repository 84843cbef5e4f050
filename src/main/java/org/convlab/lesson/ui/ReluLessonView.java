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
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.dataset.DatasetService;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.ActivationTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.xo.XoExample;
import org.convlab.model.ActivationKind;

/** Lesson 3: ReLU on a real feature map, cell by cell, with the other common activations beside it. */
@AnonymousAllowed
@Route("learn/relu")
final class ReluLessonView extends LessonPage {

    /** The English words, for the choices' values (their labels are in the page's language). */
    private static final LessonText ENGLISH = LessonText.of(Lesson.RELU, Locale.ENGLISH);
    static final String XO_MAP = ENGLISH.get("map.xo");
    static final String EDGE_MAP = ENGLISH.get("map.edge");
    /** The model builder's slope, so what the lesson shows is what a learner's leaky ReLU layer does. */
    static final double LEAKY_SLOPE = ActivationKind.LEAKY_RELU_SLOPE;
    static final List<ActivationFunction> ACTIVATIONS = List.of(ActivationFunction.relu(),
            ActivationFunction.leakyRelu(LEAKY_SLOPE), ActivationFunction.elu(1), ActivationFunction.tanh(),
            ActivationFunction.sigmoid());
    /** Inputs for the comparison table and chart. */
    static final List<Double> SAMPLE_INPUTS = List.of(-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0);

    final Select<String> map = new Select<>();
    final Select<ActivationFunction> activation = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation(lessonText().get("animation.caption"));
    final Div zeroed = new Div();
    private final Map<String, Matrix> maps = new LinkedHashMap<>();

    ReluLessonView(DatasetService datasets) {
        super(Lesson.RELU);
        maps.put(XO_MAP, XoExample.x().passes().getFirst().convolution().output());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> maps.put(EDGE_MAP, item.edgeMap()));
        map.setLabel(t("map.label"));
        map.setWidth("22em");
        map.setItems(maps.keySet());
        map.setItemLabelGenerator(shownAs("map.xo", "map.edge"));
        map.setValue(XO_MAP);
        activation.setLabel(t("activation.label"));
        activation.setItems(ACTIVATIONS);
        activation.setItemLabelGenerator(a -> a.label(Formats.locale()));
        activation.setValue(ACTIVATIONS.getFirst());
        map.addValueChangeListener(e -> update());
        activation.addValueChangeListener(e -> update());

        section("animation", explain("animation.text.1"), animation, zeroed);
        Div controls = new Div(map, activation);
        controls.addClassName("lesson-controls");
        tryIt("try-it", explain("try-it.text.1"), controls);
        section("others", explain("others.text.1", Formats.plain().format(LEAKY_SLOPE)), comparisonTable(),
                comparisonChart());
        djlSource("""
                Block relu = Activation.reluBlock();
                Block leaky = Activation.leakyReluBlock(%sf);
                Block elu = Activation.eluBlock(1f);
                Block tanh = Activation.tanhBlock();
                Block sigmoid = Activation.sigmoidBlock();""".formatted(
                        // Code keeps code syntax (0.3f) whatever the page's language.
                        java.math.BigDecimal.valueOf(LEAKY_SLOPE).stripTrailingZeros().toPlainString()));
        finish(() -> questions(new Random()));
        update();
    }

    void update() {
        Matrix input = maps.get(map.getValue());
        ActivationTrace trace = activation.getValue().trace(input);
        boolean ninths = map.getValue().equals(XO_MAP) && activation.getValue() instanceof ActivationFunction.Relu;
        ValueFormat format = input.cols() > 14 ? Formats.oneDecimal() : ninths ? Formats.ninths() : Formats.plain();
        animation.show(AnimationTrace.activation(trace, format));
        long negatives = trace.steps().stream().filter(s -> s.input() < 0).count();
        zeroed.setText(t(activation.getValue() instanceof ActivationFunction.Relu ? "animation.zeroed.relu"
                        : "animation.zeroed.other", negatives, trace.steps().size(), activation.getValue().label(Formats.locale()),
                activation.getValue().formula(Formats.locale())));
    }

    private Div comparisonTable() {
        List<String> headers = new ArrayList<>(List.of(t("others.table.activation")));
        // No-break spaces: on a tablet "x = −0.5" stays one heading instead of three lines.
        SAMPLE_INPUTS.forEach(x -> headers.add("x\u00a0=\u00a0" + Formats.plain().format(x)));
        LessonTable table = new LessonTable(t("others.table"), headers);
        for (ActivationFunction a : ACTIVATIONS) {
            List<String> row = new ArrayList<>(List.of(a.label(Formats.locale()) + ": " + a.formula(Formats.locale())));
            SAMPLE_INPUTS.forEach(x -> row.add(Formats.plain().format(Math.round(a.apply(x) * 100) / 100.0)));
            table.row(row);
        }
        Div scroll = new Div(table);
        scroll.addClassNames("table-scroll", "activation-table");
        return scroll;
    }

    private Chart comparisonChart() {
        List<String> labels = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (int i = -30; i <= 30; i++) {
            xs.add(i / 10.0);
            labels.add(Formats.plain().format(i / 10.0));
        }
        ChartConfig config = ChartConfig.line(labels).axes("x", t("others.chart.y")).yMin(-1.5);
        for (ActivationFunction a : ACTIVATIONS) {
            config.series(a.label(Formats.locale()), xs.stream().map(a::apply).toList());
        }
        return new Chart(t("others.chart")).setConfig(config);
    }

    /** ReLU of a ninth, leaky ReLU of a negative number, and how many cells ReLU zeroes. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.RELU);
        double ninth = (random.nextInt(17) - 8) / 9.0;
        double relu = ActivationFunction.relu().apply(ninth);
        questions.add(new QuizQuestion(text.get("numeric.relu.prompt", Formats.ninthsLabel(ninth)), relu, 0.005,
                Formats.ninthsLabel(relu), text.get("numeric.relu.explanation"),
                "animation"));
        double x = -(1 + random.nextInt(40)) / 2.0;
        ActivationFunction leaky = ActivationFunction.leakyRelu(LEAKY_SLOPE);
        String alpha = Formats.plain().format(LEAKY_SLOPE);
        questions.add(new QuizQuestion(text.get("numeric.leaky.prompt", alpha, Formats.plain().format(x)),
                leaky.apply(x), 1e-9, Formats.plain().format(leaky.apply(x)),
                text.get("numeric.leaky.explanation", alpha, Formats.plain().format(x)), "others"));
        Matrix m = Matrix.generate(3, 3, (r, c) -> random.nextInt(9) - 4);
        ActivationTrace trace = ActivationFunction.relu().trace(m);
        long zeroedCells = trace.steps().stream().filter(s -> s.input() < 0).count();
        questions.add(new QuizQuestion(text.get("numeric.count.prompt", ConvolutionLessonView.rows(m)), zeroedCells, 0,
                String.valueOf(zeroedCells), text.get("numeric.count.explanation"), "animation"));
        return questions;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.RELU);
    }
}
