package org.convlab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.Layer;
import org.convlab.model.ValidatedModel;
import ai.djl.nn.Activation;

/**
 * Looks inside a trained network: learned filters, feature maps and Grad-CAM heatmaps. Layers are
 * numbered as in the spec (1-based); the network has one child block per spec layer, so running
 * the children one by one yields any layer's output.
 *
 * <p>Grad-CAM needs a GradientCollector, of which DJL allows one per JVM: call these methods only
 * on the training worker thread ({@link TrainingWorker#introspect}), never while a batch is open.
 * The backward pass also adds into the parameters' gradients; they are zeroed afterwards so a
 * later training step is not disturbed.
 */
public final class ModelIntrospector {

    private final TrainedModel model;

    public ModelIntrospector(TrainedModel model) {
        this.model = model;
    }

    /** A conv layer's kernels, scaled to 0..1 over the whole layer so filters compare. */
    public record FilterImages(int layer, int filters, int channels, int kernel, float[][] weights, float min, float max) {}

    /** One layer's output for one image: {@code values[c]} is channel c as height×width, row-major. */
    public record FeatureMaps(int layer, String name, int channels, int height, int width, float[][] values) {}

    /**
     * Grad-CAM for one image and class: {@code heatmap} has the input's size (0..1), {@code coarse}
     * the size of the layer it was computed from.
     */
    public record GradCam(int layer, String name, int classIndex, int height, int width, float[] heatmap,
            int coarseHeight, int coarseWidth, float[] coarse, float[] probabilities) {}

    /** Spec layer numbers of the convolution layers. */
    public List<Integer> convLayers() {
        List<Integer> out = new ArrayList<>();
        for (ValidatedModel.LayerInfo l : model.spec().layers()) {
            if (l.layer() instanceof Layer.Conv2d) {
                out.add(l.index());
            }
        }
        return out;
    }

    public FilterImages filters(int layer) {
        ValidatedModel.LayerInfo info = model.layer(layer);
        if (!(info.layer() instanceof Layer.Conv2d)) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.layer().kind() + ") is not a conv2d layer; conv layers: " + convLayers());
        }
        NDArray weight = convolution(child(layer)).getParameters().stream()
                .filter(p -> p.getValue().getType() == Parameter.Type.WEIGHT)
                .findFirst().orElseThrow().getValue().getArray();
        Shape s = weight.getShape(); // (filters, channels, k, k)
        float[] all = weight.toFloatArray();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int filters = (int) s.get(0);
        int per = all.length / filters;
        float[][] images = new float[filters][per];
        float range = max - min == 0 ? 1 : max - min;
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < per; i++) {
                images[f][i] = (all[f * per + i] - min) / range;
            }
        }
        return new FilterImages(layer, filters, (int) s.get(1), (int) s.get(2), images, min, max);
    }

    public FeatureMaps featureMaps(int layer, float[] image) {
        ValidatedModel.LayerInfo info = model.layer(layer);
        if (info.output().flat()) {
            throw new IllegalArgumentException("layer " + layer + " (" + info.layer().kind() + ") gives a flat vector, not feature maps; pick a layer before flatten");
        }
        try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
            NDArray out = runTo(scope, image, layer);
            int c = info.output().channels();
            int h = info.output().height();
            int w = info.output().width();
            float[] flat = out.toFloatArray();
            float[][] maps = new float[c][h * w];
            for (int k = 0; k < c; k++) {
                System.arraycopy(flat, k * h * w, maps[k], 0, h * w);
            }
            return new FeatureMaps(layer, info.name(), c, h, w, maps);
        }
    }

    /** The layer Grad-CAM uses by default: the last image-shaped layer of the last conv block. */
    public int defaultCamLayer() {
        int chosen = -1;
        List<ValidatedModel.LayerInfo> layers = model.spec().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).layer() instanceof Layer.Conv2d) {
                chosen = i;
                // Include the batch norm / activation that directly follow the convolution.
                while (chosen + 1 < layers.size() && (layers.get(chosen + 1).layer() instanceof Layer.BatchNorm
                        || layers.get(chosen + 1).layer() instanceof Layer.ActivationLayer)) {
                    chosen++;
                }
            }
        }
        if (chosen < 0) {
            throw new IllegalArgumentException("the model has no conv2d layer: Grad-CAM needs one");
        }
        return chosen + 1;
    }

    public GradCam gradCam(float[] image, int classIndex) {
        return gradCam(image, classIndex, defaultCamLayer());
    }

    /**
     * Grad-CAM (Selvaraju et al.): weight each channel of the layer's output by the mean gradient of
     * the class score over that channel, sum, keep the positive part, upsample to the input size.
     */
    public GradCam gradCam(float[] image, int classIndex, int layer) {
        ValidatedModel.LayerInfo info = model.layer(layer);
        int classes = model.spec().output().units();
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " does not exist (0.." + (classes - 1) + ")");
        }
        if (info.output().flat()) {
            throw new IllegalArgumentException("layer " + layer + " gives a flat vector; Grad-CAM needs an image-shaped layer");
        }
        List<Pair<String, Block>> children = model.block().getChildren().stream().toList();
        try (NDManager scope = model.djlModel().getNDManager().newSubManager(model.device())) {
            ParameterStore store = new ParameterStore(scope, false);
            // Detach, then ask for a gradient: without both, DJL returns an all-zero gradient.
            NDArray activation = runTo(scope, image, layer).stopGradient();
            activation.setRequiresGradient(true);
            float[] cam;
            float[] probabilities;
            try (GradientCollector collector = ExclusiveGradients.open(DjlRuntime.engine()::newGradientCollector)) {
                NDList x = new NDList(activation);
                for (int i = layer; i < children.size(); i++) {
                    x = children.get(i).getValue().forward(store, x, false);
                }
                NDArray logits = x.singletonOrThrow();
                probabilities = logits.softmax(1).toFloatArray();
                collector.backward(logits.get(0, classIndex));
                NDArray grad = activation.getGradient();
                // PyTorch engine: mean over one axis at a time. Result (1, C, 1, 1).
                NDArray weights = grad.mean(new int[] {3}, true).mean(new int[] {2}, true);
                cam = Activation.relu(activation.mul(weights).sum(new int[] {1})).toFloatArray();
            } finally {
                zeroParameterGradients();
            }
            int h = info.output().height();
            int w = info.output().width();
            int outH = model.spec().input().height();
            int outW = model.spec().input().width();
            float[] heat = normalize(resize(cam, h, w, outH, outW));
            return new GradCam(layer, info.name(), classIndex, outH, outW, heat, h, w, normalize(cam.clone()), probabilities);
        }
    }

    private void zeroParameterGradients() {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (p.getValue().isInitialized()) {
                NDArray array = p.getValue().getArray();
                if (array.hasGradient()) {
                    NDArray grad = array.getGradient();
                    grad.subi(grad);
                    grad.close();
                }
            }
        }
    }

    private NDArray runTo(NDManager scope, float[] image, int layer) {
        long[] dims = model.spec().input().dims();
        if (image.length != dims[0] * dims[1] * dims[2]) {
            throw new IllegalArgumentException("the image has " + image.length + " pixels; the model takes "
                    + dims[1] + "×" + dims[2]);
        }
        ParameterStore store = new ParameterStore(scope, false);
        NDList x = new NDList(scope.create(image, new Shape(1, dims[0], dims[1], dims[2])));
        List<Pair<String, Block>> children = model.block().getChildren().stream().toList();
        for (int i = 0; i < layer; i++) {
            x = children.get(i).getValue().forward(store, x, false);
        }
        return x.singletonOrThrow();
    }

    private Block child(int layer) {
        return model.block().getChildren().get(layer - 1).getValue();
    }

    private static Block convolution(Block block) {
        if (block instanceof Convolution) {
            return block;
        }
        if (block instanceof SequentialBlock seq) {
            return seq.getChildren().get(0).getValue();
        }
        throw new IllegalStateException("unexpected block for a conv layer: " + block);
    }

    /** Bilinear resize, pixel centres aligned as in most image libraries. */
    static float[] resize(float[] src, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.min(Math.max((y + 0.5) * h / outH - 0.5, 0), h - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.min(Math.max((x + 0.5) * w / outW - 0.5, 0), w - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                out[y * outW + x] = (float) (src[y0 * w + x0] * (1 - fx) * (1 - fy) + src[y0 * w + x1] * fx * (1 - fy)
                        + src[y1 * w + x0] * (1 - fx) * fy + src[y1 * w + x1] * fx * fy);
            }
        }
        return out;
    }

    private static float[] normalize(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= max;
            }
        }
        return values;
    }
}
