package org.convlab.lesson.ui;

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
 * Lesson 9: from scores to learning. Softmax, one-hot labels, cross-entropy against accuracy, one
 * gradient-descent step worked out, then epochs, batches, validation and the usual cures for
 * overfitting.
 */
@AnonymousAllowed
@Route("learn/learning")
@PageTitle("How a network learns · ConvLab")
final class LearningLessonView extends LessonPage {

    final Select<String> trueClass = new Select<>();
    final Select<Double> learningRate = new Select<>();
    final Div softmax = new Div();
    final Div step = new Div();
    private GradientStepTrace trace;

    LearningLessonView() {
        super(Lesson.LEARNING,
                "The last layer of a classifier gives one score per class, the logits. Softmax turns them into "
                        + "probabilities that add up to 1. Training compares those with the right answer and nudges "
                        + "every weight a little in the direction that makes the right answer more likely.",
                "Here is that loop once, on a tiny example with three classes and numbers you can follow by hand.");
        trueClass.setLabel("The picture really is a");
        trueClass.setItems(SoftmaxLesson.CLASSES);
        trueClass.setValue(SoftmaxLesson.CLASSES.get(SoftmaxLesson.TRUE_CLASS));
        learningRate.setLabel("Learning rate");
        learningRate.setItems(0.1, 0.5, 1.0, 2.0);
        learningRate.setItemLabelGenerator(v -> ValueFormat.plain().format(v));
        learningRate.setValue(SoftmaxLesson.LEARNING_RATE);
        trueClass.addValueChangeListener(e -> update());
        learningRate.addValueChangeListener(e -> update());
        Div controls = new Div(trueClass, learningRate);
        controls.addClassName("lesson-controls");

        section("animation", "Softmax and the loss", softmax);
        section("step", "One step of gradient descent", step);
        tryIt("try-it", "change the answer and the step size", text("Say the picture is a sneaker: the loss "
                + "jumps, because the network gave that class little probability. Then try learning rates from 0.1 "
                + "to 2 and compare the loss after the step: bigger steps learn faster here, but on a real network "
                + "steps that are too big overshoot and the loss jumps around."), controls);
        section("training", "Epochs, batches and validation",
                text("Real training repeats that step many times. The training pictures are cut into batches (say "
                        + "32 pictures); each batch gives one step, with the gradient averaged over its pictures. One "
                        + "pass over all training pictures is an epoch: with 60,000 pictures and batches of 32 that "
                        + "is 1,875 steps."),
                text("Part of the data is kept aside as a validation set and never trained on. While both losses "
                        + "fall, the network is learning. When the training loss keeps falling but the validation "
                        + "loss turns up, it has started to memorise the training pictures: it overfits. Stop there, "
                        + "or make memorising harder:"),
                remedies());
        djl("In DJL, the loss, the optimizer and the loop over epochs and batches look like this:", """
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
        List.of("Pooling: fewer numbers to fit, and small shifts no longer matter.",
                "Dropout: during training, randomly switch off some units (say half) at each step, so no unit can "
                        + "rely on one particular other.",
                "Batch normalization: rescale each layer's outputs per batch; training gets steadier and a little "
                        + "noisier, which also helps against memorising.",
                "Data augmentation: show shifted, flipped or slightly turned copies of the pictures, so there is "
                        + "more to learn from and less to memorise.",
                "L1/L2 regularisation: add the size of the weights to the loss (L1: sum of absolute values, L2: sum "
                        + "of squares), so large weights must earn their place.")
                .forEach(text -> list.add(new ListItem(text)));
        return list;
    }

    void update() {
        int truth = SoftmaxLesson.CLASSES.indexOf(trueClass.getValue());
        trace = GradientDescentStep.run(SoftmaxLesson.INPUTS, SoftmaxLesson.WEIGHTS, SoftmaxLesson.BIASES, truth,
                learningRate.getValue());
        SoftmaxTrace before = trace.before();
        softmax.removeAll();
        LessonTable table = new LessonTable("Logits, probabilities and the one-hot label",
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
        softmax.add(text("The one-hot label writes the right answer as probabilities too: 1 for the true class, 0 "
                + "for the others. Accuracy only asks whether the largest probability is on the right class (here "
                + SoftmaxLesson.CLASSES.get(predicted) + ", so " + (predicted == truth ? "right" : "wrong")
                + "). The cross-entropy loss also says how sure the network was; that is what training lowers."));
        step.removeAll();
        step.add(text("The inputs are x = (" + String.join(", ", SoftmaxLesson.INPUTS.stream()
                .map(v -> ValueFormat.plain().format(v)).toList()) + "); each class's logit is w₁·x₁ + w₂·x₂ + b."));
        trace.explanation().forEach(line -> step.add(text(line)));
        step.add(weightTable(trace));
    }

    /** Every parameter before and after the step, so the learner sees which ones moved and which way. */
    private static LessonTable weightTable(GradientStepTrace trace) {
        LessonTable table = new LessonTable("Weights and biases before and after one step",
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
