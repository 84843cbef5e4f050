package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.model.ValidatedModel;

/**
 * A network with learned parameters, ready for prediction and introspection. Owns the DJL model
 * (and with it every parameter array): close it when done.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final ValidatedModel spec;
    private final List<String> classNames;
    private final Device device;

    TrainedModel(Model model, ValidatedModel spec, List<String> classNames, Device device) {
        this.model = model;
        this.spec = spec;
        this.classNames = List.copyOf(classNames);
        this.device = device;
    }

    public ValidatedModel spec() {
        return spec;
    }

    public List<String> classNames() {
        return classNames;
    }

    public Device device() {
        return device;
    }

    /** Spec layer {@code layer} (1-based), or an exception saying which layers there are. */
    ValidatedModel.LayerInfo layer(int layer) {
        List<ValidatedModel.LayerInfo> layers = spec.layers();
        if (layer < 1 || layer > layers.size()) {
            throw new RefusedArgument(Text.of("training.explain.no-layer", String.valueOf(layer),
                    String.valueOf(layers.size())));
        }
        return layers.get(layer - 1);
    }

    Model djlModel() {
        return model;
    }

    SequentialBlock block() {
        return (SequentialBlock) model.getBlock();
    }

    /** Class probabilities for {@code count} images laid end to end in {@code pixels}. */
    public float[][] probabilities(float[] pixels, int count) {
        int classes = spec.output().units();
        float[][] out = new float[count][classes];
        try (NDManager scope = model.getNDManager().newSubManager(device)) {
            NDArray probs = logits(scope, pixels, count).softmax(1);
            float[] flat = probs.toFloatArray();
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * classes, out[i], 0, classes);
            }
        }
        return out;
    }

    /** Runs the network in inference mode; the result lives in {@code scope}. */
    NDArray logits(NDManager scope, float[] pixels, int count) {
        long[] dims = spec.input().dims();
        NDArray x = scope.create(pixels, new Shape(count, dims[0], dims[1], dims[2]));
        return model.getBlock().forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
    }

    /** The prediction for one image of the input size (28×28 for Fashion-MNIST), pixels 0..1. */
    public Prediction predict(float[] image) {
        int expected = (int) spec.input().size();
        if (image.length != expected) {
            throw new IllegalArgumentException("the image has " + image.length + " pixels; this model takes "
                    + spec.input().height() + "×" + spec.input().width() + " = " + expected);
        }
        float[] p = probabilities(image, 1)[0];
        int best = argMax(p);
        return new Prediction(best, classNames.get(best), p);
    }

    public record Prediction(int classIndex, String className, float[] probabilities) {}

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        model.close();
    }
}
