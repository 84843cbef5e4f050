package org.convlab.lesson.architecture;

/** The Keras models the decks build, for the shapes-and-parameters lesson. */
public final class DeckModels {

    private DeckModels() {}

    /**
     * Deck 002's network for 28×28 grey images (MNIST there, Fashion-MNIST here, same shapes):
     * 485,514 parameters, as its {@code cnn.summary()} reports.
     */
    public static SequentialModel mnistCnn() {
        return SequentialModel.input(28, 28, 1)
                .add(new Conv2dLayer(64, 3))
                .add(new MaxPooling2dLayer(2))
                .add(new Conv2dLayer(128, 3))
                .add(new MaxPooling2dLayer(2))
                .add(new FlattenLayer())
                .add(new DenseLayer(128))
                .add(new DenseLayer(10));
    }
}
