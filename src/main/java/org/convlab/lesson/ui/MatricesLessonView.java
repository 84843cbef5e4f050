package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.DatasetService;
import org.convlab.lesson.Matrix;

/**
 * Lesson 1: a picture is a matrix of numbers. A real Fashion-MNIST item with all 784 values, scaling
 * to 0–1, colour channels, and the tensor shapes a network takes in.
 */
@AnonymousAllowed
@Route("learn/matrices")
@PageTitle("Images are matrices · ConvLab")
final class MatricesLessonView extends LessonPage {

    static final String RAW = "0–255, as stored";
    static final String SCALED = "0–1, divided by 255";

    /** A 4×4 picture in red, green and blue: a red square, a yellow line, a blue corner, white and black. */
    static final int[][][] RGB = {
        {{255, 255, 0, 0}, {255, 255, 0, 0}, {255, 255, 255, 255}, {0, 0, 0, 255}},
        {{0, 0, 0, 0}, {0, 0, 0, 0}, {255, 255, 255, 255}, {0, 0, 0, 255}},
        {{0, 0, 255, 255}, {0, 0, 255, 255}, {0, 0, 0, 0}, {0, 0, 0, 255}},
    };

    final RadioButtonGroup<String> scale = new RadioButtonGroup<>();
    final Button another = new Button("Show another item", VaadinIcon.REFRESH.create());
    final Div itemView = new Div();
    private final DatasetService datasets;
    private final RandomGenerator random = new Random();
    private LessonImages.Item item;

    MatricesLessonView(DatasetService datasets) {
        super(Lesson.MATRICES,
                "To a computer, a grayscale picture is a grid of numbers: one number per pixel, saying how bright "
                        + "it is. Fashion-MNIST pictures are 28 pixels high and 28 wide, so each one is a 28×28 "
                        + "matrix of 784 numbers from 0 (black) to 255 (white).",
                "Everything a CNN does, it does to these numbers. Below is a real item from the data set, first as "
                        + "you see it, then as the network sees it.");
        this.datasets = datasets;
        item = LessonImages.item(datasets, LessonImages.ITEM).orElse(null);
        scale.setLabel("Show the values as");
        scale.setItems(RAW, SCALED);
        scale.setValue(RAW);
        scale.addValueChangeListener(e -> showItem());
        another.addClickListener(e -> {
            item = LessonImages.item(datasets, random.nextInt(10_000)).orElse(null);
            showItem();
        });
        itemView.addClassName("item-view");

        section("animation", "A picture is a matrix", itemView);
        Div controls = new Div(scale, another);
        controls.addClassName("lesson-controls");
        tryIt("try-it", "scale the pixels", text("Networks learn best from small numbers of similar size, so before "
                + "training every pixel is divided by 255. The picture stays the same; only the numbers shrink to "
                + "between 0 and 1."), controls);
        section("channels", "Colour pictures have three channels",
                text("A colour picture stores three numbers per pixel: how much red, green and blue light it has. "
                        + "That makes three matrices of the same size, the channels. Here is a 4×4 picture taken "
                        + "apart; yellow is red plus green, white is all three at 255, black all three at 0."),
                channels());
        section("tensors", "From a number to a batch: tensors",
                text("A tensor is a box of numbers with any number of axes. Its order (or rank) is how many axes "
                        + "it has. Networks are fed whole batches of images at once, so the input of a CNN is a "
                        + "4th-order tensor: N images × H rows × W columns × C channels."),
                tensorTable());
        section("why-learn", "Why not hand-make the features?",
                text("Before CNNs, people wrote the features by hand: edge detectors, corner detectors, colour "
                        + "histograms, and trained a classifier on those. That worked only as well as the designer's "
                        + "guesses. A CNN learns its filters from the data instead: the first layers end up finding "
                        + "edges and blobs on their own, and later layers combine them into parts like collars, "
                        + "sleeves or heels, which nobody had to describe."));
        djl("In DJL an image becomes an NDArray. Conv2d expects channels first (N×C×H×W), so a batch of one "
                + "Fashion-MNIST item looks like this:", """
                NDManager manager = NDManager.newBaseManager();
                NDArray image = manager.create(pixels, new Shape(28, 28));   // 784 values, 0–255
                NDArray scaled = image.toType(DataType.FLOAT32, false).div(255f); // now 0–1
                NDArray batch = scaled.reshape(1, 1, 28, 28);                 // N×C×H×W""");
        finish(() -> questions(new Random()));
        showItem();
    }

    void showItem() {
        itemView.removeAll();
        if (item == null) {
            itemView.add(text("The data set cannot be loaded here: " + datasets.problem().orElse("unknown problem")
                    + ". The other sections of this lesson still work."));
            return;
        }
        boolean scaled = SCALED.equals(scale.getValue());
        Matrix values = scaled ? item.pixels().map(v -> v / 255) : item.pixels();
        byte[] pixels = new byte[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) item.pixels().values().get(i).intValue();
        }
        Span caption = new Span(item.className() + ", test image #" + item.index());
        Div picture = new Div(new PixelImage(pixels, 28, 28, caption.getText()), caption);
        picture.addClassName("item-picture");
        NumberGrid grid = new NumberGrid("Pixel values of " + caption.getText(), values,
                scaled ? v -> Formats.plain().format(Math.round(v * 100) / 100.0).replaceFirst("^0\\.", ".")
                        : Formats.plain(),
                new ColorScale(0, scaled ? 1 : 255));
        itemView.add(picture, grid);
    }

    private static Div channels() {
        Div row = new Div();
        row.addClassName("channels");
        List<String> names = List.of("Red", "Green", "Blue");
        Div picture = new Div();
        picture.addClassName("rgb-picture");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                Span pixel = new Span();
                pixel.getStyle().set("background", "rgb(" + RGB[0][r][c] + " " + RGB[1][r][c] + " " + RGB[2][r][c] + ")");
                picture.add(pixel);
            }
        }
        row.add(figure("The picture", picture));
        for (int ch = 0; ch < 3; ch++) {
            int channel = ch;
            Matrix m = Matrix.generate(4, 4, (r, c) -> RGB[channel][r][c]);
            row.add(figure(names.get(ch), new NumberGrid(names.get(ch) + " channel", m, Formats.plain(),
                    new ColorScale(0, 255))));
        }
        return row;
    }

    private static Div figure(String title, Component content) {
        Span caption = new Span(title);
        caption.addClassName("figure-caption");
        Div figure = new Div(caption, content);
        figure.addClassName("small-figure");
        return figure;
    }

    private static LessonTable tensorTable() {
        LessonTable table = new LessonTable("Tensors of order 0 to 4",
                List.of("order", "what", "shape", "number of values", "example"));
        table.row(List.of("0", "scalar", "()", "1", "one pixel: 0.5"));
        for (var row : List.of(
                new Object[] {"1", "vector", TensorSizes.of(784), "a flattened image"},
                new Object[] {"2", "matrix", TensorSizes.of(28, 28), "a grayscale image"},
                new Object[] {"3", "3rd-order tensor", TensorSizes.of(28, 28, 3), "a colour image, H×W×C"},
                new Object[] {"4", "4th-order tensor", TensorSizes.of(32, 28, 28, 1), "a batch of 32, N×H×W×C"})) {
            TensorSizes shape = (TensorSizes) row[2];
            table.row(List.of((String) row[0], (String) row[1], "(" + shape.joined(", ") + ")",
                    String.format(Locale.ROOT, "%,d", shape.count()), (String) row[3]));
        }
        return table;
    }

    /** A pixel scaled to 0–1, the size of a batch, and the values in a colour image. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.MATRICES);
        int pixel = random.nextInt(256);
        double scaled = pixel / 255.0;
        questions.add(new QuizQuestion(text.get("numeric.scale.prompt", pixel), scaled, 0.006, Formats.plain().format(scaled),
                pixel + " / 255 = " + Formats.plain().format(scaled) + ".", "try-it", "Try it: scale the pixels"));
        TensorSizes batch = TensorSizes.of(8 * (1 + random.nextInt(8)), 28, 28, 1);
        questions.add(new QuizQuestion(text.get("numeric.batch.prompt", batch), batch.count(), 0, String.format(Locale.ROOT, "%,d", batch.count()),
                "Multiply the sizes: " + batch.joined(" × ")
                        + ".", "tensors", "From a number to a batch: tensors"));
        int side = 8 * (1 + random.nextInt(8));
        TensorSizes colour = TensorSizes.of(side, side, 3);
        questions.add(new QuizQuestion(text.get("numeric.colour.prompt", side),
                colour.count(), 0, String.format(Locale.ROOT, "%,d", colour.count()),
                text.get("numeric.colour.explanation", side), "channels",
                "Colour pictures have three channels"));
        return questions;
    }

    /**
     * The sizes of a tensor of any order, as the lesson writes them (a batch is N×H×W×C). A layer's
     * shape in a model ({@code model.LayerShape}) is only ever an image or a vector.
     */
    private record TensorSizes(List<Integer> sizes) {

        static TensorSizes of(int... sizes) {
            return new TensorSizes(Arrays.stream(sizes).boxed().toList());
        }

        /** How many numbers the tensor holds: the product of its sizes. */
        long count() {
            return sizes.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        }

        String joined(String separator) {
            return sizes.stream().map(String::valueOf).collect(Collectors.joining(separator));
        }

        /** "32×28×28×1". */
        @Override
        public String toString() {
            return joined("×");
        }
    }
}
