package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.convlab.lesson.architecture.ParameterFormula;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;

/**
 * Lesson 6: a real CNN for 28×28 images, layer by layer: the shape each layer hands on and how many
 * parameters it learns. The learner changes filters, kernel size and units and sees the counts move.
 */
@AnonymousAllowed
@Route("learn/stacking")
final class StackingLessonView extends LessonPage {

    final Select<Integer> filters1 = new Select<>();
    final Select<Integer> filters2 = new Select<>();
    final Select<Integer> kernel = new Select<>();
    final Select<Integer> units = new Select<>();
    final Div summary = new Div();
    final Div djlCode = new Div();
    private ValidatedModel model;

    StackingLessonView() {
        super(Lesson.STACKING);
        setUp(filters1, t("filters1.label"), List.of(16, 32, 64), 64);
        setUp(filters2, t("filters2.label"), List.of(32, 64, 128), 128);
        setUp(kernel, t("kernel.label"), List.of(3, 5), 3);
        setUp(units, t("units.label"), List.of(64, 128, 256), 128);
        kernel.setItemLabelGenerator(k -> k + "×" + k);
        Div controls = new Div(filters1, filters2, kernel, units);
        controls.addClassName("lesson-controls");

        section("animation", summary, explain("animation.text.1"));
        tryIt("try-it", explain("try-it.text.1"), controls);
        djl(djlCode);
        finish(() -> questions(new Random()));
        update();
    }

    private void setUp(Select<Integer> select, String label, List<Integer> items, int value) {
        select.setLabel(label);
        select.setItems(items);
        select.setValue(value);
        select.addValueChangeListener(e -> update());
    }

    /** Deck 002's network (the "keras-cnn" preset) with the learner's filters, kernel and units. */
    static ModelSpec model(int f1, int f2, int k, int u) {
        return new ModelSpec("stacking", List.of(
                new Layer.Conv2d(f1, k, ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Conv2d(f2, k, ActivationKind.RELU),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dense(u, ActivationKind.RELU),
                new Layer.Dense(10, ActivationKind.SOFTMAX)));
    }

    void update() {
        boolean deck = filters1.getValue() == 64 && filters2.getValue() == 128 && kernel.getValue() == 3
                && units.getValue() == 128;
        model = ModelValidator.validate(
                model(filters1.getValue(), filters2.getValue(), kernel.getValue(), units.getValue()));
        LessonTable table = new LessonTable(t("table.caption"),
                List.of(t("table.layer"), t("table.shape"), t("table.parameters"), t("table.how")));
        table.row(List.of(t("table.input"), model.input().keras(), "0", t("table.input.how")));
        for (ValidatedModel.LayerInfo layer : model.layers()) {
            table.row(List.of(layer.name() + " (" + layer.layer().kerasType() + ")", layer.output().keras(),
                    count(layer.params()), ParameterFormula.of(layer, Formats.locale())));
        }
        table.row(List.of(t("table.total"), "", count(model.totalParams()), deck ? t("table.total.deck") : ""));
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        summary.removeAll();
        summary.add(scroll);
        djlCode.removeAll();
        String conv = "        .add(Conv2d.builder().setKernelShape(new Shape(%1$d, %1$d)).setFilters(%2$d).build())\n"
                + "        .add(Activation.reluBlock())\n        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))\n";
        djlCode.add(code("SequentialBlock cnn = new SequentialBlock()\n"
                + String.format(Locale.ROOT, conv, kernel.getValue(), filters1.getValue())
                + String.format(Locale.ROOT, conv, kernel.getValue(), filters2.getValue())
                + "        .add(Blocks.batchFlattenBlock())\n"
                + "        .add(Linear.builder().setUnits(" + units.getValue() + ").build())\n"
                + "        .add(Activation.reluBlock())\n"
                + "        .add(Linear.builder().setUnits(10).build());"));
    }

    ValidatedModel model() {
        return model;
    }

    static String count(long n) {
        return I18n.integer(n);
    }

    /** A conv layer's parameters, a dense layer's parameters, and a shape after conv and pooling. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.STACKING);
        int k = List.of(3, 5).get(random.nextInt(2));
        int c = List.of(1, 3, 16, 32).get(random.nextInt(4));
        int f = List.of(8, 16, 32, 64).get(random.nextInt(4));
        LayerShape in = LayerShape.image(c, 28, 28);
        Layer conv = new Layer.Conv2d(f, k, ActivationKind.RELU);
        long convParams = ModelValidator.parameterCount(conv, in);
        questions.add(new QuizQuestion(text.get("numeric.conv.prompt",
                text.count("numeric.filters", f, String.valueOf(f)), k,
                text.count("numeric.channels", c, String.valueOf(c))), convParams, 0, count(convParams),
                ParameterFormula.of(conv, in, Formats.locale()) + ".", "animation"));
        int n = 16 * (1 + random.nextInt(20));
        int u = List.of(10, 32, 64, 128).get(random.nextInt(4));
        Layer dense = new Layer.Dense(u, ActivationKind.RELU);
        long denseParams = ModelValidator.parameterCount(dense, LayerShape.vector(n));
        questions.add(new QuizQuestion(text.get("numeric.dense.prompt",
                text.count("numeric.units", u, String.valueOf(u)), n), denseParams, 0, count(denseParams),
                ParameterFormula.of(dense, LayerShape.vector(n), Formats.locale()) + ".", "animation"));
        int w = 20 + 2 * random.nextInt(10);
        ValidatedModel small = ModelValidator.validate(new ModelSpec("quiz", new ModelSpec.InputShape(1, w, w), 10,
                List.of(new Layer.Conv2d(8, 3, ActivationKind.RELU), new Layer.MaxPool(2), new Layer.Flatten(),
                        new Layer.Dense(10, ActivationKind.SOFTMAX))));
        int side = small.layers().get(1).output().height();
        questions.add(new QuizQuestion(text.get("numeric.side.prompt", w), side, 0, String.valueOf(side),
                text.get("numeric.side.explanation", w, small.layers().getFirst().output().height(), side), "animation"));
        return questions;
    }
}
