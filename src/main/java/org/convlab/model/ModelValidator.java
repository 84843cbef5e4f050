package org.convlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a spec layer by layer, infers every layer's output shape and counts its parameters the way
 * Keras does. Every problem found is reported, each naming its layer ("layer 3 (maxpool): the input
 * is 1×1, too small for a 2×2 window"); once a shape is impossible, later shape checks are skipped
 * (they would only repeat the first mistake) but field checks go on.
 */
public final class ModelValidator {

    /** A name longer than this is refused: it is shown in tables and becomes part of a folder name. */
    public static final int MAX_NAME_LENGTH = 100;
    /**
     * Bounds that hold whatever the server's limits: no data set ConvLab reads is larger, and within
     * them every size and parameter count fits the arithmetic (no int or long overflow).
     */
    static final int MAX_CHANNELS = 16;
    static final int MAX_SIDE = 1024;
    static final int MAX_FILTERS = 10_000;
    static final int MAX_UNITS = 1_000_000;
    static final long MAX_LAYER_VALUES = 50_000_000L;
    static final double MAX_PENALTY = 10;

    private ModelValidator() {}

    /** Validates with the default server limits. */
    public static ValidatedModel validate(ModelSpec spec) {
        return validate(spec, ModelLimits.DEFAULT);
    }

    public static ValidatedModel validate(ModelSpec spec, ModelLimits limits) {
        if (spec == null) {
            throw new InvalidModelException("the model spec is empty");
        }
        List<String> problems = new ArrayList<>();
        checkName(spec.name(), problems);
        LayerShape shape = inputShape(spec.inputOrDefault(), problems);
        int classes = spec.classesOrDefault();
        if (classes < 2) {
            problems.add("classes must be at least 2, not " + classes);
        } else if (classes > MAX_UNITS) {
            problems.add(String.format("classes must be at most %,d, not %,d", MAX_UNITS, classes));
        }
        if (spec.layers().isEmpty()) {
            problems.add("the model has no layers; add at least a flatten and a dense layer");
        }
        if (spec.layers().size() > limits.maxLayers()) {
            problems.add("the model has " + spec.layers().size() + " layers; this server allows at most "
                    + limits.maxLayers());
        }

        List<ValidatedModel.LayerInfo> infos = new ArrayList<>();
        List<Layer> filled = new ArrayList<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer raw = spec.layers().get(i);
            if (raw == null) {
                problems.add("layer " + (i + 1) + " is empty");
                shape = null;
                continue;
            }
            Layer layer = raw.withDefaults();
            filled.add(layer);
            String where = "layer " + (i + 1) + " (" + layer.kind() + "): ";
            int before = problems.size();
            checkFields(layer, where, problems);
            boolean fieldsOk = problems.size() == before;
            LayerShape out = null;
            long[] params = {0, 0};
            if (shape != null && fieldsOk) {
                out = outputShape(layer, shape, where, problems);
                if (out != null) {
                    params = params(layer, shape);
                }
            }
            if (out != null) {
                int n = nameCounts.merge(layer.kerasName(), 1, Integer::sum);
                String name = n == 1 ? layer.kerasName() : layer.kerasName() + "_" + (n - 1);
                infos.add(new ValidatedModel.LayerInfo(i + 1, layer, name, shape, out, params[0], params[1]));
            }
            shape = out;
        }

        if (shape != null && !spec.layers().isEmpty()) {
            if (!shape.flat()) {
                problems.add("the model ends with an image of " + shape.describe()
                        + "; add a flatten layer and then a dense layer with " + classes + " units");
            } else if (shape.units() != classes) {
                problems.add("the last layer gives " + shape.units() + " values, but there are " + classes
                        + " classes: end with a dense layer of " + classes + " units");
            }
        }
        long total = infos.stream().mapToLong(l -> l.trainableParams() + l.nonTrainableParams()).sum();
        if (total > limits.maxParams()) {
            problems.add(String.format("the model has %,d parameters; this server allows at most %,d",
                    total, limits.maxParams()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems, infos);
        }
        ModelSpec normalized = new ModelSpec(spec.name(), spec.inputOrDefault(), classes, filled);
        return new ValidatedModel(normalized, infos.getFirst().input(), infos);
    }

    private static void checkName(String name, List<String> problems) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add("the model's name is " + name.length() + " characters long; use at most " + MAX_NAME_LENGTH);
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            problems.add("the model's name contains a line break or another control character; use letters, digits and punctuation");
        }
    }

    private static LayerShape inputShape(ModelSpec.InputShape in, List<String> problems) {
        int before = problems.size();
        int c = bounded(in.channels(), MAX_CHANNELS, "input: channels", problems);
        int h = bounded(in.height(), MAX_SIDE, "input: height", problems);
        int w = bounded(in.width(), MAX_SIDE, "input: width", problems);
        return problems.size() == before ? LayerShape.image(c, h, w) : null;
    }

    private static void checkFields(Layer layer, String where, List<String> problems) {
        switch (layer) {
            case Layer.Conv2d c -> {
                bounded(c.filters(), MAX_FILTERS, where + "filters", problems);
                bounded(c.kernel(), MAX_SIDE, where + "kernel", problems);
                bounded(c.stride(), MAX_SIDE, where + "stride", problems);
                penalty(c.l1(), where + "l1", problems);
                penalty(c.l2(), where + "l2", problems);
            }
            case Layer.MaxPool p -> {
                bounded(p.pool(), MAX_SIDE, where + "pool", problems);
                bounded(p.stride(), MAX_SIDE, where + "stride", problems);
            }
            case Layer.AvgPool p -> {
                bounded(p.pool(), MAX_SIDE, where + "pool", problems);
                bounded(p.stride(), MAX_SIDE, where + "stride", problems);
            }
            case Layer.Dropout d -> {
                if (d.rate() == null) {
                    problems.add(where + "rate is missing (the fraction of values to drop, e.g. 0.25)");
                } else if (!(d.rate() >= 0 && d.rate() < 1)) {
                    problems.add(where + "rate must be at least 0 and below 1, not " + d.rate());
                }
            }
            case Layer.Dense d -> {
                bounded(d.units(), MAX_UNITS, where + "units", problems);
                penalty(d.l1(), where + "l1", problems);
                penalty(d.l2(), where + "l2", problems);
            }
            case Layer.ActivationLayer a -> {
                if (a.activation() == null) {
                    problems.add(where + "activation is missing (known: " + ActivationKind.known() + ")");
                }
            }
            case Layer.BatchNorm b -> {}
            case Layer.Flatten f -> {}
        }
    }

    private static LayerShape outputShape(Layer layer, LayerShape in, String where, List<String> problems) {
        return switch (layer) {
            case Layer.Conv2d c -> {
                if (needsImage(in, where, "convolution", problems)) {
                    yield null;
                }
                int k = c.kernel();
                if (c.padding() == Padding.SAME && k % 2 == 0) {
                    problems.add(where + "padding \"same\" needs an odd kernel (1, 3, 5, ...), not " + k);
                    yield null;
                }
                if (c.padding() == Padding.SAME && (k > 2 * in.height() + 1 || k > 2 * in.width() + 1)) {
                    problems.add(where + "a " + k + "×" + k + " kernel is far larger than its " + in.spatial()
                            + " input; use a kernel no larger than the input");
                    yield null;
                }
                if (c.padding() == Padding.VALID && (in.height() < k || in.width() < k)) {
                    problems.add(where + "the input is " + in.spatial() + ", too small for a " + k + "×" + k
                            + " kernel (use a smaller kernel, padding \"same\", or fewer pooling layers before it)");
                    yield null;
                }
                int s = c.stride();
                int h = c.padding() == Padding.SAME ? Math.ceilDiv(in.height(), s) : (in.height() - k) / s + 1;
                int w = c.padding() == Padding.SAME ? Math.ceilDiv(in.width(), s) : (in.width() - k) / s + 1;
                yield image(c.filters(), h, w, where, problems);
            }
            case Layer.MaxPool p -> pool(in, p.pool(), p.stride(), p.padding(), where, problems);
            case Layer.AvgPool p -> pool(in, p.pool(), p.stride(), p.padding(), where, problems);
            case Layer.Flatten f -> {
                if (in.flat()) {
                    problems.add(where + "the input is already flat (" + in.units()
                            + " values); a model needs only one flatten layer");
                    yield null;
                }
                yield LayerShape.vector(Math.toIntExact(in.size()));
            }
            case Layer.Dense d -> {
                if (!in.flat()) {
                    problems.add(where + "its input is an image of " + in.describe()
                            + "; add a flatten layer before the first dense layer");
                    yield null;
                }
                yield LayerShape.vector(d.units());
            }
            case Layer.BatchNorm b -> in;
            case Layer.Dropout d -> in;
            case Layer.ActivationLayer a -> in;
        };
    }

    private static LayerShape pool(LayerShape in, int pool, int stride, Padding padding, String where,
            List<String> problems) {
        if (needsImage(in, where, "pooling", problems)) {
            return null;
        }
        if (padding == Padding.SAME && stride != pool) {
            problems.add(where + "padding \"same\" needs the stride to equal the window (" + pool + "), not "
                    + stride + "; leave the stride out or use padding \"valid\"");
            return null;
        }
        if (in.height() < pool || in.width() < pool) {
            problems.add(where + "the input is " + in.spatial() + ", too small for a " + pool + "×" + pool
                    + " window (remove a pooling layer or use padding \"same\" in the convolutions)");
            return null;
        }
        return image(in.channels(), PoolPadding.outputSide(padding, in.height(), pool, stride),
                PoolPadding.outputSide(padding, in.width(), pool, stride), where, problems);
    }

    /** An image shape, or a problem when one sample would hold more values than any layer may. */
    private static LayerShape image(int channels, int height, int width, String where, List<String> problems) {
        long values = (long) channels * height * width;
        if (values > MAX_LAYER_VALUES) {
            problems.add(String.format("%sits output would hold %,d values per image (%d×%d×%d); at most %,d are allowed:"
                    + " use fewer filters, a larger stride or pooling", where, values, channels, height, width,
                    MAX_LAYER_VALUES));
            return null;
        }
        return LayerShape.image(channels, height, width);
    }

    private static boolean needsImage(LayerShape in, String where, String what, List<String> problems) {
        if (in.flat()) {
            problems.add(where + "its input is a flat vector of " + in.units() + " values, but " + what
                    + " needs an image; move this layer before the flatten layer");
            return true;
        }
        return false;
    }

    /**
     * Keras' "Param #" of one layer on an input of this shape, for a lesson that counts a layer on its
     * own; the layer must fit the input ({@link #validate} checks that for a whole model).
     */
    public static long parameterCount(Layer layer, LayerShape input) {
        long[] params = params(layer.withDefaults(), input);
        return params[0] + params[1];
    }

    /** Keras' counts: trainable and non-trainable parameters of one layer. */
    static long[] params(Layer layer, LayerShape in) {
        return switch (layer) {
            case Layer.Conv2d c -> new long[] {((long) c.kernel() * c.kernel() * in.channels() + 1) * c.filters(), 0};
            case Layer.Dense d -> new long[] {(in.size() + 1) * d.units(), 0};
            case Layer.BatchNorm b -> {
                long features = in.flat() ? in.units() : in.channels();
                // gamma and beta learn; the moving mean and variance are only tracked.
                yield new long[] {2 * features, 2 * features};
            }
            default -> new long[] {0, 0};
        };
    }

    private static int bounded(Integer value, int max, String what, List<String> problems) {
        if (value == null) {
            problems.add(what + " is missing");
            return 0;
        }
        if (value < 1) {
            problems.add(what + " must be at least 1, not " + value);
        } else if (value > max) {
            problems.add(String.format("%s must be at most %,d, not %,d", what, max, value));
        }
        return value;
    }

    private static void penalty(Double value, String what, List<String> problems) {
        if (value != null && !(value >= 0 && value <= MAX_PENALTY)) {
            problems.add(what + " (weight penalty) must be from 0 to " + (int) MAX_PENALTY + ", not " + value);
        }
    }
}
