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
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.dataset.DatasetService;
import org.convlab.lesson.ActivationFunction;
import org.convlab.lesson.ActivationTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.xo.XoExample;

/** Lesson 3: ReLU on a real feature map, cell by cell, with the other common activations beside it. */
@AnonymousAllowed
@Route("learn/relu")
@PageTitle("ReLU · ConvLab")
final class ReluLessonView extends LessonPage {

    static final String XO_MAP = "X/O feature map (7×7, ninths)";
    static final String EDGE_MAP = "Edge map of a Fashion-MNIST item (26×26)";
    static final List<ActivationFunction> ACTIVATIONS = List.of(ActivationFunction.relu(),
            ActivationFunction.leakyRelu(0.1), ActivationFunction.elu(1), ActivationFunction.tanh(),
            ActivationFunction.sigmoid());
    /** Inputs for the comparison table and chart. */
    static final List<Double> SAMPLE_INPUTS = List.of(-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0);

    final Select<String> map = new Select<>();
    final Select<ActivationFunction> activation = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation("Activation, cell by cell");
    final Div zeroed = new Div();
    private final Map<String, Matrix> maps = new LinkedHashMap<>();

    ReluLessonView(DatasetService datasets) {
        super(Lesson.RELU,
                "After a convolution, a network passes every value of the feature map through a simple function, "
                        + "the activation. The most common one is ReLU: negative values become 0, positive values "
                        + "stay as they are.",
                "Why bother? Without such a bend, stacking layers would only ever compute one big weighted sum, "
                        + "however many layers there are. ReLU also says 'this pattern is not here' with a clean 0 "
                        + "instead of a negative score, and it is cheap to compute.");
        maps.put(XO_MAP, XoExample.x().passes().getFirst().convolution().output());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> maps.put(EDGE_MAP, item.edgeMap()));
        map.setLabel("Feature map");
        map.setWidth("22em");
        map.setItems(maps.keySet());
        map.setValue(XO_MAP);
        activation.setLabel("Activation");
        activation.setItems(ACTIVATIONS);
        activation.setItemLabelGenerator(ActivationFunction::label);
        activation.setValue(ACTIVATIONS.getFirst());
        map.addValueChangeListener(e -> update());
        activation.addValueChangeListener(e -> update());

        section("animation", "ReLU, cell by cell",
                text("The map on the left is the X image filtered with the falling-diagonal kernel, from the "
                        + "convolution lesson. Watch each negative value (blue) turn into 0 while the positive ones "
                        + "(orange) pass through."),
                animation, zeroed);
        Div controls = new Div(map, activation);
        controls.addClassName("lesson-controls");
        tryIt("try-it", "another map, another activation",
                text("Switch to the edge map of a real Fashion-MNIST item, or pick a different activation and see "
                        + "how it treats the negative values."),
                controls);
        section("others", "Other activations",
                text("Leaky ReLU keeps a small slope for negatives so their gradient is never exactly 0. ELU curves "
                        + "smoothly towards −1. Tanh and sigmoid squash everything into a small range; they were "
                        + "common before ReLU but learn slowly in deep networks because their slope vanishes for "
                        + "large inputs."),
                comparisonTable(), comparisonChart());
        djl("Activations are blocks of their own in DJL, placed after each convolution:", """
                Block relu = Activation.reluBlock();
                Block leaky = Activation.leakyReluBlock(0.1f);
                Block elu = Activation.eluBlock(1f);
                Block tanh = Activation.tanhBlock();
                Block sigmoid = Activation.sigmoidBlock();""");
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
        zeroed.setText(negatives + " of " + trace.steps().size() + " cells are negative; "
                + activation.getValue().label() + " = " + activation.getValue().formula() + " maps them to "
                + (activation.getValue() instanceof ActivationFunction.Relu ? "0." : "small values instead of 0."));
    }

    private static Div comparisonTable() {
        List<String> headers = new ArrayList<>(List.of("activation"));
        SAMPLE_INPUTS.forEach(x -> headers.add("x = " + Formats.plain().format(x)));
        LessonTable table = new LessonTable("Five activations applied to the same inputs", headers);
        for (ActivationFunction a : ACTIVATIONS) {
            List<String> row = new ArrayList<>(List.of(a.label() + ": " + a.formula()));
            SAMPLE_INPUTS.forEach(x -> row.add(ValueFormat.plain().format(Math.round(a.apply(x) * 100) / 100.0)));
            table.row(row);
        }
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        return scroll;
    }

    private static Chart comparisonChart() {
        List<String> labels = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (int i = -30; i <= 30; i++) {
            xs.add(i / 10.0);
            labels.add(Formats.plain().format(i / 10.0));
        }
        ChartConfig config = ChartConfig.line(labels).axes("x", "activation(x)").yMin(-1.5);
        for (ActivationFunction a : ACTIVATIONS) {
            config.series(a.label(), xs.stream().map(a::apply).toList());
        }
        return new Chart("The five activations from −3 to 3").setConfig(config);
    }

    /** ReLU of a ninth, leaky ReLU of a negative number, and how many cells ReLU zeroes. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.RELU);
        double ninth = (random.nextInt(17) - 8) / 9.0;
        double relu = ActivationFunction.relu().apply(ninth);
        questions.add(new QuizQuestion(text.get("numeric.relu.prompt", Formats.ninthsLabel(ninth)), relu, 0.005,
                Formats.ninthsLabel(relu), text.get("numeric.relu.explanation"),
                "animation", "ReLU, cell by cell"));
        double x = -(1 + random.nextInt(40)) / 2.0;
        ActivationFunction leaky = ActivationFunction.leakyRelu(0.1);
        questions.add(new QuizQuestion(text.get("numeric.leaky.prompt", Formats.plain().format(x)),
                leaky.apply(x), 1e-9, Formats.plain().format(leaky.apply(x)),
                text.get("numeric.leaky.explanation", Formats.plain().format(x)), "others",
                "Other activations"));
        Matrix m = Matrix.generate(3, 3, (r, c) -> random.nextInt(9) - 4);
        ActivationTrace trace = ActivationFunction.relu().trace(m);
        long zeroedCells = trace.steps().stream().filter(s -> s.input() < 0).count();
        questions.add(new QuizQuestion(text.get("numeric.count.prompt", ConvolutionLessonView.rows(m)), zeroedCells, 0,
                String.valueOf(zeroedCells), text.get("numeric.count.explanation"), "animation",
                "ReLU, cell by cell"));
        return questions;
    }
}
