package org.convlab.training.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.LayerShape;
import org.convlab.model.Padding;
import org.convlab.model.PoolPadding;
import org.convlab.model.ValidatedModel;
import org.convlab.model.ValidatedModel.LayerInfo;

/**
 * Explains a trained network for one image: every layer's output at a glance ({@link #overview})
 * and any single number traced back to its multiply-and-sum ({@link #trace}). The layer outputs
 * come from the network's own forward pass, one child block per spec layer (see {@link
 * NetworkBuilder}); the trace recomputes the chosen number from the layer's input and its learned
 * parameters, so a learner sees the real arithmetic and a test can check it against the model.
 *
 * <p>Inference mode throughout: batch normalization uses its moving statistics and dropout passes
 * everything. Only forward passes, no gradients, so this may run beside training; the app still
 * runs it on the training worker's safe points, like all introspection.
 */
public final class NetworkExplainer {

    /** Contributions listed one by one for a dense unit; the rest are summed. */
    public static final int LARGEST_CONTRIBUTIONS = 8;

    private final TrainedModel model;

    public NetworkExplainer(TrainedModel model) {
        this.model = model;
    }

    /**
     * One layer's output for the image. {@code values} is channel after channel, each height×width
     * row-major (a flat layer: its units). The last layer shows probabilities when it ends in
     * softmax. {@code mixesChannels}: each output map reads every input map (conv, dense, flatten);
     * otherwise map c reads only map c of the layer before.
     */
    public record LayerOutput(int layer, String name, String kind, String activation, int channels, int height,
            int width, boolean flat, long params, boolean mixesChannels, float[] values) {}

    /** Layer 0 is the input image; then one entry per spec layer. */
    public record Overview(List<LayerOutput> layers, float[] probabilities, int predicted, List<String> classNames) {}

    public Overview overview(float[] image) {
        List<LayerInfo> infos = model.spec().layers();
        float[][] outputs = outputs(image, infos.size());
        List<LayerOutput> layers = new ArrayList<>();
        LayerShape input = model.spec().input();
        layers.add(new LayerOutput(0, "input", "input", null, input.channels(), input.height(), input.width(), false, 0,
                false, outputs[0]));
        for (LayerInfo info : infos) {
            float[] values = outputs[info.index()];
            if (info.index() == infos.size() && endsInSoftmax(info)) {
                values = softmax(values);
            }
            LayerShape out = info.output();
            layers.add(new LayerOutput(info.index(), info.name(), info.layer().kind(), activationName(info.layer()),
                    out.flat() ? out.units() : out.channels(), out.height(), out.width(), out.flat(), info.params(),
                    mixesChannels(info.layer()), values));
        }
        // As TrainedModel.predict: softmax over what the network gives out.
        float[] probabilities = softmax(outputs[infos.size()]);
        return new Overview(layers, probabilities, TrainedModel.argMax(probabilities), model.classNames());
    }

    /**
     * How the number at ({@code channel}, {@code row}, {@code col}) of layer {@code layer} was
     * computed; for a flat layer {@code channel} is the unit and row and col must be 0.
     */
    public NeuronTrace trace(float[] image, int layer, int channel, int row, int col) {
        LayerInfo info = model.layer(layer);
        checkPosition(info, channel, row, col);
        float[][] outputs = outputs(image, layer);
        float[] in = outputs[layer - 1];
        float[] out = outputs[layer];
        LayerShape inShape = info.input();
        LayerShape outShape = info.output();
        double modelValue = out[index(outShape, channel, row, col)];
        Block block = model.block().getChildren().get(layer - 1).getValue();
        return switch (info.layer()) {
            case Layer.Conv2d c -> conv(info, c, block, in, channel, row, col, modelValue);
            case Layer.MaxPool p -> pool(info, "max", p.pool(), p.stride(), p.padding(), in, channel, row, col, modelValue);
            case Layer.AvgPool p -> pool(info, "mean", p.pool(), p.stride(), p.padding(), in, channel, row, col, modelValue);
            case Layer.Dense d -> dense(info, d, block, in, out, channel);
            case Layer.BatchNorm b -> norm(info, block, in[index(inShape, channel, row, col)], channel, row, col, modelValue);
            case Layer.Dropout d -> new NeuronTrace.DropoutCell(layer, info.name(), channel, row, col, d.rate(),
                    in[index(inShape, channel, row, col)], in[index(inShape, channel, row, col)], modelValue);
            case Layer.Flatten f -> flatten(info, in, channel, modelValue);
            case Layer.ActivationLayer a -> activationCell(info, a.activation(), in, out, channel, row, col, modelValue);
        };
    }

    /**
     * How dense unit {@code unit} of layer {@code layer} scores a vector given directly (as the deck
     * scores its own test vector), rather than one an image produced.
     */
    public NeuronTrace.DenseUnit traceUnit(float[] vector, int layer, int unit) {
        LayerInfo info = model.layer(layer);
        if (!(info.layer() instanceof Layer.Dense d)) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.name() + ") is not a dense layer");
        }
        checkPosition(info, unit, 0, 0);
        if (vector.length != info.input().units()) {
            throw new IllegalArgumentException("the vector has " + vector.length + " values; layer " + layer + " reads "
                    + info.input().units());
        }
        Block block = model.block().getChildren().get(layer - 1).getValue();
        float[] out;
        try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
            NDList x = new NDList(scope.create(vector, new Shape(1, vector.length)));
            out = block.forward(new ParameterStore(scope, false), x, false).singletonOrThrow().toFloatArray();
        }
        return dense(info, d, block, vector, out, unit);
    }

    private NeuronTrace.ConvCell conv(LayerInfo info, Layer.Conv2d c, Block block, float[] in, int filter, int row,
            int col, double modelValue) {
        LayerShape inShape = info.input();
        int k = c.kernel();
        int channels = inShape.channels();
        int pad = c.padding() == Padding.SAME ? (k - 1) / 2 : 0;
        int top = row * c.stride() - pad;
        int left = col * c.stride() - pad;
        float[] weight = parameter(block, Parameter.Type.WEIGHT); // (filters, channels, k, k)
        float[] bias = parameter(block, Parameter.Type.BIAS);
        double[][][] inputs = new double[channels][k][k];
        double[][][] weights = new double[channels][k][k];
        double[][][] products = new double[channels][k][k];
        double[] sums = new double[channels];
        double total = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int r = top + i;
                    int q = left + j;
                    boolean inside = r >= 0 && r < inShape.height() && q >= 0 && q < inShape.width();
                    inputs[ch][i][j] = inside ? in[index(inShape, ch, r, q)] : 0;
                    weights[ch][i][j] = weight[((filter * channels + ch) * k + i) * k + j];
                    products[ch][i][j] = inputs[ch][i][j] * weights[ch][i][j];
                    sums[ch] += products[ch][i][j];
                }
            }
            total += sums[ch];
        }
        double b = bias[filter];
        double pre = total + b;
        ActivationKind activation = c.activation();
        if (activation == ActivationKind.SOFTMAX) {
            throw new RefusedArgument(Text.of("training.explain.softmax-maps", index(info.index())));
        }
        return new NeuronTrace.ConvCell(info.index(), info.name(), filter, row, col, k, c.stride(), pad, top, left,
                inShape.height(), inShape.width(),
                inputs, weights, products, sums, b, pre, activation.jsonName(), apply(activation, pre), modelValue);
    }

    private NeuronTrace.PoolCell pool(LayerInfo info, String kind, int size, int stride, Padding padding, float[] in,
            int channel, int row, int col, double modelValue) {
        LayerShape inShape = info.input();
        // A "same" window may hang over the edge: only its cells inside the map take part.
        int top = row * stride - PoolPadding.before(padding, inShape.height(), size);
        int left = col * stride - PoolPadding.before(padding, inShape.width(), size);
        int firstRow = Math.max(top, 0);
        int firstCol = Math.max(left, 0);
        int rows = Math.min(top + size, inShape.height()) - firstRow;
        int cols = Math.min(left + size, inShape.width()) - firstCol;
        double[][] window = new double[rows][cols];
        int pickedRow = -1;
        int pickedCol = -1;
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = in[index(inShape, channel, firstRow + i, firstCol + j)];
                window[i][j] = v;
                sum += v;
                if (v > best) {
                    best = v;
                    pickedRow = i;
                    pickedCol = j;
                }
            }
        }
        boolean max = kind.equals("max");
        return new NeuronTrace.PoolCell(info.index(), info.name(), channel, row, col, kind, size, firstRow, firstCol,
                window, max ? pickedRow : -1, max ? pickedCol : -1, max ? best : sum / (rows * cols), modelValue);
    }

    private NeuronTrace.DenseUnit dense(LayerInfo info, Layer.Dense d, Block block, float[] in, float[] out, int unit) {
        float[] weight = parameter(block, Parameter.Type.WEIGHT); // (units, inputs)
        float[] bias = parameter(block, Parameter.Type.BIAS);
        int n = in.length;
        List<NeuronTrace.Contribution> all = new ArrayList<>(n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weight[unit * n + i];
            double product = in[i] * w;
            total += product;
            all.add(new NeuronTrace.Contribution(i, null, in[i], w, product));
        }
        all.sort(Comparator.comparingDouble((NeuronTrace.Contribution x) -> -Math.abs(x.product())));
        List<NeuronTrace.Contribution> largest = new ArrayList<>();
        double shown = 0;
        for (NeuronTrace.Contribution x : all.subList(0, Math.min(LARGEST_CONTRIBUTIONS, n))) {
            Text where = source(info.index() - 1, x.input());
            largest.add(new NeuronTrace.Contribution(x.input(), where.toString(), x.inputValue(), x.weight(), x.product(),
                    where));
            shown += x.product();
        }
        double pre = total + bias[unit];
        ActivationKind activation = d.activation();
        NeuronTrace.SoftmaxStep softmax = null;
        double value;
        double modelValue;
        if (activation == ActivationKind.SOFTMAX) {
            double[] logits = new double[bias.length];
            for (int u = 0; u < logits.length; u++) {
                double s = bias[u];
                for (int i = 0; i < n; i++) {
                    s += in[i] * (double) weight[u * n + i];
                }
                logits[u] = s;
            }
            softmax = softmaxStep(logits);
            value = softmax.probabilities()[unit];
            modelValue = softmaxIfLogits(out, info)[unit];
        } else {
            value = apply(activation, pre);
            modelValue = out[unit];
        }
        return new NeuronTrace.DenseUnit(info.index(), info.name(), unit, n, largest, n - largest.size(),
                total - shown, bias[unit], pre, activation.jsonName(), value, modelValue, softmax);
    }

    private NeuronTrace.NormCell norm(LayerInfo info, Block block, double x, int channel, int row, int col,
            double modelValue) {
        double gamma = parameter(block, Parameter.Type.GAMMA)[channel];
        double beta = parameter(block, Parameter.Type.BETA)[channel];
        double mean = parameter(block, Parameter.Type.RUNNING_MEAN)[channel];
        double variance = parameter(block, Parameter.Type.RUNNING_VAR)[channel];
        double epsilon = NetworkBuilder.BATCH_NORM_EPSILON;
        double value = gamma * (x - mean) / Math.sqrt(variance + epsilon) + beta;
        return new NeuronTrace.NormCell(info.index(), info.name(), channel, row, col, x, mean, variance, epsilon,
                gamma, beta, value, modelValue);
    }

    private NeuronTrace.FlattenCell flatten(LayerInfo info, float[] in, int unit, double modelValue) {
        LayerShape s = info.input();
        int plane = s.height() * s.width();
        int channel = unit / plane;
        int row = unit % plane / s.width();
        int col = unit % s.width();
        return new NeuronTrace.FlattenCell(info.index(), info.name(), unit, channel, row, col, in[unit], modelValue);
    }

    private NeuronTrace.ActivationCell activationCell(LayerInfo info, ActivationKind activation, float[] in,
            float[] out, int channel, int row, int col, double modelValue) {
        double x = in[index(info.input(), channel, row, col)];
        if (activation != ActivationKind.SOFTMAX) {
            return new NeuronTrace.ActivationCell(info.index(), info.name(), channel, row, col, x,
                    activation.jsonName(), apply(activation, x), modelValue, null);
        }
        if (!info.input().flat()) {
            throw new RefusedArgument(Text.of("training.explain.softmax-channels", index(info.index())));
        }
        double[] logits = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            logits[i] = in[i];
        }
        NeuronTrace.SoftmaxStep softmax = softmaxStep(logits);
        return new NeuronTrace.ActivationCell(info.index(), info.name(), channel, row, col, x, activation.jsonName(),
                softmax.probabilities()[channel], softmaxIfLogits(out, info)[channel], softmax);
    }

    private NeuronTrace.SoftmaxStep softmaxStep(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] exps = new double[logits.length];
        double sum = 0;
        int predicted = 0;
        for (int i = 0; i < logits.length; i++) {
            exps[i] = Math.exp(logits[i] - max);
            sum += exps[i];
            if (logits[i] > logits[predicted]) {
                predicted = i;
            }
        }
        double[] probabilities = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = exps[i] / sum;
        }
        List<String> names = logits.length == model.classNames().size() ? model.classNames() : List.of();
        return new NeuronTrace.SoftmaxStep(logits, max, exps, sum, probabilities, predicted, names);
    }

    /** Where input {@code i} of a flat layer comes from, in words ("map 3, row 5, column 7"). */
    private Text source(int previousLayer, int i) {
        // Walk back through layers that keep a vector as it is, to the flatten (or dense) that made it.
        for (int l = previousLayer; l >= 1; l--) {
            LayerInfo before = model.layer(l);
            if (before.layer() instanceof Layer.Flatten) {
                LayerShape s = before.input();
                int plane = s.height() * s.width();
                return Text.of("run.trace.source.map", index(i / plane + 1), index(i % plane / s.width() + 1),
                        index(i % s.width() + 1), index(l - 1));
            }
            if (before.layer() instanceof Layer.Dense) {
                return Text.of("run.trace.source.unit", index(i + 1), index(l));
            }
        }
        return previousLayer == 0 ? Text.of("run.trace.source.pixel", index(i + 1))
                : Text.of("run.trace.source.value", index(i + 1), index(previousLayer));
    }

    /** A position as a plain number, never grouped ("pixel 3072"), in every language. */
    private static String index(int position) {
        return Integer.toString(position);
    }

    /** Outputs of layers 0 (the input) to {@code upTo}, from the network's own forward pass. */
    float[][] outputs(float[] image, int upTo) {
        long[] dims = model.spec().input().dims();
        if (image.length != dims[0] * dims[1] * dims[2]) {
            throw new IllegalArgumentException("the image has " + image.length + " values; the model takes "
                    + dims[0] + "×" + dims[1] + "×" + dims[2]);
        }
        float[][] outputs = new float[upTo + 1][];
        outputs[0] = image.clone();
        try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
            ParameterStore store = new ParameterStore(scope, false);
            NDList x = new NDList(scope.create(image, new Shape(1, dims[0], dims[1], dims[2])));
            List<Pair<String, Block>> children = model.block().getChildren().stream().toList();
            for (int i = 0; i < upTo; i++) {
                x = children.get(i).getValue().forward(store, x, false);
                outputs[i + 1] = x.singletonOrThrow().toFloatArray();
            }
        }
        return outputs;
    }

    private static float[] parameter(Block block, Parameter.Type type) {
        return block.getParameters().stream()
                .filter(p -> p.getValue().getType() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the layer has no " + type + " parameter"))
                .getValue().getArray().toFloatArray();
    }

    private void checkPosition(LayerInfo info, int channel, int row, int col) {
        LayerShape s = info.output();
        if (s.flat()) {
            if (channel < 0 || channel >= s.units() || row != 0 || col != 0) {
                throw new RefusedArgument(Text.of("training.explain.vector-position", index(info.index()), info.name(),
                        index(s.units()), index(s.units() - 1)));
            }
            return;
        }
        if (channel < 0 || channel >= s.channels()) {
            throw new RefusedArgument(Text.of("training.explain.no-channel", index(info.index()), info.name(),
                    index(s.channels()), index(s.channels() - 1)));
        }
        if (row < 0 || row >= s.height() || col < 0 || col >= s.width()) {
            throw new RefusedArgument(Text.of("training.explain.no-position", index(info.index()), info.name(),
                    s.height() + "×" + s.width(), index(s.height() - 1), index(s.width() - 1)));
        }
    }


    private static int index(LayerShape s, int channel, int row, int col) {
        return s.flat() ? channel : (channel * s.height() + row) * s.width() + col;
    }

    private static boolean mixesChannels(Layer layer) {
        return layer instanceof Layer.Conv2d || layer instanceof Layer.Dense || layer instanceof Layer.Flatten;
    }

    private static String activationName(Layer layer) {
        return switch (layer) {
            case Layer.Conv2d c -> c.activation().jsonName();
            case Layer.Dense d -> d.activation().jsonName();
            case Layer.ActivationLayer a -> a.activation().jsonName();
            default -> null;
        };
    }

    /** The last layer's softmax is not in the network (the loss applies it); add it back here. */
    private boolean endsInSoftmax(LayerInfo info) {
        return info.index() == model.spec().layers().size() && ActivationKind.SOFTMAX.jsonName().equals(activationName(info.layer()));
    }

    private float[] softmaxIfLogits(float[] values, LayerInfo info) {
        return endsInSoftmax(info) ? softmax(values) : values;
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The activation functions of {@link NetworkBuilder#function}, in double precision. */
    static double apply(ActivationKind activation, double x) {
        return switch (activation) {
            case RELU -> Math.max(0, x);
            case LEAKY_RELU -> x >= 0 ? x : ActivationKind.LEAKY_RELU_ALPHA * x;
            case ELU -> x >= 0 ? x : Math.expm1(x);
            case SELU -> 1.0507009873554805 * (x >= 0 ? x : 1.6732632423543772 * Math.expm1(x));
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case LINEAR -> x;
            case SOFTMAX -> throw new IllegalArgumentException("softmax needs the whole layer, not one value");
        };
    }
}
