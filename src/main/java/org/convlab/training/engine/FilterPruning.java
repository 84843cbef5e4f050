package org.convlab.training.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;
import org.convlab.model.ValidatedModel.LayerInfo;

/**
 * Removes filters from a conv layer of a trained network, to see how much of it the network really
 * needs (deck 000: "we can probably get rid of some of these filters and still have the same level
 * of performance").
 *
 * <p>Filters are ranked by the L1 norm of their weights, the sum of the absolute values of all
 * their kernel weights, as in Li et al., "Pruning Filters for Efficient ConvNets" (2017): a filter
 * whose weights are all close to zero produces a weak feature map, so the network loses least when
 * it goes.
 *
 * <p>A pruned filter is removed physically, so the parameter count really drops: its weights and
 * bias go, then its channel in every per-channel layer that follows (batch normalization's four
 * numbers per channel; pooling, activation and dropout have none), and finally the weights that
 * read it in the next layer that mixes channels: the next conv's input channel, or, after flatten,
 * the dense layer's columns of that map's height×width block (and a flat batch normalization's
 * entries in between). Everything else is copied unchanged, so the pruned network computes exactly
 * what the original computes when the pruned maps' contributions to that next layer are zeroed.
 *
 * <p>The original model is only read, never changed. Reads parameter arrays only: no forward pass,
 * no gradients.
 */
public final class FilterPruning {

    private final TrainedModel model;

    public FilterPruning(TrainedModel model) {
        this.model = model;
    }

    /** One filter of a conv layer and its L1 norm (the sum of its weights' absolute values). */
    public record FilterScore(int filter, double l1Norm) {}

    /**
     * A pruned copy of a model: a new {@link TrainedModel} the caller owns (close it), with what was
     * removed. Filter numbers are those of the original layer, 0-based.
     */
    public record Pruned(TrainedModel model, int layer, String layerName, int filtersBefore, List<Integer> removed,
            long paramsBefore, long paramsAfter) implements AutoCloseable {

        public Pruned {
            removed = List.copyOf(removed);
        }

        public int filtersAfter() {
            return filtersBefore - removed.size();
        }

        /** What was pruned, in words: "conv2d_1: 32→24 filters". */
        public String description() {
            return layerName + ": " + filtersBefore + "→" + filtersAfter() + " filters";
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** The conv layer's filters, weakest (smallest L1 norm) first; ties in filter order. */
    public List<FilterScore> ranking(int layer) {
        Layer.Conv2d conv = conv(model.layer(layer));
        float[] weight = parameter(child(layer), Parameter.Type.WEIGHT);
        int filters = conv.filters();
        int per = weight.length / filters;
        List<FilterScore> scores = new ArrayList<>(filters);
        for (int f = 0; f < filters; f++) {
            double sum = 0;
            for (int i = f * per; i < (f + 1) * per; i++) {
                sum += Math.abs(weight[i]);
            }
            scores.add(new FilterScore(f, sum));
        }
        scores.sort(Comparator.comparingDouble(FilterScore::l1Norm).thenComparingInt(FilterScore::filter));
        return List.copyOf(scores);
    }

    /** Removes the {@code k} weakest filters of the layer (see {@link #ranking}). */
    public Pruned prune(int layer, int k) {
        LayerInfo info = model.layer(layer);
        int filters = conv(info).filters();
        if (k < 0) {
            throw new IllegalArgumentException("the number of filters to remove must be 0 or more, not " + k);
        }
        if (k >= filters) {
            throw new IllegalArgumentException(describe(info) + " has " + filters + " filters: remove at most "
                    + (filters - 1) + " (keep at least one filter)");
        }
        return pruneFilters(layer, ranking(layer).subList(0, k).stream().map(FilterScore::filter).toList());
    }

    /** Removes the given filters (0-based, in any order; a repeated number counts once). */
    public Pruned pruneFilters(int layer, Collection<Integer> filtersToRemove) {
        LayerInfo info = model.layer(layer);
        Layer.Conv2d conv = conv(info);
        int filters = conv.filters();
        if (conv.activation() == ActivationKind.SOFTMAX) {
            throw new IllegalArgumentException(describe(info) + " applies softmax across its maps, so removing one "
                    + "would change the others; its filters cannot be pruned");
        }
        if (filtersToRemove == null) {
            throw new IllegalArgumentException("choose the filters to remove");
        }
        TreeSet<Integer> removed = new TreeSet<>();
        for (Integer f : filtersToRemove) {
            if (f == null || f < 0 || f >= filters) {
                throw new IllegalArgumentException(describe(info) + " has filters 0.." + (filters - 1)
                        + "; there is no filter " + f);
            }
            removed.add(f);
        }
        if (removed.size() >= filters) {
            throw new IllegalArgumentException(describe(info) + " has " + filters + " filters: remove at most "
                    + (filters - 1) + " (keep at least one filter)");
        }
        int[] kept = new int[filters - removed.size()];
        for (int f = 0, n = 0; f < filters; f++) {
            if (!removed.contains(f)) {
                kept[n++] = f;
            }
        }
        Plan plan = plan(info, kept);
        String name = prunedName(info, filters, kept.length);
        List<Layer> layers = new ArrayList<>(model.spec().spec().layers());
        layers.set(layer - 1, new Layer.Conv2d(kept.length, conv.kernel(), conv.stride(), conv.padding(),
                conv.activation(), conv.l1(), conv.l2()));
        ModelSpec original = model.spec().spec();
        // The original was valid when trained; the server's current caps do not apply to a smaller copy.
        ValidatedModel spec = ModelValidator.validate(new ModelSpec(name, original.input(), original.classes(), layers),
                ModelLimits.UNBOUNDED);
        TrainedModel pruned = copy(spec, plan);
        return new Pruned(pruned, layer, info.name(), filters, List.copyOf(removed), model.spec().totalParams(),
                spec.totalParams());
    }

    /** How each spec layer's parameters are sliced: the layer number (1-based) → the slicing. */
    private record Plan(int[] kept, Map<Where, Slice> slices) {}

    /** One parameter of one spec layer (1-based). */
    private record Where(int layer, Parameter.Type type) {}

    /**
     * Which part of a parameter is kept: viewed as (outer, channels, block), channels {@code kept}.
     * The outer size is read from the parameter's length.
     */
    private record Slice(Parameter.Type type, int channels, int block) {}

    private Plan plan(LayerInfo target, int[] kept) {
        int filters = ((Layer.Conv2d) target.layer()).filters();
        Map<Where, Slice> slices = new HashMap<>();
        // The pruned conv: weight (filters, channels, k, k) and bias (filters).
        int kernel = ((Layer.Conv2d) target.layer()).kernel();
        slices.put(new Where(target.index(), Parameter.Type.WEIGHT),
                new Slice(Parameter.Type.WEIGHT, filters, target.input().channels() * kernel * kernel));
        slices.put(new Where(target.index(), Parameter.Type.BIAS), new Slice(Parameter.Type.BIAS, filters, 1));
        int block = 1; // 1 per channel on images; height×width per channel after flatten
        for (LayerInfo next : model.spec().layers().subList(target.index(), model.spec().layers().size())) {
            switch (next.layer()) {
                case Layer.Conv2d c -> {
                    // Reads every map: weight (filters2, filters, k, k); its bias stays.
                    slices.put(new Where(next.index(), Parameter.Type.WEIGHT),
                            new Slice(Parameter.Type.WEIGHT, filters, c.kernel() * c.kernel()));
                    return new Plan(kept, slices);
                }
                case Layer.Dense d -> {
                    // Reads the flat vector: weight (units, filters × height × width); its bias stays.
                    slices.put(new Where(next.index(), Parameter.Type.WEIGHT), new Slice(Parameter.Type.WEIGHT, filters, block));
                    return new Plan(kept, slices);
                }
                case Layer.BatchNorm b -> {
                    for (Parameter.Type type : List.of(Parameter.Type.GAMMA, Parameter.Type.BETA,
                            Parameter.Type.RUNNING_MEAN, Parameter.Type.RUNNING_VAR)) {
                        slices.put(new Where(next.index(), type), new Slice(type, filters, block));
                    }
                }
                case Layer.Flatten f -> block = next.input().height() * next.input().width();
                case Layer.ActivationLayer a when a.activation() == ActivationKind.SOFTMAX ->
                        throw new IllegalArgumentException("layer " + next.index() + " applies softmax across all "
                                + "the maps of " + describe(target) + ", so removing one would change the others; "
                                + "filters of this layer cannot be pruned");
                case Layer.ActivationLayer a -> { }
                case Layer.MaxPool p -> { }
                case Layer.AvgPool p -> { }
                case Layer.Dropout d -> { }
            }
        }
        // Validation makes every model end in a flat dense layer, so a conv always has a reader.
        throw new IllegalStateException("no layer reads the maps of layer " + target.index());
    }

    /** A new model of {@code spec} on the same device, parameters copied through {@code plan}. */
    private TrainedModel copy(ValidatedModel spec, Plan plan) {
        DjlRuntime.engine();
        Model copy = Model.newInstance(spec.spec().name(), model.device(), "PyTorch");
        try {
            Block block = NetworkBuilder.build(spec);
            copy.setBlock(block);
            // Every value is overwritten below; the initializer only gives the arrays their shapes.
            block.setInitializer(Initializer.ZEROS, p -> true);
            long[] in = spec.input().dims();
            block.initialize(copy.getNDManager(), DataType.FLOAT32, new Shape(1, in[0], in[1], in[2]));
            List<Pair<String, Block>> from = model.block().getChildren().stream().toList();
            List<Pair<String, Block>> to = block.getChildren().stream().toList();
            for (int i = 0; i < to.size(); i++) {
                Map<Parameter.Type, Parameter> source = byType(from.get(i).getValue());
                for (Parameter target : byType(to.get(i).getValue()).values()) {
                    float[] values = source.get(target.getType()).getArray().toFloatArray();
                    Slice slice = plan.slices().get(new Where(i + 1, target.getType()));
                    if (slice != null) {
                        values = keep(values, slice, plan.kept());
                    }
                    NDArray array = target.getArray();
                    if (values.length != array.size()) {
                        throw new IllegalStateException("layer " + (i + 1) + " " + target.getType() + ": "
                                + values.length + " values for " + array.getShape());
                    }
                    array.set(FloatBuffer.wrap(values));
                }
            }
            return new TrainedModel(copy, spec, model.classNames(), model.device());
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** Of values laid out as (outer, channels, block), the channels {@code kept}, in order. */
    private static float[] keep(float[] values, Slice slice, int[] kept) {
        int perOuter = slice.channels() * slice.block();
        if (values.length % perOuter != 0) {
            throw new IllegalStateException(slice.type() + " has " + values.length + " values, not a multiple of "
                    + perOuter);
        }
        int outer = values.length / perOuter;
        float[] out = new float[outer * kept.length * slice.block()];
        int n = 0;
        for (int o = 0; o < outer; o++) {
            for (int c : kept) {
                System.arraycopy(values, o * perOuter + c * slice.block(), out, n, slice.block());
                n += slice.block();
            }
        }
        return out;
    }

    private static Map<Parameter.Type, Parameter> byType(Block block) {
        Map<Parameter.Type, Parameter> out = new EnumMap<>(Parameter.Type.class);
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (out.put(p.getValue().getType(), p.getValue()) != null) {
                throw new IllegalStateException("a layer with two " + p.getValue().getType() + " parameters");
            }
        }
        return out;
    }

    /** "best-cnn pruned (conv2d_1: 32→24 filters)", the original name shortened to fit the limit. */
    private String prunedName(LayerInfo info, int before, int after) {
        String original = model.spec().spec().name() == null ? "model" : model.spec().spec().name();
        String suffix = " pruned (" + info.name() + ": " + before + "→" + after + " filters)";
        int room = ModelValidator.MAX_NAME_LENGTH - suffix.length();
        if (original.length() > room) {
            original = original.substring(0, Math.max(0, room - 1)) + "…";
        }
        return original + suffix;
    }

    private static float[] parameter(Block block, Parameter.Type type) {
        Parameter p = byType(block).get(type);
        if (p == null) {
            throw new IllegalStateException("the layer has no " + type + " parameter");
        }
        return p.getArray().toFloatArray();
    }

    private Layer.Conv2d conv(LayerInfo info) {
        if (info.layer() instanceof Layer.Conv2d c) {
            return c;
        }
        throw new IllegalArgumentException(describe(info) + " is not a conv2d layer; only a conv layer's filters "
                + "can be pruned (conv layers: " + new ModelIntrospector(model).convLayers() + ")");
    }

    private static String describe(LayerInfo info) {
        return "layer " + info.index() + " (" + info.name() + ")";
    }


    private Block child(int layer) {
        return model.block().getChildren().get(layer - 1).getValue();
    }
}
