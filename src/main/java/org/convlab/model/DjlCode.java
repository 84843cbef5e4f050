package org.convlab.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few lines of DJL code that build the same network as a spec, so learners can carry a model
 * from ConvLab into their own programs. Mirrors what the training engine builds: each layer's
 * activation follows it as a separate block, as in DJL.
 */
public final class DjlCode {

    private DjlCode() {}

    public static String of(ModelSpec spec) {
        List<String> lines = new ArrayList<>();
        Map<Layer, LayerShape> inputs = inputs(spec);
        lines.add("SequentialBlock net = new SequentialBlock();");
        for (Layer raw : spec.layers()) {
            if (raw == null) {
                continue;
            }
            Layer layer = raw.withDefaults();
            switch (layer) {
                case Layer.Conv2d c -> {
                    StringBuilder b = new StringBuilder("net.add(Conv2d.builder()")
                            .append(".setFilters(").append(c.filters()).append(')')
                            .append(".setKernelShape(new Shape(").append(c.kernel()).append(", ").append(c.kernel()).append("))");
                    if (c.stride() != null && c.stride() != 1) {
                        b.append(".optStride(new Shape(").append(c.stride()).append(", ").append(c.stride()).append("))");
                    }
                    if (c.padding() == Padding.SAME && c.kernel() != null) {
                        int p = c.kernel() / 2;
                        b.append(".optPadding(new Shape(").append(p).append(", ").append(p).append("))");
                    }
                    lines.add(b.append(".build());").toString());
                    activation(c.activation(), lines);
                }
                case Layer.MaxPool p -> lines.add("net.add(Pool.maxPool2dBlock(new Shape(" + p.pool() + ", " + p.pool()
                        + "), new Shape(" + p.stride() + ", " + p.stride() + ")"
                        + samePooling(p.padding(), p.pool(), inputs.get(raw), "") + "));");
                case Layer.AvgPool p -> lines.add("net.add(Pool.avgPool2dBlock(new Shape(" + p.pool() + ", " + p.pool()
                        + "), new Shape(" + p.stride() + ", " + p.stride() + ")"
                        + samePooling(p.padding(), p.pool(), inputs.get(raw), ", false") + "));");
                case Layer.BatchNorm b -> lines.add("net.add(BatchNorm.builder().build());");
                case Layer.Dropout d -> lines.add("net.add(Dropout.builder().optRate(" + number(d.rate()) + "f).build());");
                case Layer.Flatten f -> lines.add("net.add(Blocks.batchFlattenBlock());");
                case Layer.Dense d -> {
                    lines.add("net.add(Linear.builder().setUnits(" + d.units() + ").build());");
                    activation(d.activation(), lines);
                }
                case Layer.ActivationLayer a -> activation(a.activation(), lines);
            }
        }
        lines.add("// Softmax is applied by the loss: Loss.softmaxCrossEntropyLoss()");
        return String.join("\n", lines);
    }

    /** Each layer's input shape when the spec is valid (pooling "same" needs it), else none. */
    private static Map<Layer, LayerShape> inputs(ModelSpec spec) {
        Map<Layer, LayerShape> inputs = new IdentityHashMap<>();
        try {
            ValidatedModel valid = ModelValidator.validate(spec, ModelLimits.UNBOUNDED);
            for (ValidatedModel.LayerInfo info : valid.layers()) {
                inputs.put(spec.layers().get(info.index() - 1), info.input());
            }
        } catch (InvalidModelException e) {
            // An invalid spec still gets its code; "same" pooling then shows no padding.
        }
        return inputs;
    }

    /** DJL's arguments for Keras' "same" pooling: padding before, ceil mode (and for mean, padding not counted). */
    private static String samePooling(Padding padding, int window, LayerShape input, String average) {
        if (padding != Padding.SAME) {
            return "";
        }
        int top = input == null ? 0 : PoolPadding.before(padding, input.height(), window);
        int left = input == null ? 0 : PoolPadding.before(padding, input.width(), window);
        return ", new Shape(" + top + ", " + left + "), true" + average;
    }

    private static void activation(ActivationKind activation, List<String> lines) {
        if (activation == null) {
            return;
        }
        switch (activation) {
            case RELU -> lines.add("net.add(Activation.reluBlock());");
            case LEAKY_RELU ->
                    lines.add("net.add(Activation.leakyReluBlock(" + ActivationKind.LEAKY_RELU_ALPHA + "f));");
            case ELU -> lines.add("net.add(Activation.eluBlock(1f));");
            case SELU -> lines.add("net.add(Activation.seluBlock());");
            case TANH -> lines.add("net.add(Activation.tanhBlock());");
            case SIGMOID -> lines.add("net.add(Activation.sigmoidBlock());");
            case LINEAR, SOFTMAX -> { }
        }
    }

    private static String number(Double value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%s", value);
    }
}
