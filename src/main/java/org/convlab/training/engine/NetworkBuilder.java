package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.function.UnaryOperator;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.Padding;
import org.convlab.model.PoolPadding;
import org.convlab.model.ValidatedModel;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Turns a validated spec into a DJL {@link SequentialBlock} with exactly one child per spec layer
 * (a conv or dense layer with an activation becomes a small sequential of the two). That one-to-one
 * mapping is what lets introspection run the children one by one and stop at "layer 3".
 *
 * <p>The network outputs logits: a softmax on the last layer is left out here, because the loss
 * applies log-softmax itself (numerically safer) and prediction applies softmax.
 */
public final class NetworkBuilder {

    /** Batch normalization's ε (Keras' default), shared with the explanation that recomputes it. */
    static final float BATCH_NORM_EPSILON = 1e-3f;

    private NetworkBuilder() {}

    public static SequentialBlock build(ValidatedModel model) {
        SequentialBlock net = new SequentialBlock();
        int last = model.layers().size() - 1;
        for (int i = 0; i <= last; i++) {
            net.add(block(model.layers().get(i).layer(), model.layers().get(i).input(), i == last));
        }
        return net;
    }

    private static Block block(Layer layer, LayerShape input, boolean isLast) {
        return switch (layer) {
            case Layer.Conv2d c -> {
                // Symmetric padding (k-1)/2 equals Keras' "same" for odd kernels (validation ensures odd).
                int pad = c.padding() == Padding.SAME ? (c.kernel() - 1) / 2 : 0;
                Block conv = Conv2d.builder()
                        .setFilters(c.filters())
                        .setKernelShape(new Shape(c.kernel(), c.kernel()))
                        .optStride(new Shape(c.stride(), c.stride()))
                        .optPadding(new Shape(pad, pad))
                        .build();
                yield withActivation(conv, c.activation(), isLast);
            }
            case Layer.Dense d -> withActivation(Linear.builder().setUnits(d.units()).build(), d.activation(), isLast);
            // "same": pad the smaller half before (as TensorFlow), ceil mode adds the last window; padded
            // cells never win a max nor count in a mean (countIncludePad false), as in Keras.
            case Layer.MaxPool p -> Pool.maxPool2dBlock(new Shape(p.pool(), p.pool()), new Shape(p.stride(), p.stride()),
                    poolPadding(p.padding(), p.pool(), input), p.padding() == Padding.SAME);
            case Layer.AvgPool p -> Pool.avgPool2dBlock(new Shape(p.pool(), p.pool()), new Shape(p.stride(), p.stride()),
                    poolPadding(p.padding(), p.pool(), input), p.padding() == Padding.SAME, false);
            // Momentum 0.9 (DJL's default; Keras uses 0.99) so short runs get usable moving statistics.
            case Layer.BatchNorm b -> BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build();
            case Layer.Dropout d -> Dropout.builder().optRate(d.rate().floatValue()).build();
            case Layer.Flatten f -> Blocks.batchFlattenBlock();
            case Layer.ActivationLayer a ->
                    isLast && a.activation() == ActivationKind.SOFTMAX ? identity() : activation(a.activation());
        };
    }

    private static Shape poolPadding(Padding padding, int window, LayerShape input) {
        return new Shape(PoolPadding.before(padding, input.height(), window),
                PoolPadding.before(padding, input.width(), window));
    }

    private static Block withActivation(Block core, ActivationKind activation, boolean isLast) {
        if (activation == ActivationKind.LINEAR || (isLast && activation == ActivationKind.SOFTMAX)) {
            return core;
        }
        return new SequentialBlock().add(core).add(activation(activation));
    }

    private static Block identity() {
        return new LambdaBlock(x -> x, "identity");
    }

    static Block activation(ActivationKind activation) {
        UnaryOperator<NDArray> fn = function(activation);
        return new LambdaBlock(list -> new NDList(fn.apply(list.singletonOrThrow())), activation.jsonName());
    }

    static UnaryOperator<NDArray> function(ActivationKind activation) {
        return switch (activation) {
            case RELU -> Activation::relu;
            case LEAKY_RELU -> x -> Activation.leakyRelu(x, ActivationKind.LEAKY_RELU_ALPHA);
            case ELU -> x -> Activation.elu(x, 1f);
            case SELU -> Activation::selu;
            case TANH -> Activation::tanh;
            case SIGMOID -> Activation::sigmoid;
            case LINEAR -> x -> x;
            // Axis 1: the classes of a vector, or the channels of an image (N, C, H, W).
            case SOFTMAX -> x -> x.softmax(1);
        };
    }
}
