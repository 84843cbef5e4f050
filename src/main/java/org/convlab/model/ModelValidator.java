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
        Shape shape = inputShape(spec.inputOrDefault(), problems);
        int classes = spec.classesOrDefault();
        if (classes < 2) {
            problems.add("classes must be at least 2, not " + classes);
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
            Shape out = null;
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

    private static Shape inputShape(ModelSpec.InputShape in, List<String> problems) {
        int before = problems.size();
        int c = positive(in.channels(), "input: channels", problems);
        int h = positive(in.height(), "input: height", problems);
        int w = positive(in.width(), "input: width", problems);
        return problems.size() == before ? Shape.image(c, h, w) : null;
    }

    private static void checkFields(Layer layer, String where, List<String> problems) {
        switch (layer) {
            case Layer.Conv2d c -> {
                positive(c.filters(), where + "filters", problems);
                positive(c.kernel(), where + "kernel", problems);
                positive(c.stride(), where + "stride", problems);
                penalty(c.l1(), where + "l1", problems);
                penalty(c.l2(), where + "l2", problems);
            }
            case Layer.MaxPool p -> {
                positive(p.pool(), where + "pool", problems);
                positive(p.stride(), where + "stride", problems);
            }
            case Layer.AvgPool p -> {
                positive(p.pool(), where + "pool", problems);
                positive(p.stride(), where + "stride", problems);
            }
            case Layer.Dropout d -> {
                if (d.rate() == null) {
                    problems.add(where + "rate is missing (the fraction of values to drop, e.g. 0.25)");
                } else if (!(d.rate() >= 0 && d.rate() < 1)) {
                    problems.add(where + "rate must be at least 0 and below 1, not " + d.rate());
                }
            }
            case Layer.Dense d -> {
                positive(d.units(), where + "units", problems);
                penalty(d.l1(), where + "l1", problems);
                penalty(d.l2(), where + "l2", problems);
            }
            case Layer.ActivationLayer a -> {
                if (a.activation() == null) {
                    problems.add(where + "activation is missing (known: " + Activation.known() + ")");
                }
            }
            case Layer.BatchNorm b -> {}
            case Layer.Flatten f -> {}
        }
    }

    private static Shape outputShape(Layer layer, Shape in, String where, List<String> problems) {
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
                if (c.padding() == Padding.VALID && (in.height() < k || in.width() < k)) {
                    problems.add(where + "the input is " + in.spatial() + ", too small for a " + k + "×" + k
                            + " kernel (use a smaller kernel, padding \"same\", or fewer pooling layers before it)");
                    yield null;
                }
                int s = c.stride();
                int h = c.padding() == Padding.SAME ? ceilDiv(in.height(), s) : (in.height() - k) / s + 1;
                int w = c.padding() == Padding.SAME ? ceilDiv(in.width(), s) : (in.width() - k) / s + 1;
                yield Shape.image(c.filters(), h, w);
            }
            case Layer.MaxPool p -> pool(in, p.pool(), p.stride(), where, problems);
            case Layer.AvgPool p -> pool(in, p.pool(), p.stride(), where, problems);
            case Layer.Flatten f -> {
                if (in.flat()) {
                    problems.add(where + "the input is already flat (" + in.units()
                            + " values); a model needs only one flatten layer");
                    yield null;
                }
                yield Shape.vector(Math.toIntExact(in.size()));
            }
            case Layer.Dense d -> {
                if (!in.flat()) {
                    problems.add(where + "its input is an image of " + in.describe()
                            + "; add a flatten layer before the first dense layer");
                    yield null;
                }
                yield Shape.vector(d.units());
            }
            case Layer.BatchNorm b -> in;
            case Layer.Dropout d -> in;
            case Layer.ActivationLayer a -> in;
        };
    }

    private static Shape pool(Shape in, int pool, int stride, String where, List<String> problems) {
        if (needsImage(in, where, "pooling", problems)) {
            return null;
        }
        if (in.height() < pool || in.width() < pool) {
            problems.add(where + "the input is " + in.spatial() + ", too small for a " + pool + "×" + pool
                    + " window (remove a pooling layer or use padding \"same\" in the convolutions)");
            return null;
        }
        return Shape.image(in.channels(), (in.height() - pool) / stride + 1, (in.width() - pool) / stride + 1);
    }

    private static boolean needsImage(Shape in, String where, String what, List<String> problems) {
        if (in.flat()) {
            problems.add(where + "its input is a flat vector of " + in.units() + " values, but " + what
                    + " needs an image; move this layer before the flatten layer");
            return true;
        }
        return false;
    }

    /** Keras' counts: trainable and non-trainable parameters of one layer. */
    static long[] params(Layer layer, Shape in) {
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

    private static int positive(Integer value, String what, List<String> problems) {
        if (value == null) {
            problems.add(what + " is missing");
            return 0;
        }
        if (value < 1) {
            problems.add(what + " must be at least 1, not " + value);
        }
        return value;
    }

    private static void penalty(Double value, String what, List<String> problems) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            problems.add(what + " (weight penalty) must be zero or positive, not " + value);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
