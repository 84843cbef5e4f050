package org.convlab.lesson.architecture;

/** A Keras layer as far as shapes and parameter counts go. */
public sealed interface Layer permits Conv2dLayer, MaxPooling2dLayer, FlattenLayer, DenseLayer {

    /** The name Keras gives the first layer of this kind, e.g. "conv2d"; later ones get "_1", "_2"… */
    String kerasName();

    /** The class name Keras prints, e.g. "Conv2D". */
    String kerasType();

    TensorShape outputShape(TensorShape input);

    ParameterCount parameters(TensorShape input);

    /** How the count comes about, e.g. "(3·3·1 + 1)·64 = 640". */
    String parameterFormula(TensorShape input);
}
