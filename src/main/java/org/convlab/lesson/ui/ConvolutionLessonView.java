package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.ConvolutionStep;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.OutputSize;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.ZeroPadding;
import org.convlab.lesson.xo.XoImages;

/**
 * Lesson 2: a kernel sliding over an image. The learner picks the image and kernel, edits cells by
 * clicking them, and changes stride, padding and dilation; the animation, the output size formula
 * and the DJL code follow at once. Then the same for a colour image, one kernel slice per channel,
 * and how many parameters a layer with the learner's own numbers learns.
 */
@AnonymousAllowed
@Route("learn/convolution")
final class ConvolutionLessonView extends LessonPage {

    /** The English words, for the choices' values (their labels are in the page's language). */
    private static final LessonText ENGLISH = LessonText.of(Lesson.CONVOLUTION, Locale.ENGLISH);
    static final String X = ENGLISH.get("image.x");
    static final String O = ENGLISH.get("image.o");
    static final String ITEM = ENGLISH.get("image.item");
    /** The padding choices; {@code padding.<choice>} in the lesson's file labels the worded ones. */
    static final String VALID = "valid";
    static final String SAME = "same";

    final Select<String> image = new Select<>();
    final Select<ClassicKernel> kernelChoice = new Select<>();
    final Select<Integer> stride = new Select<>();
    final Select<String> padding = new Select<>();
    final Select<Integer> dilation = new Select<>();
    final Checkbox divide = new Checkbox(lessonText().get("divide"));
    final MatrixAnimation animation = new MatrixAnimation(lessonText().get("animation.caption"));
    final Div outputSize = new Div();
    final Div problem = new Div();
    final RgbConvolution rgb = new RgbConvolution();
    final ParameterCalculator parameters = new ParameterCalculator();
    private final Div djlCode = new Div();
    private final Map<String, Matrix> images = new LinkedHashMap<>();
    private Matrix input;
    private Matrix kernel;

    ConvolutionLessonView(DatasetService datasets) {
        super(Lesson.CONVOLUTION);
        images.put(X, XoImages.x());
        images.put(O, XoImages.o());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> images.put(ITEM, item.scaledToTenths()));

        image.setLabel(t("image.label"));
        image.setWidth("17em");
        image.setItems(images.keySet());
        image.setItemLabelGenerator(shownAs("image.x", "image.o", "image.item"));
        image.setValue(X);
        kernelChoice.setLabel(t("kernel.label"));
        kernelChoice.setWidth("19em");
        kernelChoice.setItems(ClassicKernel.values());
        kernelChoice.setItemLabelGenerator(ClassicKernel::label);
        kernelChoice.setValue(ClassicKernel.FALLING_DIAGONAL);
        stride.setLabel(t("stride.label"));
        stride.setItems(1, 2, 3);
        stride.setValue(1);
        padding.setLabel(t("padding.label"));
        padding.setItems(VALID, "1", "2", SAME);
        padding.setItemLabelGenerator(p -> words().has("padding." + p) ? t("padding." + p) : p);
        padding.setValue(VALID);
        dilation.setLabel(t("dilation.label"));
        dilation.setItems(1, 2, 3);
        dilation.setValue(1);
        divide.setValue(true);
        input = images.get(X);
        kernel = ClassicKernel.FALLING_DIAGONAL.kernel();

        image.addValueChangeListener(e -> {
            input = images.get(e.getValue());
            // The X/O filters are made for the letters; on a real photo the edge kernel shows more.
            if (ITEM.equals(e.getValue()) && kernelChoice.getValue() != null && kernelChoice.getValue().madeForLetters()) {
                kernelChoice.setValue(ClassicKernel.VERTICAL_EDGE);
            }
            update();
        });
        kernelChoice.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kernel = e.getValue().kernel();
                divide.setValue(e.getValue().dividedByNine());
            }
            update();
        });
        stride.addValueChangeListener(e -> update());
        padding.addValueChangeListener(e -> update());
        dilation.addValueChangeListener(e -> update());
        divide.addValueChangeListener(e -> update());
        animation.addCellEditListener(e -> edit(e.grid(), e.row(), e.col()));

        Div controls = new Div(image, kernelChoice, stride, padding, dilation, divide);
        controls.addClassName("lesson-controls");
        problem.addClassName("callout-error");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");
        outputSize.addClassName("output-size");

        // The controls sit right under the animation, so every change is seen where it happens.
        section("animation", explain("animation.text.1"), animation, controls, problem);
        tryIt("try-it", explain("try-it.text.1"));
        section("flip", explain("flip.text.1"), formula(t("flip.formula.1")), formula(t("flip.formula.2")));
        section("output-size", explain("output-size.text.1"), formula(t("output-size.formula")), outputSize);
        section("channels", explain("channels.text.1"), explain("channels.text.2"), rgb);
        section("parameters", explain("parameters.text.1"), formula(t("parameters.formula")), parameters);
        djl(djlCode);
        finish(() -> questions(new Random()));
        update();
    }

    private ZeroPadding chosenPadding() {
        return switch (padding.getValue()) {
            case SAME -> ZeroPadding.same();
            case "1" -> ZeroPadding.of(1);
            case "2" -> ZeroPadding.of(2);
            default -> ZeroPadding.valid();
        };
    }

    private Convolution2d settings() {
        Convolution2d conv = new Convolution2d(stride.getValue(), chosenPadding(), dilation.getValue(), false);
        return divide.getValue() ? conv.dividedByKernelSize() : conv;
    }

    /** Runs the engine with the current choices; settings that cannot work explain why instead. */
    void update() {
        ConvolutionTrace trace;
        try {
            trace = settings().trace(input, kernel);
        } catch (IllegalArgumentException e) {
            problem.setText(t("problem", reason(e)));
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        boolean ninths = divide.getValue() && input.cols() < 10;
        ValueFormat labels = input.cols() > 14 ? Formats.oneDecimal() : ninths ? Formats.ninths() : Formats.plain();
        animation.show(AnimationTrace.convolution(trace, labels, ninths ? Formats.ninths() : Formats.plain())
                .editable("input", "kernel"));
        showOutputSize(trace);
        djlCode.removeAll();
        djlCode.add(code(djl(trace)));
    }

    private void showOutputSize(ConvolutionTrace trace) {
        outputSize.removeAll();
        OutputSize rows = trace.rows();
        if (rows.dilation() > 1) {
            outputSize.add(formula(rows.effectiveKernelEvaluation()));
        }
        outputSize.add(formula(t("output-size.rows", rows.evaluation())),
                formula(t("output-size.columns", trace.cols().evaluation())));
        outputSize.add(explain("output-size.result", trace.input().rows() + "×" + trace.input().cols(),
                trace.output().rows() + "×" + trace.output().cols(), trace.steps().size()));
    }

    private String djl(ConvolutionTrace trace) {
        int before = trace.rows().paddingBefore();
        String paddingNote = before == trace.rows().paddingAfter() ? ""
                : "        // " + I18n.t("lesson.convolution.padding-note", before, trace.rows().paddingAfter()) + "\n";
        return String.format(Locale.ROOT, """
                Block conv = Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .setFilters(32)
                        .optStride(new Shape(%1$d, %1$d))
                        .optPadding(new Shape(%2$d, %2$d))
                %3$s        .optDilation(new Shape(%4$d, %4$d))
                        .build();""", stride.getValue(), before, paddingNote, dilation.getValue());
    }

    /** A click on the animation: image cells flip between ink and background, kernel cells cycle −1, 0, 1. */
    void edit(String grid, int row, int col) {
        if (grid.equals("kernel")) {
            kernel = Matrix.generate(kernel.rows(), kernel.cols(),
                    (r, c) -> r == row && c == col ? cycle(kernel.get(r, c)) : kernel.get(r, c));
            update();
            return;
        }
        ConvolutionTrace trace = settings().trace(input, kernel);
        int r0 = row - trace.rows().paddingBefore();
        int c0 = col - trace.cols().paddingBefore();
        if (!input.contains(r0, c0)) {
            return;
        }
        boolean signed = input.values().stream().anyMatch(v -> v < 0);
        input = Matrix.generate(input.rows(), input.cols(), (r, c) -> r == r0 && c == c0
                ? flip(input.get(r, c), signed)
                : input.get(r, c));
        update();
    }

    private static double cycle(double value) {
        return value < 0 ? 0 : value == 0 ? 1 : -1;
    }

    private static double flip(double value, boolean signed) {
        if (signed) {
            return value > 0 ? -1 : 1;
        }
        return value >= 0.5 ? 0 : 1;
    }

    Matrix input() {
        return input;
    }

    Matrix kernel() {
        return kernel;
    }

    /** An output size, a dilated output size, and one multiply-and-sum, all with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.CONVOLUTION);
        int w = 6 + random.nextInt(27);
        int k = List.of(2, 3, 5).get(random.nextInt(3));
        int p = random.nextInt(3);
        int s = 1 + random.nextInt(3);
        OutputSize size = OutputSize.of("width", w, k, s, ZeroPadding.of(p), 1);
        questions.add(new QuizQuestion(text.get("numeric.width.prompt", w, k, s, p), size.output(), 0,
                String.valueOf(size.output()), size.evaluation() + ".", "output-size"));

        int wd = 9 + random.nextInt(20);
        int d = 2 + random.nextInt(2);
        OutputSize dilated = OutputSize.of("width", wd, 3, 1, ZeroPadding.valid(), d);
        questions.add(new QuizQuestion(text.get("numeric.dilation.prompt", d, wd), dilated.output(), 0,
                String.valueOf(dilated.output()), I18n.t("lesson.convolution.quiz.then",
                dilated.effectiveKernelEvaluation(), dilated.evaluation()), "output-size"));

        Matrix patch = Matrix.generate(3, 3, (r, c) -> random.nextInt(4) - 1);
        Matrix weights = Matrix.generate(3, 3, (r, c) -> random.nextInt(3) - 1);
        ConvolutionStep step = Convolution2d.defaults().trace(patch, weights).step(0, 0);
        questions.add(new QuizQuestion(text.get("numeric.sum.prompt", rows(patch), rows(weights)), step.result(), 1e-9,
                Formats.plain().format(step.result()), step.writtenSum(Formats.plain(), Formats.locale()) + ".", "animation"));
        return questions;
    }

    /** "[1 0 −1 / 2 1 0 / …]": a small matrix in one line of a question. */
    static String rows(Matrix m) {
        StringBuilder text = new StringBuilder("[");
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                text.append(c == 0 ? "" : " ").append(Formats.plain().format(m.get(r, c)));
            }
            text.append(r < m.rows() - 1 ? " / " : "]");
        }
        return text.toString();
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.CONVOLUTION);
    }
}
