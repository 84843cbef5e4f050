package org.convlab.lesson.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.convlab.lesson.Convolution1d;
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.ZeroPadding;

/**
 * Lesson 8: convolution works on anything where neighbours belong together, such as a signal over
 * time; it fails where the order is arbitrary, as in a table whose columns can be shuffled.
 */
@AnonymousAllowed
@Route("learn/beyond-images")
@PageTitle("Beyond images · ConvLab")
final class BeyondImagesLessonView extends LessonPage {

    /** A sensor reading over 16 time steps: quiet, a rise, a plateau, a spike, quiet. */
    static final double[] SIGNAL = {0, 0, 1, 3, 5, 5, 5, 4, 2, 0, 0, 6, 0, 0, 1, 0};
    static final Map<String, double[]> KERNELS = new LinkedHashMap<>();

    static {
        KERNELS.put("Smooth: mean of 3", new double[] {1, 1, 1});
        KERNELS.put("Change: right minus left", new double[] {-1, 0, 1});
        KERNELS.put("Spike: high between lows", new double[] {-1, 2, -1});
    }

    /** Five customers described by four numbers; the column order means nothing. */
    static final List<String> COLUMNS = List.of("age", "visits", "spend", "children");
    static final Matrix CUSTOMERS = Matrix.of(new int[][] {
        {3, 1, 4, 0}, {5, 2, 2, 1}, {2, 4, 5, 2}, {4, 0, 1, 0}, {1, 3, 3, 1}
    });
    static final Matrix EDGE = ClassicKernel.VERTICAL_EDGE.kernel();

    final Select<String> kernel = new Select<>();
    final Select<Integer> stride = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation("1-D convolution over a signal");
    final Button shuffle = new Button("Shuffle the columns", VaadinIcon.RANDOM.create());
    final Button shuffleRows = new Button("Shuffle the rows", VaadinIcon.RANDOM.create());
    final Div table = new Div();
    private final RandomGenerator random = new Random();
    private List<Integer> order = List.of(0, 1, 2, 3);
    private List<Integer> rowOrder = List.of(0, 1, 2, 3, 4);

    BeyondImagesLessonView() {
        super(Lesson.BEYOND_IMAGES,
                "Nothing in convolution is about pictures as such. It only assumes that values next to each other "
                        + "belong together and that a pattern means the same wherever it appears. A sound, a heart "
                        + "beat or a sensor over time has exactly that: a 1-D convolution slides a short kernel "
                        + "along the signal.");
        kernel.setLabel("Kernel");
        kernel.setWidth("17em");
        kernel.setItems(KERNELS.keySet());
        kernel.setValue(KERNELS.keySet().iterator().next());
        stride.setLabel("Stride");
        stride.setItems(1, 2);
        stride.setValue(1);
        kernel.addValueChangeListener(e -> update());
        stride.addValueChangeListener(e -> update());
        shuffle.addClickListener(e -> {
            order = shuffled(order);
            showTable();
        });
        shuffleRows.addClickListener(e -> {
            rowOrder = shuffled(rowOrder);
            showTable();
        });
        Div shuffles = new Div(shuffle, shuffleRows);
        shuffles.addClassName("quiz-actions");
        Div controls = new Div(kernel, stride);
        controls.addClassName("lesson-controls");

        section("animation", "A kernel sliding along a signal", text("The same multiply-and-sum as before, on one "
                + "row. The smoothing kernel averages away the spike's sharpness; the change kernel is large where "
                + "the signal rises or falls; the spike kernel fires only at the lone peak."), animation);
        tryIt("try-it", "another kernel", text("Pick the spike kernel and find where it fires."), controls);
        section("fails", "Where CNNs do not help", text("A table of customers is a grid of numbers too, but its "
                + "columns could come in any order: age, visits, spend or spend, age, visits mean the same. A "
                + "kernel sliding across the table would see 'neighbours' that only happen to be next to each "
                + "other, and the customers' order is just as arbitrary. Shuffle the columns or the rows: the data is unchanged, yet the convolution's output changes. For "
                + "tables, plain dense networks or tree models are the better tool; CNNs suit data where position "
                + "matters, such as images, sound, time series and text."), shuffles, table);
        djl("DJL has a 1-D convolution block for signals; its input is N×C×L (batch, channels, length):", """
                Block conv1d = Conv1d.builder()
                        .setKernelShape(new Shape(3))
                        .setFilters(16)
                        .optStride(new Shape(1))
                        .build();""");
        finish(() -> questions(new Random()));
        update();
        showTable();
    }

    void update() {
        boolean mean = kernel.getValue().startsWith("Smooth");
        Convolution1d conv = new Convolution1d(stride.getValue(), ZeroPadding.valid(), 1, mean);
        ConvolutionTrace trace = conv.trace(SIGNAL, KERNELS.get(kernel.getValue()));
        // The mean of three gives thirds: "4/3" reads better than 1.333.
        ValueFormat labels = mean ? ValueFormat.fractionsOf(3) : Formats.plain();
        animation.show(AnimationTrace.convolution(trace, labels, Formats.plain()));
    }

    /** A different order of the same positions: never the current one, so every click changes something. */
    private List<Integer> shuffled(List<Integer> current) {
        List<Integer> next = new ArrayList<>(current);
        while (next.equals(current)) {
            Collections.shuffle(next, new Random(random.nextLong()));
        }
        return List.copyOf(next);
    }

    /** The table in the current column order, and what the edge kernel makes of it. */
    Matrix shuffledOutput() {
        return Convolution2d.defaults().apply(shuffledTable(), EDGE);
    }

    List<Integer> rowOrder() {
        return rowOrder;
    }

    private Matrix shuffledTable() {
        return Matrix.generate(CUSTOMERS.rows(), CUSTOMERS.cols(), (r, c) -> CUSTOMERS.get(rowOrder.get(r), order.get(c)));
    }

    private void showTable() {
        List<String> headers = new ArrayList<>(List.of("customer"));
        order.forEach(i -> headers.add(COLUMNS.get(i)));
        LessonTable data = new LessonTable("Customers, rows and columns in the current order", headers);
        Matrix shuffled = shuffledTable();
        IntStream.range(0, shuffled.rows()).forEach(r -> {
            List<String> row = new ArrayList<>(List.of("#" + (rowOrder.get(r) + 1)));
            IntStream.range(0, shuffled.cols()).forEach(c -> row.add(Formats.plain().format(shuffled.get(r, c))));
            data.row(row);
        });
        table.removeAll();
        table.add(data, text("The vertical-edge kernel slid over this table gives "
                + ConvolutionLessonView.rows(shuffledOutput()) + ". Same customers in another order, different "
                + "'features'."));
    }

    /** A 1-D output size and one 1-D output value, with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.BEYOND_IMAGES);
        int length = 10 + random.nextInt(40);
        int k = 2 + random.nextInt(4);
        int s = 1 + random.nextInt(2);
        var size = new Convolution1d(s, ZeroPadding.valid(), 1, false).trace(new double[length], new double[k]).cols();
        questions.add(new QuizQuestion(text.get("numeric.length.prompt", length, k, s), size.output(), 0, String.valueOf(size.output()),
                size.evaluation() + ".", "animation", "A kernel sliding along a signal"));
        double[] window = IntStream.range(0, 3).mapToDouble(i -> random.nextInt(7)).toArray();
        double[] weights = KERNELS.get("Spike: high between lows");
        double out = Convolution1d.defaults().apply(window, weights)[0];
        questions.add(new QuizQuestion(text.get("numeric.spike.prompt", Formats.plain().format(window[0]) + ", "
                + Formats.plain().format(window[1]) + ", " + Formats.plain().format(window[2])), out, 0, Formats.plain().format(out),
                Convolution1d.defaults().trace(window, weights).steps().getFirst().writtenSum() + ".", "animation",
                "A kernel sliding along a signal"));
        return questions;
    }
}
