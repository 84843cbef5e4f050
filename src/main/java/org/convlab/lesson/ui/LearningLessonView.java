package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.softmax.GradientDescentStep;
import org.convlab.lesson.softmax.GradientStepTrace;
import org.convlab.lesson.softmax.Softmax;
import org.convlab.lesson.softmax.SoftmaxLesson;
import org.convlab.lesson.softmax.SoftmaxTrace;

/**
 * Lesson 9: from scores to learning. Softmax, one-hot labels, cross-entropy against accuracy and
 * one gradient-descent step worked out with numbers; then a real CNN trained through the training
 * queue while the learner watches (LiveTraining), with divergence and overfitting told apart and
 * the usual cures switched on and off. The words are in {@code lessons/learning.properties}.
 */
@AnonymousAllowed
@Route("learn/learning")
final class LearningLessonView extends LessonPage {


    final Select<String> trueClass = new Select<>();
    final Select<Double> learningRate = new Select<>();
    final Div softmax = new Div();
    final Div step = new Div();
    /** The real network, from the training feature (LiveNetwork). */
    final Component live;
    private GradientStepTrace trace;

    LearningLessonView(LiveNetwork network) {
        super(Lesson.LEARNING, lessonText().get("intro.1"), lessonText().get("intro.2"));
        trueClass.setLabel(lessonText().get("controls.true-class"));
        trueClass.setItems(SoftmaxLesson.CLASSES);
        trueClass.setItemLabelGenerator(LearningLessonView::className);
        trueClass.setValue(SoftmaxLesson.CLASSES.get(SoftmaxLesson.TRUE_CLASS));
        learningRate.setLabel(lessonText().get("controls.learning-rate"));
        learningRate.setItems(0.1, 0.5, 1.0, 2.0);
        learningRate.setItemLabelGenerator(v -> Formats.plain().format(v));
        learningRate.setValue(SoftmaxLesson.LEARNING_RATE);
        trueClass.addValueChangeListener(e -> update());
        learningRate.addValueChangeListener(e -> update());
        Div controls = new Div(trueClass, learningRate);
        controls.addClassName("lesson-controls");
        live = network.panel(lessonText());

        section("animation", lessonText().get("animation.title"), softmax);
        section("step", lessonText().get("step.title"), step);
        tryIt("try-it", lessonText().get("try-step.title"), text(lessonText().get("try-step.text")), controls);
        section("training", lessonText().get("training.title"),
                text(lessonText().get("training.text.1")),
                text(lessonText().get("training.text.2")),
                text(lessonText().get("training.diverging")),
                text(lessonText().get("training.overfitting")),
                remedies());
        tryIt("live", lessonText().get("live.title"), text(lessonText().get("live.text.1")), live);
        djl(lessonText().get("djl.text"), """
                Loss loss = Loss.softmaxCrossEntropyLoss();
                Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build();
                DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                        .optOptimizer(sgd)
                        .addEvaluator(new Accuracy());
                // dropout and batch normalization are blocks: Dropout.builder().optRate(0.5f).build(),
                // BatchNorm.builder().build(); L2 weight decay: Optimizer.sgd().optWeightDecays(1e-4f)
                EasyTrain.fit(trainer, 10, trainingSet, validationSet); // 10 epochs of batches""");
        finish(() -> questions(new Random()));
        update();
    }

    private static UnorderedList remedies() {
        UnorderedList list = new UnorderedList();
        for (int i = 1; lessonText().has("training.remedy." + i); i++) {
            list.add(new ListItem(lessonText().get("training.remedy." + i)));
        }
        return list;
    }

    void update() {
        int truth = SoftmaxLesson.CLASSES.indexOf(trueClass.getValue());
        trace = GradientDescentStep.run(SoftmaxLesson.INPUTS, SoftmaxLesson.WEIGHTS, SoftmaxLesson.BIASES, truth,
                learningRate.getValue());
        SoftmaxTrace before = trace.before();
        softmax.removeAll();
        LessonTable table = new LessonTable(lessonText().get("animation.table.caption"),
                List.of(I18n.t("lesson.learning.table.class"), I18n.t("lesson.learning.table.logit"),
                        I18n.t("lesson.learning.table.probability"), I18n.t("lesson.learning.table.label")));
        for (int k = 0; k < SoftmaxLesson.CLASSES.size(); k++) {
            table.row(List.of(className(SoftmaxLesson.CLASSES.get(k)), Formats.plain().format(before.logits().get(k)),
                    Formats.plain().format(before.probabilities().get(k)), k == truth ? "1" : "0"));
        }
        softmax.add(table);
        before.explanation(Formats.locale()).forEach(line -> softmax.add(text(line)));
        int predicted = IntStream.range(0, before.probabilities().size()).boxed()
                .max((a, b) -> Double.compare(before.probabilities().get(a), before.probabilities().get(b)))
                .orElseThrow();
        softmax.add(text(lessonText().get("animation.accuracy", className(SoftmaxLesson.CLASSES.get(predicted)),
                lessonText().get(predicted == truth ? "animation.right" : "animation.wrong"))));
        step.removeAll();
        step.add(text(lessonText().get("step.inputs", Formats.list(SoftmaxLesson.INPUTS.stream()
                .map(v -> Formats.plain().format(v)).toList()))));
        trace.explanation(Formats.locale()).forEach(line -> step.add(text(line)));
        step.add(weightTable(trace));
    }

    /** Every parameter before and after the step, so the learner sees which ones moved and which way. */
    private static LessonTable weightTable(GradientStepTrace trace) {
        LessonTable table = new LessonTable(lessonText().get("step.table.caption"),
                List.of(I18n.t("lesson.learning.table.class"), I18n.t("lesson.learning.table.w1"),
                        I18n.t("lesson.learning.table.w2"), I18n.t("lesson.learning.table.b")));
        ValueFormat f = Formats.plain();
        for (int k = 0; k < SoftmaxLesson.CLASSES.size(); k++) {
            List<String> row = new ArrayList<>(List.of(className(SoftmaxLesson.CLASSES.get(k))));
            for (int j = 0; j < trace.weights().cols(); j++) {
                row.add(f.format(trace.weights().get(k, j)) + " → " + f.format(trace.newWeights().get(k, j)));
            }
            row.add(f.format(trace.biases().get(k)) + " → " + f.format(trace.newBiases().get(k)));
            table.row(row);
        }
        return table;
    }

    GradientStepTrace trace() {
        return trace;
    }

    /** A softmax probability, a loss, and steps per epoch, with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        List<Double> logits = List.of((double) random.nextInt(4), (double) random.nextInt(4), 0.0);
        SoftmaxTrace first = Softmax.trace(logits, 0);
        String listed = Formats.list(logits.stream().map(v -> Formats.plain().format(v)).toList());
        questions.add(new QuizQuestion(I18n.t("lesson.learning.quiz.softmax", listed), first.probabilities().getFirst(),
                0.006, Formats.plain().format(first.probabilities().getFirst()), String.join(" ", first.explanation(Formats.locale())
                .subList(1, 3)), "animation"));
        int truth = random.nextInt(3);
        SoftmaxTrace lossTrace = Softmax.trace(logits, truth);
        questions.add(new QuizQuestion(I18n.t("lesson.learning.quiz.loss", truth + 1), lossTrace.loss(), 0.006,
                Formats.plain().format(lossTrace.loss()), lossTrace.explanation(Formats.locale()).getLast(), "animation"));
        int batch = List.of(16, 32, 64, 100).get(random.nextInt(4));
        int pictures = batch * (100 + random.nextInt(500));
        questions.add(new QuizQuestion(I18n.t("lesson.learning.quiz.steps", pictures, batch), pictures / batch, 0,
                I18n.integer(pictures / batch), I18n.t("lesson.learning.quiz.steps.explanation", String.valueOf(pictures), batch),
                "training"));
        return questions;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.LEARNING);
    }

    /** A Fashion-MNIST class of the tiny example ("Trouser"), as the page's language names it ("Hose"). */
    static String className(String english) {
        return I18n.t("lesson.learning.class." + english.toLowerCase(java.util.Locale.ROOT).replace('/', '-'));
    }
}
