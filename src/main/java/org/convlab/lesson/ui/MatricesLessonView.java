package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
final class MatricesLessonView extends LessonPage {

    /** The English words, for the choices' values (their labels are in the page's language). */
    private static final LessonText ENGLISH = LessonText.of(Lesson.MATRICES, Locale.ENGLISH);
    static final String RAW = ENGLISH.get("scale.raw");
    static final String SCALED = ENGLISH.get("scale.scaled");

    /** A 4×4 picture in red, green and blue: a red square, a yellow line, a blue corner, white and black. */
    static final int[][][] RGB = {
        {{255, 255, 0, 0}, {255, 255, 0, 0}, {255, 255, 255, 255}, {0, 0, 0, 255}},
        {{0, 0, 0, 0}, {0, 0, 0, 0}, {255, 255, 255, 255}, {0, 0, 0, 255}},
        {{0, 0, 255, 255}, {0, 0, 255, 255}, {0, 0, 0, 0}, {0, 0, 0, 255}},
    };

    final RadioButtonGroup<String> scale = new RadioButtonGroup<>();
    final Button another = new Button(lessonText().get("another"), VaadinIcon.REFRESH.create());
    final Div itemView = new Div();
    private final DatasetService datasets;
    private final RandomGenerator random = new Random();
    private LessonImages.Item item;

    MatricesLessonView(DatasetService datasets) {
        super(Lesson.MATRICES);
        this.datasets = datasets;
        item = LessonImages.item(datasets, LessonImages.ITEM).orElse(null);
        scale.setLabel(t("scale.label"));
        scale.setItems(RAW, SCALED);
        scale.setItemLabelGenerator(shownAs("scale.raw", "scale.scaled"));
        scale.setValue(RAW);
        scale.addValueChangeListener(e -> showItem());
        another.addClickListener(e -> {
            item = LessonImages.item(datasets, random.nextInt(10_000)).orElse(null);
            showItem();
        });
        itemView.addClassName("item-view");

        section("animation", itemView);
        Div controls = new Div(scale, another);
        controls.addClassName("lesson-controls");
        tryIt("try-it", explain("try-it.text.1"), controls);
        section("channels", explain("channels.text.1"), channels());
        section("tensors", explain("tensors.text.1"), tensorTable());
        section("why-learn", explain("why-learn.text.1"));
        djlSource("""
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
            itemView.add(explain("item.missing", datasets.problem().orElse(t("item.unknown"))));
            return;
        }
        boolean scaled = SCALED.equals(scale.getValue());
        Matrix values = scaled ? item.pixels().map(v -> v / 255) : item.pixels();
        byte[] pixels = new byte[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) item.pixels().values().get(i).intValue();
        }
        Span caption = new Span(t("item.caption", item.className(), item.index()));
        Div picture = new Div(new PixelImage(pixels, 28, 28, caption.getText()), caption);
        picture.addClassName("item-picture");
        NumberGrid grid = new NumberGrid(t("item.grid", caption.getText()), values,
                scaled ? v -> Formats.plain().format(Math.round(v * 100) / 100.0).replaceFirst("^0([.,])", "$1")
                        : Formats.plain(),
                new ColorScale(0, scaled ? 1 : 255));
        itemView.add(picture, grid);
    }

    private Div channels() {
        Div row = new Div();
        row.addClassName("channels");
        List<String> names = List.of(t("channels.red"), t("channels.green"), t("channels.blue"));
        Div picture = new Div();
        picture.addClassName("rgb-picture");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                Span pixel = new Span();
                pixel.getStyle().set("background", "rgb(" + RGB[0][r][c] + " " + RGB[1][r][c] + " " + RGB[2][r][c] + ")");
                picture.add(pixel);
            }
        }
        row.add(figure(t("channels.picture"), picture));
        for (int ch = 0; ch < 3; ch++) {
            int channel = ch;
            Matrix m = Matrix.generate(4, 4, (r, c) -> RGB[channel][r][c]);
            row.add(figure(names.get(ch), new NumberGrid(t("channels.grid", names.get(ch)), m, Formats.plain(),
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

    private LessonTable tensorTable() {
        LessonTable table = new LessonTable(t("tensors.caption"), List.of(t("tensors.header.1"),
                t("tensors.header.2"), t("tensors.header.3"), t("tensors.header.4"), t("tensors.header.5")));
        table.row(List.of("0", t("tensors.name.0"), "()", "1", t("tensors.example.0")));
        List<TensorSizes> shapes = List.of(TensorSizes.of(784), TensorSizes.of(28, 28), TensorSizes.of(28, 28, 3),
                TensorSizes.of(32, 28, 28, 1));
        for (int order = 1; order <= shapes.size(); order++) {
            TensorSizes shape = shapes.get(order - 1);
            table.row(List.of(String.valueOf(order), t("tensors.name." + order), "(" + shape.joined(", ") + ")",
                    I18n.integer(shape.count()), t("tensors.example." + order)));
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
                pixel + " / 255 = " + Formats.plain().format(scaled) + ".", "try-it"));
        TensorSizes batch = TensorSizes.of(8 * (1 + random.nextInt(8)), 28, 28, 1);
        questions.add(new QuizQuestion(text.get("numeric.batch.prompt", batch), batch.count(), 0, I18n.integer(batch.count()),
                I18n.t("lesson.matrices.quiz.multiply", batch.joined(" × ")), "tensors"));
        int side = 8 * (1 + random.nextInt(8));
        TensorSizes colour = TensorSizes.of(side, side, 3);
        questions.add(new QuizQuestion(text.get("numeric.colour.prompt", side),
                colour.count(), 0, I18n.integer(colour.count()),
                text.get("numeric.colour.explanation", side), "channels"));
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

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.MATRICES);
    }
}
