package org.convlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convlab.i18n.Text;

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
            throw new InvalidModelException(Text.of("model.spec.empty"));
        }
        List<Text> problems = new ArrayList<>();
        checkName(spec.name(), problems);
        LayerShape shape = inputShape(spec.inputOrDefault(), problems);
        int classes = spec.classesOrDefault();
        if (classes < 2) {
            problems.add(Text.of("model.classes.too-few", classes));
        } else if (classes > MAX_UNITS) {
            problems.add(Text.of("model.classes.too-many", MAX_UNITS, classes));
        }
        if (spec.layers().isEmpty()) {
            problems.add(Text.of("model.layers.none"));
        }
        if (spec.layers().size() > limits.maxLayers()) {
            problems.add(Text.of("model.layers.too-many", spec.layers().size(), limits.maxLayers()));
        }

        List<ValidatedModel.LayerInfo> infos = new ArrayList<>();
        List<Layer> filled = new ArrayList<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer raw = spec.layers().get(i);
            if (raw == null) {
                problems.add(Text.of("model.layer.empty", i + 1));
                shape = null;
                continue;
            }
            Layer layer = raw.withDefaults();
            filled.add(layer);
            Text where = Text.of("model.where.layer", i + 1, layer.kind());
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
                problems.add(Text.of("model.end.image", shape.describeText(), classes));
            } else if (shape.units() != classes) {
                problems.add(Text.of("model.end.units", shape.units(), classes));
            }
        }
        long total = infos.stream().mapToLong(l -> l.trainableParams() + l.nonTrainableParams()).sum();
        if (total > limits.maxParams()) {
            problems.add(Text.of("model.params.too-many", total, limits.maxParams()));
        }
        if (!problems.isEmpty()) {
            throw InvalidModelException.of(problems, infos);
        }
        ModelSpec normalized = new ModelSpec(spec.name(), spec.inputOrDefault(), classes, filled);
        return new ValidatedModel(normalized, infos.getFirst().input(), infos);
    }

    private static void checkName(String name, List<Text> problems) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add(Text.of("model.name.too-long", name.length(), MAX_NAME_LENGTH));
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            problems.add(Text.of("model.name.control"));
        }
    }

    private static LayerShape inputShape(ModelSpec.InputShape in, List<Text> problems) {
        int before = problems.size();
        int c = bounded(in.channels(), MAX_CHANNELS, Text.of("model.where.input", "channels"), problems);
        int h = bounded(in.height(), MAX_SIDE, Text.of("model.where.input", "height"), problems);
        int w = bounded(in.width(), MAX_SIDE, Text.of("model.where.input", "width"), problems);
        return problems.size() == before ? LayerShape.image(c, h, w) : null;
    }

    private static void checkFields(Layer layer, Text where, List<Text> problems) {
        switch (layer) {
            case Layer.Conv2d c -> {
                bounded(c.filters(), MAX_FILTERS, Text.of("model.where.field", where, "filters"), problems);
                bounded(c.kernel(), MAX_SIDE, Text.of("model.where.field", where, "kernel"), problems);
                bounded(c.stride(), MAX_SIDE, Text.of("model.where.field", where, "stride"), problems);
                penalty(c.l1(), Text.of("model.where.field", where, "l1"), problems);
                penalty(c.l2(), Text.of("model.where.field", where, "l2"), problems);
            }
            case Layer.MaxPool p -> {
                bounded(p.pool(), MAX_SIDE, Text.of("model.where.field", where, "pool"), problems);
                bounded(p.stride(), MAX_SIDE, Text.of("model.where.field", where, "stride"), problems);
            }
            case Layer.AvgPool p -> {
                bounded(p.pool(), MAX_SIDE, Text.of("model.where.field", where, "pool"), problems);
                bounded(p.stride(), MAX_SIDE, Text.of("model.where.field", where, "stride"), problems);
            }
            case Layer.Dropout d -> {
                if (d.rate() == null) {
                    problems.add(Text.of("model.dropout.rate-missing", where));
                } else if (!(d.rate() >= 0 && d.rate() < 1)) {
                    problems.add(Text.of("model.dropout.rate-range", where, shown(d.rate())));
                }
            }
            case Layer.Dense d -> {
                bounded(d.units(), MAX_UNITS, Text.of("model.where.field", where, "units"), problems);
                penalty(d.l1(), Text.of("model.where.field", where, "l1"), problems);
                penalty(d.l2(), Text.of("model.where.field", where, "l2"), problems);
            }
            case Layer.ActivationLayer a -> {
                if (a.activation() == null) {
                    problems.add(Text.of("model.activation.missing", where, ActivationKind.known()));
                }
            }
            case Layer.BatchNorm b -> {}
            case Layer.Flatten f -> {}
        }
    }

    private static LayerShape outputShape(Layer layer, LayerShape in, Text where, List<Text> problems) {
        return switch (layer) {
            case Layer.Conv2d c -> {
                if (needsImage(in, where, Text.of("model.operation.convolution"), problems)) {
                    yield null;
                }
                int k = c.kernel();
                if (c.padding() == Padding.SAME && k % 2 == 0) {
                    problems.add(Text.of("model.conv.same-needs-odd", where, k));
                    yield null;
                }
                if (c.padding() == Padding.SAME && (k > 2 * in.height() + 1 || k > 2 * in.width() + 1)) {
                    problems.add(Text.of("model.conv.kernel-too-large", where, String.valueOf(k), in.spatial()));
                    yield null;
                }
                if (c.padding() == Padding.VALID && (in.height() < k || in.width() < k)) {
                    problems.add(Text.of("model.conv.input-too-small", where, in.spatial(), String.valueOf(k)));
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
                    problems.add(Text.of("model.flatten.already-flat", where, in.units()));
                    yield null;
                }
                yield LayerShape.vector(Math.toIntExact(in.size()));
            }
            case Layer.Dense d -> {
                if (!in.flat()) {
                    problems.add(Text.of("model.dense.needs-flat", where, in.describeText()));
                    yield null;
                }
                yield LayerShape.vector(d.units());
            }
            case Layer.BatchNorm b -> in;
            case Layer.Dropout d -> in;
            case Layer.ActivationLayer a -> in;
        };
    }

    private static LayerShape pool(LayerShape in, int pool, int stride, Padding padding, Text where,
            List<Text> problems) {
        if (needsImage(in, where, Text.of("model.operation.pooling"), problems)) {
            return null;
        }
        if (padding == Padding.SAME && stride != pool) {
            problems.add(Text.of("model.pool.same-stride", where, pool, stride));
            return null;
        }
        if (in.height() < pool || in.width() < pool) {
            problems.add(Text.of("model.pool.input-too-small", where, in.spatial(), String.valueOf(pool)));
            return null;
        }
        return image(in.channels(), PoolPadding.outputSide(padding, in.height(), pool, stride),
                PoolPadding.outputSide(padding, in.width(), pool, stride), where, problems);
    }

    /** An image shape, or a problem when one sample would hold more values than any layer may. */
    private static LayerShape image(int channels, int height, int width, Text where, List<Text> problems) {
        long values = (long) channels * height * width;
        if (values > MAX_LAYER_VALUES) {
            problems.add(Text.of("model.layer.too-many-values", where, values,
                    channels + "×" + height + "×" + width, MAX_LAYER_VALUES));
            return null;
        }
        return LayerShape.image(channels, height, width);
    }

    private static boolean needsImage(LayerShape in, Text where, Text what, List<Text> problems) {
        if (in.flat()) {
            problems.add(Text.of("model.layer.needs-image", where, in.units(), what));
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

    private static int bounded(Integer value, int max, Text what, List<Text> problems) {
        if (value == null) {
            problems.add(Text.of("model.check.missing", what));
            return 0;
        }
        if (value < 1) {
            problems.add(Text.of("model.check.too-small", what, value));
        } else if (value > max) {
            problems.add(Text.of("model.check.too-large", what, max, value));
        }
        return value;
    }

    private static void penalty(Double value, Text what, List<Text> problems) {
        if (value != null && !(value >= 0 && value <= MAX_PENALTY)) {
            problems.add(Text.of("model.check.penalty", what, (int) MAX_PENALTY, shown(value)));
        }
    }

    /**
     * A decimal as the spec gave it ("1.0", "-0.01"; "1,0" in German): its digits kept, so a learner
     * recognises the value they typed. Values a number format cannot write stay as Java writes them.
     */
    static Object shown(double value) {
        if (!Double.isFinite(value) || value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e7)) {
            return String.valueOf(value);
        }
        return new java.math.BigDecimal(Double.toString(value));
    }
}
