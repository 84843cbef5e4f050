package org.convlab.training.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.Evaluation;
import org.convlab.training.engine.Evaluation.Misclassified;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelIntrospector;
import org.convlab.training.engine.ModelIntrospector.FilterImages;
import org.convlab.training.engine.FilterExcitation;
import org.convlab.training.engine.FilterExcitation.StrongestImages;
import org.convlab.training.engine.FilterPruning;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.queue.TrainingService.SavedRun;

/**
 * A saved run measured again on the test set: what every test image was predicted as, the
 * misclassified images with their probabilities, and the learned filters. The model stays loaded
 * for feature maps and Grad-CAM; only the worker thread may touch it ({@link RunAnalysisService}).
 */
final class RunAnalysis implements AutoCloseable {

    /** One test image with its true and predicted class; pixels 0..1. */
    record TestImage(int index, int expected, int predicted, float[] pixels) {}

    private final SavedRun run;
    private final TrainedModel model;
    private final ImageSet test;
    private final Evaluation evaluation;
    private final int[] predicted;
    private final List<FilterImages> filters;
    private volatile boolean closed;

    RunAnalysis(SavedRun run, TrainedModel model, ImageSet test, Evaluation evaluation, List<FilterImages> filters) {
        this.run = run;
        this.model = model;
        this.test = test;
        this.evaluation = evaluation;
        this.filters = List.copyOf(filters);
        // The evaluation keeps every misclassified image, so all other images were predicted right.
        this.predicted = test.labels().clone();
        for (Misclassified wrong : evaluation.misclassified()) {
            predicted[wrong.index()] = wrong.predicted();
        }
    }

    SavedRun run() {
        return run;
    }

    Evaluation evaluation() {
        return evaluation;
    }

    List<String> classNames() {
        return test.classNames();
    }

    List<Misclassified> misclassified() {
        return evaluation.misclassified();
    }

    List<FilterImages> filters() {
        return filters;
    }

    /** The shape of a test image: 1 or 3 channels, 28 or 32 pixels a side. */
    LayerShape imageShape() {
        return shapeOf(test);
    }

    static LayerShape shapeOf(ImageSet images) {
        return LayerShape.image(images.channels(), images.height(), images.width());
    }

    int testImageCount() {
        return test.size();
    }

    TestImage testImage(int index) {
        return new TestImage(index, test.labels()[index], predicted[index], test.image(index));
    }

    /** How many test images of class {@code expected} the model called {@code predictedClass}. */
    int cellCount(int expected, int predictedClass) {
        return evaluation.confusionMatrix().counts()[expected][predictedClass];
    }

    /** The first {@code limit} test images of one confusion-matrix cell, in test order. */
    List<TestImage> cell(int expected, int predictedClass, int limit) {
        List<TestImage> images = new ArrayList<>();
        for (int i = 0; i < test.size() && images.size() < limit; i++) {
            if (test.labels()[i] == expected && predicted[i] == predictedClass) {
                images.add(testImage(i));
            }
        }
        return images;
    }

    /** What a page asking this analysis for more after it was closed tells the learner. */
    private static TextException unloaded() {
        return new TextException(Text.of("run.unloaded"));
    }

    /** For the worker thread only. */
    ModelIntrospector introspector() {
        if (closed) {
            throw unloaded();
        }
        return new ModelIntrospector(model);
    }

    /** The filters' strongest test images per conv layer, found once per layer (worker thread only). */
    private final Map<Integer, StrongestImages> strongest = new java.util.concurrent.ConcurrentHashMap<>();

    /** For the worker thread only. */
    StrongestImages strongestImages(int layer, IntConsumer imagesDone) {
        StrongestImages known = strongest.get(layer);
        if (known == null) {
            known = new FilterExcitation(loaded()).strongestImages(layer, test, FilterPatterns.SHOWN, imagesDone);
            strongest.put(layer, known);
        }
        return known;
    }

    /** The layer's search, if it was done already (any thread). */
    java.util.Optional<StrongestImages> knownStrongestImages(int layer) {
        return java.util.Optional.ofNullable(strongest.get(layer));
    }

    /** For the worker thread only. */
    FilterPruning pruning() {
        return new FilterPruning(loaded());
    }

    ImageSet testImages() {
        return test;
    }

    private TrainedModel loaded() {
        if (closed) {
            throw unloaded();
        }
        return model;
    }

    /** For the worker thread only. */
    NetworkExplainer explainer() {
        if (closed) {
            throw unloaded();
        }
        return new NetworkExplainer(model);
    }

    @Override
    public void close() {
        closed = true;
        model.close();
    }
}
