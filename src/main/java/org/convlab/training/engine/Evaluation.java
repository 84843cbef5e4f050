package org.convlab.training.engine;

import java.util.List;

/**
 * A model measured on the test set.
 *
 * @param misclassified the wrongly predicted test images (up to the limit asked for), in test order
 */
public record Evaluation(double testLoss, double testAccuracy, ConfusionMatrix confusionMatrix,
        ClassificationReport report, int misclassifiedCount, List<Misclassified> misclassified, double seconds) {

    /** One wrong prediction: test index, classes and the full probability vector; pixels for display. */
    public record Misclassified(int index, int expected, String expectedName, int predicted, String predictedName,
            float[] probabilities, float[] pixels) {}
}
