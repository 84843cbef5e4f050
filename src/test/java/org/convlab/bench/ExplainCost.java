package org.convlab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.convlab.model.Layer;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.TrainingControl;

/**
 * What explaining a model costs on the server, per preset: the overview of one 28×28 test image
 * (every layer's output, {@link NetworkExplainer#overview}) and the trace of one number (a cell of
 * the deepest conv layer, and the hidden or output dense unit), beside their peer, the network's
 * plain prediction of the same image ({@link TrainedModel#predict}). Each preset is trained for one
 * epoch on 1,000 images first, so its weights are not the initial ones. Medians of ROUNDS calls
 * after WARM-UP calls; one JSON line per preset.
 *
 * <p>Usage: ExplainCost [rounds] [preset,preset...]
 */
public final class ExplainCost {

    private static final int WARM_UP = 5;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // By default the presets for Fashion-MNIST, the data this measures on (cifar-cnn takes 3×32×32).
        List<String> presets = args.length > 1 ? List.of(args[1].split(",")) : Presets.names().stream()
                .filter(name -> Presets.get(name).inputOrDefault().equals(ModelSpec.FASHION_MNIST)).toList();
        ImageSet test = FashionMnistArrays.test();
        ImageSet train = FashionMnistArrays.train().first(1000);
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(1).withValidationSplit(0).withBatchSize(64)
                .withDevice(DeviceChoice.CPU);
        for (String preset : presets) {
            ValidatedModel spec = ModelValidator.validate(Presets.get(preset));
            try (TrainedModel model = new ModelTrainer().train(spec, hp, train, ProgressListener.NONE,
                    new TrainingControl()).model()) {
                NetworkExplainer explain = new NetworkExplainer(model);
                int conv = -1;
                int dense = -1;
                for (ValidatedModel.LayerInfo l : spec.layers()) {
                    if (l.layer() instanceof Layer.Conv2d) {
                        conv = l.index();
                    }
                    if (l.layer() instanceof Layer.Dense && dense < 0) {
                        dense = l.index();
                    }
                }
                int convLayer = conv;
                int denseLayer = dense;
                var convShape = conv > 0 ? spec.layers().get(conv - 1).output() : null;
                double predict = median(rounds, i -> model.predict(test.image(i)));
                double overview = median(rounds, i -> explain.overview(test.image(i)));
                double convTrace = conv < 0 ? Double.NaN : median(rounds, i -> explain.trace(test.image(i), convLayer,
                        i % convShape.channels(), convShape.height() / 2, convShape.width() / 2));
                double denseTrace = median(rounds, i -> explain.trace(test.image(i), denseLayer, 0, 0, 0));
                System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"params\":%d,\"predictMs\":%.2f,\"overviewMs\":%.2f,"
                                + "\"overviewOverPredict\":%.1f,\"convTraceMs\":%s,\"convLayer\":%d,\"denseTraceMs\":%.2f,"
                                + "\"denseLayer\":%d}%n", preset, spec.totalParams(), predict, overview, overview / predict,
                        Double.isNaN(convTrace) ? "null" : String.format(Locale.ROOT, "%.2f", convTrace), conv,
                        denseTrace, dense);
            }
        }
    }

    private interface Call {
        Object run(int image);
    }

    private static double median(int rounds, Call call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run(i);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run(100 + i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }
}
