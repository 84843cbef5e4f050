package org.convlab.model;

import static org.convlab.model.ActivationKind.LEAKY_RELU;
import static org.convlab.model.ActivationKind.LINEAR;
import static org.convlab.model.ActivationKind.RELU;
import static org.convlab.model.ActivationKind.SOFTMAX;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.i18n.Text;
import org.convlab.model.Layer.ActivationLayer;
import org.convlab.model.Layer.BatchNorm;
import org.convlab.model.Layer.Conv2d;
import org.convlab.model.Layer.Dense;
import org.convlab.model.Layer.Dropout;
import org.convlab.model.Layer.Flatten;
import org.convlab.model.Layer.MaxPool;

/** The models from the course decks, by name. */
public final class Presets {

    private static final Map<String, ModelSpec> PRESETS = new LinkedHashMap<>();

    static {
        // Deck 004's "Dense 1 layer NN" (87.9% test accuracy there): one hidden layer of 128.
        add(new ModelSpec("dense", List.of(
                new Flatten(),
                new Dense(128, RELU),
                new Dense(10, SOFTMAX))));
        // Deck 004's baseline (Machine Learning Mastery's model): 542,230 parameters.
        add(new ModelSpec("baseline-cnn", List.of(
                new Conv2d(32, 3, RELU),
                new MaxPool(2),
                new Flatten(),
                new Dense(100, RELU),
                new Dense(10, SOFTMAX))));
        // Deck 002's MNIST convnet: 485,514 parameters.
        add(new ModelSpec("keras-cnn", List.of(
                new Conv2d(64, 3, RELU),
                new MaxPool(2),
                new Conv2d(128, 3, RELU),
                new MaxPool(2),
                new Flatten(),
                new Dense(128, RELU),
                new Dense(10, SOFTMAX))));
        // Deck 004's first CNN: filtering only, linear activation, no pooling (82-84% there).
        add(new ModelSpec("linear-cnn", List.of(
                new Conv2d(32, 3, LINEAR),
                new Flatten(),
                new Dense(10, SOFTMAX))));
        // The quick recipe's model (training.engine.Recipes): the baseline CNN with 16 filters instead
        // of 32, which halves the convolution's work, and batch norm, which lets a higher rate learn
        // in few epochs. 271,734 parameters (Keras counts the 32 moving statistics too).
        add(new ModelSpec("quick-cnn", List.of(
                new Conv2d(16, 3, RELU),
                new BatchNorm(),
                new MaxPool(2),
                new Flatten(),
                new Dense(100, RELU),
                new Dense(10, SOFTMAX))));
        // The best recipe's model (training.engine.Recipes): two convolutions at full size, one at half
        // size, each followed by batch norm; dropout after each pooling and before the last layer.
        // One convolution fewer than deep-cnn at half size makes it about 40% cheaper per image.
        // 431,914 parameters (512 of them moving statistics).
        add(new ModelSpec("best-cnn", List.of(
                new Conv2d(32, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(RELU),
                new Conv2d(32, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(RELU),
                new MaxPool(2),
                new Dropout(0.2),
                new Conv2d(64, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(RELU),
                new MaxPool(2),
                new Dropout(0.3),
                new Flatten(),
                new Dense(128, LINEAR),
                new BatchNorm(),
                new ActivationLayer(RELU),
                new Dropout(0.4),
                new Dense(10, SOFTMAX))));
        // Batch norm + leaky ReLU + dropout, two convolutions per stage: built to beat deck 004's
        // best (92.05% test accuracy).
        add(new ModelSpec("deep-cnn", List.of(
                new Conv2d(32, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(LEAKY_RELU),
                new Conv2d(32, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(LEAKY_RELU),
                new MaxPool(2),
                new Dropout(0.25),
                new Conv2d(64, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(LEAKY_RELU),
                new Conv2d(64, 3, Padding.SAME, LINEAR),
                new BatchNorm(),
                new ActivationLayer(LEAKY_RELU),
                new MaxPool(2),
                new Dropout(0.25),
                new Flatten(),
                new Dense(128, LINEAR),
                new BatchNorm(),
                new ActivationLayer(LEAKY_RELU),
                new Dropout(0.5),
                new Dense(10, SOFTMAX))));
        // Deck 003's exercise two, for CIFAR-10's 32×32 colour images: conv, conv, pool, conv, conv,
        // pool, flatten, dense, output, with the usual choices (32 then 64 filters of 3×3, ReLU,
        // dense 512). 890,410 parameters, 819,712 of them in the dense layer. The only preset that
        // takes 3×32×32: it trains on a colour data set, not on Fashion-MNIST.
        add(new ModelSpec("cifar-cnn", ModelSpec.COLOUR_32, 10, List.of(
                new Conv2d(32, 3, RELU),
                new Conv2d(32, 3, RELU),
                new MaxPool(2),
                new Conv2d(64, 3, RELU),
                new Conv2d(64, 3, RELU),
                new MaxPool(2),
                new Flatten(),
                new Dense(512, RELU),
                new Dense(10, SOFTMAX))));
    }

    private Presets() {}

    private static void add(ModelSpec spec) {
        PRESETS.put(spec.name(), spec);
    }

    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    public static Optional<ModelSpec> find(String name) {
        return Optional.ofNullable(name == null ? null : PRESETS.get(name.trim()));
    }

    /** The preset, or an error listing the known names. */
    public static ModelSpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name).toString()));
    }

    /** The preset, or a refusal in the reader's words listing the known names. */
    public static ModelSpec require(String name) {
        return find(name).orElseThrow(() -> new InvalidModelException(unknown(name)));
    }

    private static Text unknown(String name) {
        return Text.of("model.presets.unknown", name, String.join(", ", names()));
    }
}
