package org.convlab.training.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.convlab.i18n.Text;

/**
 * How one number inside a trained network was computed, with the model's real weights and the
 * values the chosen image produced: the arithmetic of the lessons (multiply, sum, add the bias,
 * activate) written out for a single neuron. Every trace carries {@code value}, recomputed here in
 * double precision from its parts, and {@code modelValue}, the same number read from the network's
 * own forward pass; the two agree to about 1e-5 (tests hold them to 1e-4).
 *
 * <p>Positions are 0-based: {@code channel} is a feature map (or a unit of a flat layer), {@code
 * row}/{@code col} a cell in it. The JSON of each kind carries {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NeuronTrace.ConvCell.class, name = "conv2d"),
    @JsonSubTypes.Type(value = NeuronTrace.PoolCell.class, name = "pool"),
    @JsonSubTypes.Type(value = NeuronTrace.DenseUnit.class, name = "dense"),
    @JsonSubTypes.Type(value = NeuronTrace.NormCell.class, name = "batchnorm"),
    @JsonSubTypes.Type(value = NeuronTrace.ActivationCell.class, name = "activation"),
    @JsonSubTypes.Type(value = NeuronTrace.DropoutCell.class, name = "dropout"),
    @JsonSubTypes.Type(value = NeuronTrace.FlattenCell.class, name = "flatten")
})
public sealed interface NeuronTrace {

    /** The spec layer (1-based) this neuron belongs to. */
    int layer();

    /** Keras-style layer name ("conv2d_1"). */
    String name();

    /** The value as recomputed from the parts shown. */
    double value();

    /** The same value from the network's own forward pass. */
    double modelValue();

    /**
     * A convolution output cell. {@code inputs[c]} is the K×K window over input channel c (zero
     * where the window hangs over "same" padding), {@code weights[c]} the matching slice of this
     * filter's kernel, {@code products[c]} their cell-by-cell products and {@code channelSums[c]}
     * the sum of those products. {@code preActivation} = Σ channelSums + bias; {@code value} is the
     * activation of it. {@code top}/{@code left} place the window in the input maps of {@code
     * inputHeight}×{@code inputWidth} (negative, or past the end, inside the padding).
     */
    record ConvCell(int layer, String name, int channel, int row, int col, int kernel, int stride, int padding,
            int top, int left, int inputHeight, int inputWidth, double[][][] inputs, double[][][] weights, double[][][] products,
            double[] channelSums, double bias, double preActivation, String activation, double value,
            double modelValue) implements NeuronTrace {}

    /**
     * A pooling output cell: {@code window} is the pool window of input channel {@code channel},
     * {@code kind} "max" or "mean"; for max, {@code pickedRow}/{@code pickedCol} is the winner within
     * the window. {@code pool} is the window's side; a "same" window that hangs over the edge of the
     * map keeps only its cells inside, so {@code window} may be smaller than pool×pool ({@link
     * #clipped}) and {@code top}/{@code left} place its first cell inside the map. Cells beyond the
     * map are no part of the max or the mean.
     */
    record PoolCell(int layer, String name, int channel, int row, int col, String kind, int pool, int top, int left,
            double[][] window, int pickedRow, int pickedCol, double value, double modelValue) implements NeuronTrace {

        /** Whether part of the pool×pool window lay beyond the map ("same" padding at the edge). */
        public boolean clipped() {
            return window.length < pool || window[0].length < pool;
        }
    }

    /**
     * One input × weight term of a dense unit; {@code source} says where the input came from, in
     * English (for the JSON and the command line), {@code where} the same for a page in any language
     * (null when no source is known).
     */
    record Contribution(int input, String source, double inputValue, double weight, double product,
            @JsonIgnore Text where) {

        public Contribution(int input, String source, double inputValue, double weight, double product) {
            this(input, source, inputValue, weight, product, null);
        }
    }

    /**
     * A dense (fully connected) unit: its {@code largest} contributions by size, the {@code rest}
     * summed ({@code restCount} terms), the bias, the weighted sum, the activation and the value.
     * An output layer with softmax also carries {@code softmax}: the whole layer's logits turned
     * into probabilities, as in lesson 9.
     */
    record DenseUnit(int layer, String name, int unit, int inputs, List<Contribution> largest, int restCount,
            double rest, double bias, double preActivation, String activation, double value, double modelValue,
            SoftmaxStep softmax) implements NeuronTrace {}

    /**
     * Softmax over a whole layer: e^(logit − max) per unit, their sum, and each divided by the sum.
     * Subtracting the largest logit changes no probability and keeps the exponentials finite.
     */
    record SoftmaxStep(double[] logits, double max, double[] exponentials, double sum, double[] probabilities,
            int predicted, List<String> classNames) {}

    /** Batch normalization in inference mode: γ·(x − mean)/√(variance + ε) + β with the learned numbers. */
    record NormCell(int layer, String name, int channel, int row, int col, double input, double mean,
            double variance, double epsilon, double gamma, double beta, double value, double modelValue)
            implements NeuronTrace {}

    /** A standalone activation applied to one value (with the whole layer's softmax when it is one). */
    record ActivationCell(int layer, String name, int channel, int row, int col, double input, String activation,
            double value, double modelValue, SoftmaxStep softmax) implements NeuronTrace {}

    /** Dropout once trained: every value passes unchanged (it only drops values while training). */
    record DropoutCell(int layer, String name, int channel, int row, int col, double rate, double input,
            double value, double modelValue) implements NeuronTrace {}

    /** Flatten: unit {@code unit} of the vector is the cell (channel, row, col) of the input maps. */
    record FlattenCell(int layer, String name, int unit, int fromChannel, int fromRow, int fromCol, double value,
            double modelValue) implements NeuronTrace {}
}
