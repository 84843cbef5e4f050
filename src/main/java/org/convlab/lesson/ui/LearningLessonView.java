package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("How a network learns · ConvLab")
final class LearningLessonView extends LessonPage {

    private static final LessonText TEXT = LessonText.of(Lesson.LEARNING);

    final Select<String> trueClass = new Select<>();
    final Select<Double> learningRate = new Select<>();
    final Div softmax = new Div();
    final Div step = new Div();
    /** The real network, from the training feature (LiveNetwork). */
    final Component live;
    private GradientStepTrace trace;

    LearningLessonView(LiveNetwork network) {
        super(Lesson.LEARNING, TEXT.get("intro.1"), TEXT.get("intro.2"));
        trueClass.setLabel(TEXT.get("controls.true-class"));
        trueClass.setItems(SoftmaxLesson.CLASSES);
        trueClass.setValue(SoftmaxLesson.CLASSES.get(SoftmaxLesson.TRUE_CLASS));
        learningRate.setLabel(TEXT.get("controls.learning-rate"));
        learningRate.setItems(0.1, 0.5, 1.0, 2.0);
        learningRate.setItemLabelGenerator(v -> ValueFormat.plain().format(v));
        learningRate.setValue(SoftmaxLesson.LEARNING_RATE);
        trueClass.addValueChangeListener(e -> update());
        learningRate.addValueChangeListener(e -> update());
        Div controls = new Div(trueClass, learningRate);
        controls.addClassName("lesson-controls");
        live = network.panel(TEXT);

        section("animation", TEXT.get("animation.title"), softmax);
        section("step", TEXT.get("step.title"), step);
        tryIt("try-it", TEXT.get("try-step.title"), text(TEXT.get("try-step.text")), controls);
        section("training", TEXT.get("training.title"),
                text(TEXT.get("training.text.1")),
                text(TEXT.get("training.text.2")),
                text(TEXT.get("training.diverging")),
                text(TEXT.get("training.overfitting")),
                remedies());
        tryIt("live", TEXT.get("live.title"), text(TEXT.get("live.text.1")), live);
        djl(TEXT.get("djl.text"), """
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
        for (int i = 1; TEXT.has("training.remedy." + i); i++) {
            list.add(new ListItem(TEXT.get("training.remedy." + i)));
        }
        return list;
    }

    void update() {
        int truth = SoftmaxLesson.CLASSES.indexOf(trueClass.getValue());
        trace = GradientDescentStep.run(SoftmaxLesson.INPUTS, SoftmaxLesson.WEIGHTS, SoftmaxLesson.BIASES, truth,
                learningRate.getValue());
        SoftmaxTrace before = trace.before();
        softmax.removeAll();
        LessonTable table = new LessonTable(TEXT.get("animation.table.caption"),
                List.of("class", "logit z", "probability p", "one-hot label y"));
        for (int k = 0; k < SoftmaxLesson.CLASSES.size(); k++) {
            table.row(List.of(SoftmaxLesson.CLASSES.get(k), ValueFormat.plain().format(before.logits().get(k)),
                    ValueFormat.plain().format(before.probabilities().get(k)), k == truth ? "1" : "0"));
        }
        softmax.add(table);
        before.explanation().forEach(line -> softmax.add(text(line)));
        int predicted = IntStream.range(0, before.probabilities().size()).boxed()
                .max((a, b) -> Double.compare(before.probabilities().get(a), before.probabilities().get(b)))
                .orElseThrow();
        softmax.add(text(TEXT.get("animation.accuracy", SoftmaxLesson.CLASSES.get(predicted),
                TEXT.get(predicted == truth ? "animation.right" : "animation.wrong"))));
        step.removeAll();
        step.add(text(TEXT.get("step.inputs", String.join(", ", SoftmaxLesson.INPUTS.stream()
                .map(v -> ValueFormat.plain().format(v)).toList()))));
        trace.explanation().forEach(line -> step.add(text(line)));
        step.add(weightTable(trace));
    }

    /** Every parameter before and after the step, so the learner sees which ones moved and which way. */
    private static LessonTable weightTable(GradientStepTrace trace) {
        LessonTable table = new LessonTable(TEXT.get("step.table.caption"),
                List.of("class", "w₁ before → after", "w₂ before → after", "b before → after"));
        ValueFormat f = ValueFormat.plain();
        for (int k = 0; k < SoftmaxLesson.CLASSES.size(); k++) {
            List<String> row = new ArrayList<>(List.of(SoftmaxLesson.CLASSES.get(k)));
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
        questions.add(new QuizQuestion("Logits " + String.join(", ", logits.stream().map(v -> ValueFormat.plain()
                .format(v)).toList()) + " for three classes. What probability does softmax give the first? "
                + "(two decimals)", first.probabilities().getFirst(), 0.006,
                ValueFormat.plain().format(first.probabilities().getFirst()), String.join(" ", first.explanation()
                .subList(1, 3)), "animation", "Softmax and the loss"));
        int truth = random.nextInt(3);
        SoftmaxTrace lossTrace = Softmax.trace(logits, truth);
        questions.add(new QuizQuestion("Same logits; the true class is number " + (truth + 1) + ". What is the "
                + "cross-entropy loss? (two decimals)", lossTrace.loss(), 0.006,
                ValueFormat.plain().format(lossTrace.loss()), lossTrace.explanation().getLast(), "animation",
                "Softmax and the loss"));
        int batch = List.of(16, 32, 64, 100).get(random.nextInt(4));
        int pictures = batch * (100 + random.nextInt(500));
        questions.add(new QuizQuestion(String.format(Locale.ROOT, "%,d training pictures, batches of %d. "
                + "How many steps make one epoch?", pictures, batch), pictures / batch, 0,
                String.valueOf(pictures / batch), "One step per batch: " + pictures + " / " + batch + ".", "training",
                "Epochs, batches and validation"));
        return questions;
    }
}
