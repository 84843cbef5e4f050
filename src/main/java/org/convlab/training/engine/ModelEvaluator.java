package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test loss, accuracy, confusion matrix, per-class report and the misclassified images. */
public final class ModelEvaluator {

    private static final int BATCH = ModelTrainer.EVAL_BATCH;

    private ModelEvaluator() {}

    public static Evaluation evaluate(TrainedModel model, ImageSet test, int keepMisclassified) {
        long start = System.nanoTime();
        int n = test.imageSize();
        int classes = model.spec().output().units();
        int[] predicted = new int[test.size()];
        double lossSum = 0;
        List<Evaluation.Misclassified> wrong = new ArrayList<>();
        int wrongCount = 0;
        Loss loss = Loss.softmaxCrossEntropyLoss();
        for (int from = 0; from < test.size(); from += BATCH) {
            int count = Math.min(BATCH, test.size() - from);
            float[] probs;
            try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
                NDArray logits = model.logits(scope, Arrays.copyOfRange(test.pixels(), from * n, (from + count) * n), count);
                NDArray labels = scope.create(ModelTrainer.labelsAsFloat(test.labels(), from, count));
                lossSum += loss.evaluate(new NDList(labels), new NDList(logits)).getFloat() * count;
                probs = logits.softmax(1).toFloatArray();
            }
            for (int i = 0; i < count; i++) {
                float[] p = Arrays.copyOfRange(probs, i * classes, (i + 1) * classes);
                int index = from + i;
                predicted[index] = TrainedModel.argMax(p);
                int expected = test.labels()[index];
                if (predicted[index] != expected) {
                    wrongCount++;
                    if (wrong.size() < keepMisclassified) {
                        wrong.add(new Evaluation.Misclassified(index, expected, test.classNames().get(expected),
                                predicted[index], test.classNames().get(predicted[index]), p, test.image(index)));
                    }
                }
            }
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(test.labels(), predicted, test.classNames());
        return new Evaluation(lossSum / test.size(), matrix.accuracy(), matrix, ClassificationReport.of(matrix),
                wrongCount, List.copyOf(wrong), (System.nanoTime() - start) / 1e9);
    }
}
