package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.Padding;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.OptimizerKind;

/**
 * The small CNN lesson 9 trains for real, and the run it becomes from the learner's six choices.
 * Sized by measurement (docs/decisions/020): on two busy cores a run of the default settings takes
 * seconds; with 100 training images the network memorises them within ten epochs (training
 * accuracy about 90 %, validation about 75 %), with dropout the two stay together; at learning
 * rate 1 the loss explodes in the first epoch. Everything else is fixed (the seed too), so two runs
 * differ only in what the learner changed.
 */
record LessonNetwork(double learningRate, int trainingImages, boolean dropout, boolean l2, boolean batchNorm,
        boolean augmentation) {

    /** The lesson whose network this is: its runs are marked with its slug (RunQueue.submitForLesson). */
    static final String LESSON = "learning";
    /** Adam's usual rate in the middle; a hundred times larger diverges, ten times smaller crawls. */
    static final List<Double> LEARNING_RATES = List.of(0.0001, 0.001, 0.01, 0.1, 1.0);
    static final List<Integer> TRAINING_IMAGES = List.of(100, 300, 1_000, 2_000);
    /** Always the same number of held-out images, so validation numbers compare between runs. */
    static final int VALIDATION_IMAGES = 500;
    static final int EPOCHS = 10;
    static final int BATCH_SIZE = 16;
    static final long SEED = 42;
    static final double DROPOUT_RATE = 0.5;
    static final double L2_PENALTY = 0.001;
    static final Augmentation AUGMENTATION = new Augmentation(0, 2, true);

    LessonNetwork {
        if (!LEARNING_RATES.contains(learningRate) || !TRAINING_IMAGES.contains(trainingImages)) {
            throw new IllegalArgumentException("the lesson offers learning rates " + LEARNING_RATES
                    + " and training sets of " + TRAINING_IMAGES + " images");
        }
    }

    static LessonNetwork defaults() {
        return new LessonNetwork(0.001, 2_000, false, false, false, false);
    }

    /** conv 8 (3×3) [→ batch norm] → ReLU → pool → flatten [→ dropout] → dense 64 ReLU [→ dropout] → dense 10. */
    ModelSpec spec() {
        double penalty = l2 ? L2_PENALTY : 0;
        List<Layer> layers = new ArrayList<>();
        if (batchNorm) {
            layers.add(new Layer.Conv2d(8, 3, 1, Padding.SAME, ActivationKind.LINEAR, 0.0, penalty));
            layers.add(new Layer.BatchNorm());
            layers.add(new Layer.ActivationLayer(ActivationKind.RELU));
        } else {
            layers.add(new Layer.Conv2d(8, 3, 1, Padding.SAME, ActivationKind.RELU, 0.0, penalty));
        }
        layers.add(new Layer.MaxPool(2));
        layers.add(new Layer.Flatten());
        if (dropout) {
            layers.add(new Layer.Dropout(DROPOUT_RATE));
        }
        layers.add(new Layer.Dense(64, ActivationKind.RELU, 0.0, penalty));
        if (dropout) {
            layers.add(new Layer.Dropout(DROPOUT_RATE));
        }
        layers.add(new Layer.Dense(10, ActivationKind.SOFTMAX, 0.0, penalty));
        return new ModelSpec("lesson-9-network", ModelSpec.FASHION_MNIST, 10, layers);
    }

    /**
     * Adam at the chosen rate for ten epochs; the first {@code trainingImages + 500} images, of which
     * 500 (stratified) are held out for validation.
     */
    Hyperparameters hyperparameters() {
        int images = trainingImages + VALIDATION_IMAGES;
        return Hyperparameters.defaults()
                .withEpochs(EPOCHS)
                .withBatchSize(BATCH_SIZE)
                .withOptimizer(OptimizerKind.ADAM, learningRate)
                .withValidationSplit((double) VALIDATION_IMAGES / images)
                .withSeed(SEED)
                .withAugmentation(augmentation ? AUGMENTATION : Augmentation.NONE)
                .withLimit(images)
                .withDevice(DeviceChoice.AUTO);
    }

    /** The settings in a few words, for the table of the learner's runs. */
    String summary() {
        List<String> on = new ArrayList<>();
        if (dropout) {
            on.add(t("run.lesson.dropout"));
        }
        if (l2) {
            on.add(t("run.lesson.l2"));
        }
        if (batchNorm) {
            on.add(t("run.lesson.batch-norm"));
        }
        if (augmentation) {
            on.add(t("run.lesson.augmentation"));
        }
        return on.isEmpty() ? t("run.lesson.summary", rate(learningRate), trainingImages)
                : t("run.lesson.summary-with", rate(learningRate), trainingImages, String.join(", ", on));
    }

    /** A learning rate as the lesson writes it: 0.0001, 0.001, 1. */
    static String rate(double value) {
        return org.convlab.i18n.Translations.value(org.convlab.base.ui.I18n.locale(),
                java.math.BigDecimal.valueOf(value).stripTrailingZeros());
    }
}
