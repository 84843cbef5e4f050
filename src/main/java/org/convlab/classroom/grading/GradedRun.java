package org.convlab.classroom.grading;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.Hyperparameters;
import java.util.stream.IntStream;

/**
 * What grading reads from a finished run: its model, its settings and its stored outcome. Nothing
 * here is measured again, which is what makes a grade repeatable. Grading knows the run only as
 * these plain values, not as the stored row they come from.
 *
 * @param finished whether the run trained to the end (its queue status is done)
 * @param hyperparameters the settings the run was trained with; null when they could not be read
 * @param testAccuracy fraction 0–1; null when the run never reached the test set
 * @param epochsTrained epochs actually trained (fewer than asked for when early stopping ended it)
 * @param params the model's parameter count; null when unknown
 * @param trainSeconds training time; null when unknown
 * @param datasetName the name of the data set the run trained on; null when it is no longer on this
 *     server (or not looked up)
 */
public record GradedRun(
        String runId,
        String name,
        boolean finished,
        ModelSpec spec,
        Hyperparameters hyperparameters,
        Double testAccuracy,
        int epochsTrained,
        Long params,
        Double trainSeconds,
        String datasetName) {

    /** What runs from before data sets could be chosen trained on. */
    public static final String DEFAULT_DATASET_NAME = "Fashion-MNIST";

    /** A run whose data set's name was not looked up. */
    public GradedRun(String runId, String name, boolean finished, ModelSpec spec, Hyperparameters hyperparameters,
            Double testAccuracy, int epochsTrained, Long params, Double trainSeconds) {
        this(runId, name, finished, spec, hyperparameters, testAccuracy, epochsTrained, params, trainSeconds, null);
    }

    /** The key of the data set the run trained on; a run from before data sets could be chosen used the default. */
    public String datasetKey() {
        return hyperparameters == null || hyperparameters.dataset() == null
                ? org.convlab.dataset.DatasetLibrary.DEFAULT_KEY : hyperparameters.dataset();
    }

    private List<Layer> layers() {
        return spec == null ? List.of() : spec.layers();
    }

    private long count(Class<? extends Layer> kind) {
        return layers().stream().filter(kind::isInstance).count();
    }

    public int convLayers() {
        return (int) count(Layer.Conv2d.class);
    }

    /**
     * The filters of each convolution layer, in model order (empty for a model without any); empty
     * Optional when they cannot be known: no model was read, or a convolution layer names no count.
     * A rule that caps filters must not pass a model it cannot count.
     */
    public Optional<List<Integer>> convFilters() {
        if (spec == null) {
            return Optional.empty();
        }
        List<Integer> filters = layers().stream()
                .filter(Layer.Conv2d.class::isInstance)
                .map(l -> ((Layer.Conv2d) l).filters())
                .toList(); // toList keeps nulls, checked next
        return filters.contains(null) ? Optional.empty() : Optional.of(filters);
    }

    public int maxPoolLayers() {
        return (int) count(Layer.MaxPool.class);
    }

    public int averagePoolLayers() {
        return (int) count(Layer.AvgPool.class);
    }

    public int poolingLayers() {
        return maxPoolLayers() + averagePoolLayers();
    }

    public int batchNormLayers() {
        return (int) count(Layer.BatchNorm.class);
    }

    /** Dropout layers that actually drop something (a rate of 0 changes nothing). */
    public int dropoutLayers() {
        return (int) layers().stream()
                .filter(l -> l instanceof Layer.Dropout d && d.rate() != null && d.rate() > 0)
                .count();
    }

    /** Layers (convolution or dense) whose weights carry an L1 penalty. */
    public int l1Layers() {
        return (int) layers().stream().filter(l -> positive(l1(l))).count();
    }

    /** Layers (convolution or dense) whose weights carry an L2 penalty. */
    public int l2Layers() {
        return (int) layers().stream().filter(l -> positive(l2(l))).count();
    }

    private static Double l1(Layer layer) {
        return switch (layer) {
            case Layer.Conv2d c -> c.l1();
            case Layer.Dense d -> d.l1();
            case null, default -> null;
        };
    }

    private static Double l2(Layer layer) {
        return switch (layer) {
            case Layer.Conv2d c -> c.l2();
            case Layer.Dense d -> d.l2();
            case null, default -> null;
        };
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }

    /**
     * The widest dense layer before the output. The last layer of a model is its output (one unit
     * per class), which a rule about hidden layers must not count.
     */
    public OptionalInt widestHiddenDense() {
        List<Layer> layers = layers();
        int last = layers.size() - 1;
        return IntStream.range(0, layers.size())
                .filter(i -> i != last && layers.get(i) instanceof Layer.Dense)
                .map(i -> {
                    Integer units = ((Layer.Dense) layers.get(i)).units();
                    return units == null ? 0 : units;
                })
                .max();
    }

    public Augmentation augmentation() {
        return hyperparameters == null || hyperparameters.augmentation() == null
                ? Augmentation.NONE : hyperparameters.augmentation();
    }
}
