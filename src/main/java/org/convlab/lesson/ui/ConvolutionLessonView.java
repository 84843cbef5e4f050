package org.convlab.lesson.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
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
@PageTitle("Convolution · ConvLab")
final class ConvolutionLessonView extends LessonPage {

    static final String X = "The letter X (9×9)";
    static final String O = "The letter O (9×9)";
    static final String ITEM = "A Fashion-MNIST item (28×28)";

    final Select<String> image = new Select<>();
    final Select<ClassicKernel> kernelChoice = new Select<>();
    final Select<Integer> stride = new Select<>();
    final Select<String> padding = new Select<>();
    final Select<Integer> dilation = new Select<>();
    final Checkbox divide = new Checkbox("Divide each sum by 9");
    final MatrixAnimation animation = new MatrixAnimation("Convolution, step by step");
    final Div outputSize = new Div();
    final Div problem = new Div();
    final RgbConvolution rgb = new RgbConvolution();
    final ParameterCalculator parameters = new ParameterCalculator();
    private final Div djlCode = new Div();
    private final Map<String, Matrix> images = new LinkedHashMap<>();
    private Matrix input;
    private Matrix kernel;

    ConvolutionLessonView(DatasetService datasets) {
        super(Lesson.CONVOLUTION,
                "A convolution slides a small grid of weights, the kernel, over the image. At each position it "
                        + "multiplies the kernel with the pixels under it, cell by cell, and adds the products up. "
                        + "That sum is one cell of the output, the feature map.",
                "Where the pixels look like the kernel, the sum is large; where they look like its opposite, it is "
                        + "negative. So the feature map shows where in the image the kernel's pattern is.");
        images.put(X, XoImages.x());
        images.put(O, XoImages.o());
        LessonImages.item(datasets, LessonImages.ITEM).ifPresent(item -> images.put(ITEM, item.scaledToTenths()));

        image.setLabel("Image");
        image.setWidth("17em");
        image.setItems(images.keySet());
        image.setValue(X);
        kernelChoice.setLabel("Kernel");
        kernelChoice.setWidth("19em");
        kernelChoice.setItems(ClassicKernel.values());
        kernelChoice.setItemLabelGenerator(ClassicKernel::label);
        kernelChoice.setValue(ClassicKernel.FALLING_DIAGONAL);
        stride.setLabel("Stride S");
        stride.setItems(1, 2, 3);
        stride.setValue(1);
        padding.setLabel("Padding P");
        padding.setItems("0 (valid)", "1", "2", "same");
        padding.setValue("0 (valid)");
        dilation.setLabel("Dilation D");
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

        section("animation", "Watch the kernel slide",
                text("Press Play, or step with the buttons or the arrow keys. The framed cells are the kernel's "
                        + "window; on the right the sum is written out. Click any output cell to jump to it."),
                animation);
        tryIt("try-it", "change the image, the kernel and the settings",
                text("Click a cell of the image to flip it between ink and background, or a kernel cell to cycle "
                        + "it through −1, 0 and 1. Pick another kernel: edge kernels light up where brightness "
                        + "changes, the blur averages, sharpen exaggerates differences."),
                controls, problem);
        section("output-size", "How big is the output?",
                text("Stride S is how far the window jumps between outputs. Padding P adds a border of zeros so the "
                        + "window can also centre on edge pixels; 'same' adds just enough to keep the size "
                        + "(at stride 1). Dilation D spreads the kernel's cells D apart, so a 3×3 kernel sees a "
                        + "wider area without more weights. For an input of width W and a kernel of width K:"),
                formula("o = floor((W − K + 2P) / S) + 1,  and with dilation K becomes K_eff = D·(K − 1) + 1"),
                outputSize);
        section("channels", "Colour images: one kernel slice per channel",
                text("A colour image is three grids of numbers stacked on top of each other: how much red, how "
                        + "much green and how much blue each pixel has. A kernel for such an image is stacked the "
                        + "same way. It has one 3×3 slice per input channel, so it is 3×3×3: 27 weights."),
                text("Each slice slides over its own channel exactly as above, giving one sum per position. At "
                        + "each position the three sums are then added together, and the filter's bias is added "
                        + "once. So however many channels go in, one filter makes exactly one output map; a layer with 16 "
                        + "filters makes 16 maps, and those are the 16 channels the next layer sees."),
                rgb);
        section("parameters", "How many numbers does a layer learn?",
                text("Each filter has K·K weights for every one of the C input channels, plus one bias. A layer "
                        + "with F filters therefore learns (K·K·C + 1)·F numbers, whatever the size of the image. "
                        + "Type your own K, C and F:"),
                formula("parameters = (K·K·C + 1)·F"),
                parameters);
        djl("A convolutional layer learns its kernels instead of being given them: setFilters(32) asks for 32 "
                + "kernels, each making its own feature map. The settings you chose above become:", djlCode);
        finish(() -> questions(new Random()));
        update();
    }

    private ZeroPadding chosenPadding() {
        return switch (padding.getValue()) {
            case "same" -> ZeroPadding.same();
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
            problem.setText("These settings do not fit: " + e.getMessage() + ". Lower the dilation or add padding.");
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
        outputSize.add(formula("rows: " + rows.evaluation()), formula("columns: " + trace.cols().evaluation()));
        outputSize.add(text("So the " + trace.input().rows() + "×" + trace.input().cols() + " input gives a "
                + trace.output().rows() + "×" + trace.output().cols() + " feature map: " + trace.steps().size()
                + " positions of the kernel, one output cell each."));
    }

    private String djl(ConvolutionTrace trace) {
        int before = trace.rows().paddingBefore();
        String paddingNote = before == trace.rows().paddingAfter() ? ""
                : "        // DJL pads evenly; 'same' here needs " + before + " before and "
                        + trace.rows().paddingAfter() + " after, so pad the input yourself\n";
        return "Block conv = Conv2d.builder()\n"
                + "        .setKernelShape(new Shape(3, 3))\n"
                + "        .setFilters(32)\n"
                + "        .optStride(new Shape(" + stride.getValue() + ", " + stride.getValue() + "))\n"
                + "        .optPadding(new Shape(" + before + ", " + before + "))\n"
                + paddingNote
                + "        .optDilation(new Shape(" + dilation.getValue() + ", " + dilation.getValue() + "))\n"
                + "        .build();";
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
                String.valueOf(size.output()), size.evaluation() + ".", "output-size", "How big is the output?"));

        int wd = 9 + random.nextInt(20);
        int d = 2 + random.nextInt(2);
        OutputSize dilated = OutputSize.of("width", wd, 3, 1, ZeroPadding.valid(), d);
        questions.add(new QuizQuestion(text.get("numeric.dilation.prompt", d, wd), dilated.output(), 0,
                String.valueOf(dilated.output()), dilated.effectiveKernelEvaluation() + ", then "
                + dilated.evaluation() + ".", "output-size", "How big is the output?"));

        Matrix patch = Matrix.generate(3, 3, (r, c) -> random.nextInt(4) - 1);
        Matrix weights = Matrix.generate(3, 3, (r, c) -> random.nextInt(3) - 1);
        ConvolutionStep step = Convolution2d.defaults().trace(patch, weights).step(0, 0);
        questions.add(new QuizQuestion(text.get("numeric.sum.prompt", rows(patch), rows(weights)), step.result(), 1e-9,
                Formats.plain().format(step.result()), step.writtenSum() + ".", "animation", "Watch the kernel slide"));
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
}
