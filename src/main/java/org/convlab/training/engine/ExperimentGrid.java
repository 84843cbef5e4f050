package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ActivationKind;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import java.util.function.Function;

/**
 * A set of runs that differ in one thing, as in deck 004's experiments: activation × optimizer,
 * a batch-size sweep, max vs average pooling, and the regularisers one at a time. Each variant is
 * the base model and settings with that one thing changed, labelled so a comparison reads at a glance.
 */
public record ExperimentGrid(Kind kind, List<Variant> variants) {

    public enum Kind {
        ACTIVATION_OPTIMIZER("activation-optimizer"),
        BATCH_SIZE("batch-size"),
        POOLING("pooling"),
        REGULARIZATION("regularization"),
        DEVICE("device");

        /** Its words' keys: {@code training.grid.<name>.title} and {@code .question}. */
        private final String name;

        Kind(String name) {
            this.name = name;
        }

        /** "Batch size", in the reader's language. */
        public Text title() {
            return Text.of("training.grid." + name + ".title");
        }

        /** "Bigger batches: faster epochs, but do they learn as well?", in the reader's language. */
        public Text question() {
            return Text.of("training.grid." + name + ".question");
        }
    }

    /** One run of the grid. */
    public record Variant(String label, ModelSpec spec, Hyperparameters hyperparameters) {}

    static final List<ActivationKind> ACTIVATIONS =
            List.of(ActivationKind.RELU, ActivationKind.LEAKY_RELU, ActivationKind.ELU, ActivationKind.TANH);
    static final List<OptimizerKind> OPTIMIZERS = List.of(OptimizerKind.ADAM, OptimizerKind.SGD, OptimizerKind.RMSPROP);
    static final List<Integer> BATCH_SIZES = List.of(32, 64, 128, 256);

    public static ExperimentGrid of(Kind kind, ModelSpec base, Hyperparameters hp) {
        List<Variant> variants = new ArrayList<>();
        switch (kind) {
            case ACTIVATION_OPTIMIZER -> {
                for (ActivationKind activation : ACTIVATIONS) {
                    for (OptimizerKind optimizer : OPTIMIZERS) {
                        variants.add(new Variant(activation + " + " + optimizer,
                                rename(withHiddenActivation(base, activation), activation + "-" + optimizer),
                                hp.withOptimizer(optimizer, null)));
                    }
                }
            }
            case BATCH_SIZE -> {
                for (int size : BATCH_SIZES) {
                    variants.add(new Variant("batch " + size, rename(base, "batch-" + size), hp.withBatchSize(size)));
                }
            }
            case POOLING -> {
                variants.add(new Variant("max pooling", rename(base, "maxpool"), hp));
                variants.add(new Variant("average pooling", rename(withAveragePooling(base), "avgpool"), hp));
            }
            case REGULARIZATION -> {
                variants.add(new Variant("plain", rename(base, "plain"), hp));
                variants.add(new Variant("+ batch norm", rename(mapLayers(base, ExperimentGrid::batchNormAfterConv), "batchnorm"), hp));
                variants.add(new Variant("+ dropout", rename(mapLayers(base, ExperimentGrid::dropoutAfterPool), "dropout"), hp));
                variants.add(new Variant("+ augmentation", rename(base, "augmented"),
                        hp.withAugmentation(new Augmentation(10, 2, true))));
                variants.add(new Variant("+ L2 penalty", rename(withL2(base, 1e-4), "l2"), hp));
            }
            case DEVICE -> {
                variants.add(new Variant("CPU", rename(base, "cpu"), hp.withDevice(DeviceChoice.CPU)));
                variants.add(new Variant("GPU", rename(base, "gpu"), hp.withDevice(DeviceChoice.GPU)));
            }
        }
        return new ExperimentGrid(kind, List.copyOf(variants));
    }

    private static ModelSpec rename(ModelSpec spec, String suffix) {
        String name = (spec.name() == null ? "model" : spec.name()) + "-" + suffix;
        return new ModelSpec(name, spec.input(), spec.classes(), spec.layers());
    }

    /** Every hidden conv and dense layer gets {@code activation}; the output layer keeps its own. */
    static ModelSpec withHiddenActivation(ModelSpec spec, ActivationKind activation) {
        List<Layer> layers = new ArrayList<>(spec.layers());
        int last = lastDense(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (i == last) {
                continue;
            }
            Layer layer = layers.get(i).withDefaults();
            if (layer instanceof Layer.Conv2d c && c.activation() != ActivationKind.LINEAR) {
                layers.set(i, new Layer.Conv2d(c.filters(), c.kernel(), c.stride(), c.padding(), activation, c.l1(), c.l2()));
            } else if (layer instanceof Layer.Dense d && d.activation() != ActivationKind.LINEAR) {
                layers.set(i, new Layer.Dense(d.units(), activation, d.l1(), d.l2()));
            } else if (layer instanceof Layer.ActivationLayer) {
                layers.set(i, new Layer.ActivationLayer(activation));
            }
        }
        return new ModelSpec(spec.name(), spec.input(), spec.classes(), layers);
    }

    static ModelSpec withAveragePooling(ModelSpec spec) {
        return mapLayers(spec, layer -> layer instanceof Layer.MaxPool p ? List.of(new Layer.AvgPool(p.pool(), p.stride(), p.padding())) : List.of(layer));
    }

    static ModelSpec withL2(ModelSpec spec, double l2) {
        return mapLayers(spec, layer -> switch (layer.withDefaults()) {
            case Layer.Conv2d c -> List.of(new Layer.Conv2d(c.filters(), c.kernel(), c.stride(), c.padding(), c.activation(), c.l1(), l2));
            case Layer.Dense d -> List.of(new Layer.Dense(d.units(), d.activation(), d.l1(), l2));
            default -> List.of(layer);
        });
    }

    private static List<Layer> batchNormAfterConv(Layer layer) {
        return layer instanceof Layer.Conv2d ? List.of(layer, new Layer.BatchNorm()) : List.of(layer);
    }

    private static List<Layer> dropoutAfterPool(Layer layer) {
        return layer instanceof Layer.MaxPool || layer instanceof Layer.AvgPool
                ? List.of(layer, new Layer.Dropout(0.25)) : List.of(layer);
    }

    private static ModelSpec mapLayers(ModelSpec spec, Function<Layer, List<Layer>> change) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : spec.layers()) {
            layers.addAll(change.apply(layer));
        }
        return new ModelSpec(spec.name(), spec.input(), spec.classes(), layers);
    }

    private static int lastDense(List<Layer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Layer.Dense) {
                return i;
            }
        }
        return -1;
    }

}
