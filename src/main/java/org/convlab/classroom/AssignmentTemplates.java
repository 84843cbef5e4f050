package org.convlab.classroom;

import java.util.List;
import java.util.Optional;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.Rule.MaxConvLayers;
import org.convlab.classroom.grading.Rule.MaxEpochs;
import org.convlab.classroom.grading.Rule.MaxFilters;
import org.convlab.classroom.grading.Rule.MaxParams;
import org.convlab.classroom.grading.Rule.MinConvLayers;
import org.convlab.classroom.grading.Rule.MinPoolingLayers;
import org.convlab.classroom.grading.Rule.MinTestAccuracy;
import org.convlab.classroom.grading.Rule.Penalty;
import org.convlab.classroom.grading.Rule.Pooling;
import org.convlab.classroom.grading.Rule.PoolingType;
import org.convlab.classroom.grading.Rule.RequiresAugmentation;
import org.convlab.classroom.grading.Rule.RequiresBatchNorm;
import org.convlab.classroom.grading.Rule.RequiresDropout;
import org.convlab.classroom.grading.Rule.RequiresWeightPenalty;

/**
 * Ready-made assignments from the course decks. A submission is one run, so an exercise that
 * compares two models (fully connected against convolutional) or one setting against another
 * (each of deck 004's experiments) becomes one template per graded run; the comparison itself is
 * the question the instructions ask. Thresholds are set so that a model built the way the
 * instructions say reaches them on Fashion-MNIST within the epochs allowed.
 */
public final class AssignmentTemplates {

    /**
     * @param id stored with an assignment made from it
     * @param source which deck and exercise it comes from
     * @param questions what the learner answers in writing when handing in: the exercise's questions
     */
    public record AssignmentTemplate(String id, String source, String title, String instructions, List<Rule> rules,
            List<String> questions) {}

    private static final List<AssignmentTemplate> ALL = List.of(
            new AssignmentTemplate("deeper-cnn", "Deck 003, exercise 1", "A deeper convolutional network",
                    """
                    Make a network deeper and see whether it pays off.

                    Start from the baseline-cnn model in the model builder: one convolution, one max pooling, \
                    then the dense layers. After the first max pooling, add a second convolution with 64 \
                    filters and another max pooling behind it, so that the network has at least two \
                    convolution and two pooling layers before the dense part. Train it on Fashion-MNIST \
                    and submit the run.

                    Then answer, with the numbers from your run page: Does the test accuracy improve on \
                    the baseline? How many parameters does the new model have, and why did the count go \
                    down or up? How long did it take to train?""",
                    List.of(new MinConvLayers(2), new MinPoolingLayers(2), new MinTestAccuracy(0.88), new MaxEpochs(10)),
                    List.of(
                            "Does the test accuracy improve on the baseline? By how much?",
                            "How many parameters does your model have, and where are most of them? "
                                    + "Why did the count go down or up?",
                            "How long did it take to train?")),
            new AssignmentTemplate("pooling-type", "Deck 004, pooling experiment", "Max pooling or average pooling?",
                    """
                    Max pooling keeps the strongest value of each window; average pooling keeps the mean. \
                    Which suits clothing images better?

                    Train one convolutional network twice, identical except for the pooling layers: once \
                    with max pooling, once with average pooling. Keep the epochs, batch size and seed the \
                    same. Submit the run with average pooling.

                    Compare the two test accuracies and the confusion matrices. In the deck's experiment, \
                    max pooling came out ahead by several points. Does yours? Why might keeping only the \
                    brightest pixel of a window help with outlines of clothes?""",
                    List.of(new PoolingType(Pooling.AVERAGE), new MinPoolingLayers(1), new MinTestAccuracy(0.80),
                            new MaxEpochs(10)),
                    List.of(
                            "How far apart are the test accuracies of your max pooling and average pooling runs?",
                            "Which classes does each confuse most?",
                            "Why might keeping only the brightest pixel of a window help with outlines of clothes?")),
            new AssignmentTemplate("batch-norm", "Deck 004, batch normalization experiment", "Batch normalization in a deeper network",
                    """
                    Batch normalization rescales a layer's outputs over each mini-batch so that the next \
                    layer sees values in a steady range.

                    Build a network with at least two convolution layers and a batch normalization layer \
                    after each of them (the deep-cnn preset shows one way). Train it and submit the run.

                    Then train the same network without the batch normalization layers. In the deck, batch \
                    normalization did little for a shallow network but lifted a deeper one to about 92%. \
                    How big is the difference for you, and how do the loss curves differ?""",
                    List.of(new RequiresBatchNorm(), new MinConvLayers(2), new MinTestAccuracy(0.90), new MaxEpochs(10)),
                    List.of(
                            "How big is the difference with and without batch normalization?",
                            "How do the loss curves differ between the two runs?")),
            new AssignmentTemplate("augmentation", "Deck 004, data augmentation experiment", "More data from the same images",
                    """
                    Data augmentation shows the network a slightly different version of each training \
                    image every time: turned a little, moved a few pixels, or mirrored.

                    Train a convolutional network with augmentation switched on in the training settings \
                    (rotation, shift, mirroring, or a mix; the preview on the Train page shows what they \
                    do). Submit the run.

                    Compare it with the same network trained without augmentation. Which is better on the \
                    test images, and which on the training images? Why can the validation accuracy end up \
                    above the training accuracy with augmentation on?""",
                    List.of(new RequiresAugmentation(), new MinConvLayers(1), new MinTestAccuracy(0.85), new MaxEpochs(15)),
                    List.of(
                            "With augmentation on, is the run better on the test images or on the training images?",
                            "Why can the validation accuracy end up above the training accuracy with augmentation on?")),
            new AssignmentTemplate("dropout", "Deck 004, dropout experiment", "Dropout against overfitting",
                    """
                    A dropout layer switches off a random share of its inputs at each training step, so \
                    the network cannot lean on any single unit.

                    Add at least one dropout layer (a rate between 0.2 and 0.5 is a good start) to a \
                    convolutional network, train it and submit the run.

                    Train the same network without dropout as well. How far apart are training and test \
                    accuracy in each run? In the deck, dropout on its own hardly changed the test accuracy \
                    but worked well together with batch normalization. What do you see?""",
                    List.of(new RequiresDropout(), new MinConvLayers(1), new MinTestAccuracy(0.87), new MaxEpochs(10)),
                    List.of(
                            "How far apart are training and test accuracy with dropout, and without it?",
                            "Does accuracy keep improving after epoch 5? What do the curves show?")),
            new AssignmentTemplate("weight-penalty", "Deck 004, L1/L2 regularization experiment", "L1 and L2 weight penalties",
                    """
                    An L1 or L2 penalty adds the size of a layer's weights to the loss, nudging the network \
                    towards small weights.

                    Give at least one convolution or dense layer a penalty (values around 0.0001 to 0.001 \
                    are sensible). The model builder has an L2 field on each such layer; for L1, export the \
                    model as JSON, set "l1" on the layer and import it again. Train and submit the run.

                    In the deck, L1 reached about 90.9%, L2 about 90.1% and both together about 91.9%, \
                    though the combined run also trained longest. Try at least two of the three. Which \
                    wins for you, and is the gap larger than the difference between two runs with \
                    different seeds?""",
                    List.of(new RequiresWeightPenalty(Penalty.L1_OR_L2), new MinConvLayers(1), new MinTestAccuracy(0.88),
                            new MaxEpochs(15)),
                    List.of(
                            "Which penalty (L1, L2 or both) wins for you, and by how much?",
                            "Is the gap larger than the difference between two runs with different seeds?")),
            new AssignmentTemplate("fully-connected", "Deck 000, fully connected against convolutional (part 1)",
                    "A fully connected baseline",
                    """
                    Before convolutions, measure what a plain network can do.

                    Build a fully connected network: flatten the image, one or two hidden dense layers, and \
                    the output layer (the dense preset is a good start). Keep it under 150,000 parameters. \
                    Train it for at most 10 epochs and submit the run.

                    Write down its test accuracy, its training time and the classes it confuses most. The \
                    second part of this exercise gives a convolutional network the same parameter budget.""",
                    List.of(new MaxConvLayers(0), new MaxParams(150_000), new MinTestAccuracy(0.85), new MaxEpochs(10)),
                    List.of(
                            "What test accuracy and training time did your fully connected network reach?",
                            "How many parameters does your model have, and where are most of them?",
                            "Which classes does it confuse most?")),
            new AssignmentTemplate("convolutional", "Deck 000, fully connected against convolutional (part 2)",
                    "A convolutional network on the same budget",
                    """
                    Now give a convolutional network the same budget as your fully connected one: at most \
                    150,000 parameters and 10 epochs. Use at least one convolution layer; pooling before \
                    the dense part keeps the parameter count down. Submit the run.

                    Compare it with your fully connected run. In the deck, with about as many parameters, \
                    the fully connected network levelled off near 89% while the convolutional one was still \
                    climbing at 92% after ten epochs, but took far longer to train on a CPU. Which model \
                    would you pick, and why? Which classes does each confuse?""",
                    List.of(new MinConvLayers(1), new MaxParams(150_000), new MinTestAccuracy(0.89), new MaxEpochs(10)),
                    List.of(
                            "Which model would you pick, the fully connected or the convolutional one, and why?",
                            "Does accuracy keep improving after epoch 5? What do the curves show?",
                            "Which classes does each model confuse?")),
            new AssignmentTemplate("fewer-filters", "Deck 000, how many filters a network needs",
                    "Fewer filters, same accuracy",
                    """
                    A trained network often has filters it hardly uses: deck 000 suggests we can probably \
                    get rid of some of them and keep the same level of performance. Find out how few you \
                    need.

                    Train the baseline-cnn model (one convolution with 32 filters) and write down its test \
                    accuracy. Then give the network at most 16 filters in all its convolution layers \
                    together, for example by setting the convolution to 16 filters in the model builder \
                    (the quick-cnn preset is one such network), and train it for at most 10 epochs. Submit \
                    the smaller run; a pruned copy of a trained run counts the same way, since only the \
                    model's filters are counted.

                    How much accuracy did halving the filters cost, and how many parameters did it save? \
                    How far down can you go before the accuracy drops by more than one point?""",
                    List.of(new MinConvLayers(1), new MaxFilters(16), new MinTestAccuracy(0.89), new MaxEpochs(10)),
                    List.of(
                            "How much test accuracy did halving the filters cost, and how many parameters did it save?",
                            "How few filters can you keep before the accuracy drops by more than one point?",
                            "Which classes suffer first when the filters go?")));

    private AssignmentTemplates() {}

    public static List<AssignmentTemplate> all() {
        return ALL;
    }

    public static Optional<AssignmentTemplate> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
