package org.convlab.lesson.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
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
final class BeyondImagesLessonView extends LessonPage {

    /** A sensor reading over 16 time steps: quiet, a rise, a plateau, a spike, quiet. */
    static final double[] SIGNAL = {0, 0, 1, 3, 5, 5, 5, 4, 2, 0, 0, 6, 0, 0, 1, 0};
    /** The English words, for the choices' values (their labels are in the page's language). */
    private static final LessonText ENGLISH = LessonText.of(Lesson.BEYOND_IMAGES, Locale.ENGLISH);
    /** The signal kernels by their names in the lesson's file, which the select shows. */
    static final String SMOOTH = ENGLISH.get("kernel.smooth");
    static final String SPIKE = ENGLISH.get("kernel.spike");
    static final Map<String, double[]> KERNELS = new LinkedHashMap<>();

    static {
        KERNELS.put(SMOOTH, new double[] {1, 1, 1});
        KERNELS.put(ENGLISH.get("kernel.change"), new double[] {-1, 0, 1});
        KERNELS.put(SPIKE, new double[] {-1, 2, -1});
    }

    /** Five customers described by four numbers; the column order means nothing. Headers: fails.column.<id>. */
    static final List<String> COLUMNS = List.of("age", "visits", "spend", "children");
    static final Matrix CUSTOMERS = Matrix.of(new int[][] {
        {3, 1, 4, 0}, {5, 2, 2, 1}, {2, 4, 5, 2}, {4, 0, 1, 0}, {1, 3, 3, 1}
    });
    static final Matrix EDGE = ClassicKernel.VERTICAL_EDGE.kernel();

    final Select<String> kernel = new Select<>();
    final Select<Integer> stride = new Select<>();
    final MatrixAnimation animation = new MatrixAnimation(lessonText().get("animation.caption"));
    final Button shuffle = new Button(lessonText().get("shuffle.columns"), VaadinIcon.RANDOM.create());
    final Button shuffleRows = new Button(lessonText().get("shuffle.rows"), VaadinIcon.RANDOM.create());
    final Div table = new Div();
    private final RandomGenerator random = new Random();
    private List<Integer> order = List.of(0, 1, 2, 3);
    private List<Integer> rowOrder = List.of(0, 1, 2, 3, 4);

    BeyondImagesLessonView() {
        super(Lesson.BEYOND_IMAGES);
        kernel.setLabel(t("kernel.label"));
        kernel.setWidth("17em");
        kernel.setItems(KERNELS.keySet());
        kernel.setItemLabelGenerator(shownAs("kernel.smooth", "kernel.change", "kernel.spike"));
        kernel.setValue(KERNELS.keySet().iterator().next());
        stride.setLabel(t("stride.label"));
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

        section("animation", explain("animation.text.1"), animation);
        tryIt("try-it", explain("try-it.text.1"), controls);
        section("fails", explain("fails.text.1"), shuffles, table);
        djlSource("""
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
        boolean mean = kernel.getValue().equals(SMOOTH);
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
        List<String> headers = new ArrayList<>(List.of(t("fails.customer")));
        order.forEach(i -> headers.add(t("fails.column." + COLUMNS.get(i))));
        LessonTable data = new LessonTable(t("fails.caption"), headers);
        Matrix shuffled = shuffledTable();
        IntStream.range(0, shuffled.rows()).forEach(r -> {
            List<String> row = new ArrayList<>(List.of("#" + (rowOrder.get(r) + 1)));
            IntStream.range(0, shuffled.cols()).forEach(c -> row.add(Formats.plain().format(shuffled.get(r, c))));
            data.row(row);
        });
        table.removeAll();
        table.add(data, explain("fails.output", ConvolutionLessonView.rows(shuffledOutput())));
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
                size.evaluation() + ".", "animation"));
        double[] window = IntStream.range(0, 3).mapToDouble(i -> random.nextInt(7)).toArray();
        double[] weights = KERNELS.get(SPIKE);
        double out = Convolution1d.defaults().apply(window, weights)[0];
        questions.add(new QuizQuestion(text.get("numeric.spike.prompt", Formats.list(List.of(
                Formats.plain().format(window[0]), Formats.plain().format(window[1]), Formats.plain().format(window[2])))), out, 0, Formats.plain().format(out),
                Convolution1d.defaults().trace(window, weights).steps().getFirst().writtenSum(Formats.plain(), Formats.locale()) + ".", "animation"));
        return questions;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.BEYOND_IMAGES);
    }
}
