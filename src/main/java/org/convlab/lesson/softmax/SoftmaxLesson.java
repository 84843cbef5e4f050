package org.convlab.lesson.softmax;

import java.util.List;
import org.convlab.lesson.Matrix;

/**
 * The fixed numbers of the softmax lesson: three Fashion-MNIST classes, two input features, and
 * weights chosen so the logits come out as 2, 1 and 0.1, easy to follow by hand.
 */
public final class SoftmaxLesson {

    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Sneaker");

    public static final List<Double> INPUTS = List.of(1.0, 2.0);

    public static final Matrix WEIGHTS = Matrix.of(new double[][] {
        {0.4, 0.8},
        {0.2, 0.4},
        {0.5, -0.2}
    });

    public static final List<Double> BIASES = List.of(0.0, 0.0, 0.0);

    /** The picture is a T-shirt. */
    public static final int TRUE_CLASS = 0;

    public static final double LEARNING_RATE = 0.5;

    private SoftmaxLesson() {}

    public static GradientStepTrace example() {
        return GradientDescentStep.run(INPUTS, WEIGHTS, BIASES, TRUE_CLASS, LEARNING_RATE);
    }
}
