package org.convlab.bench;

import java.util.Locale;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.ProgressListener;
import java.util.function.Function;

/**
 * Training time until the test accuracy first reaches a target (default 0.91): trains a preset
 * epoch by epoch on all 60,000 images, measures the test set after each epoch (not counted as
 * training time) and stops at the target or after the epoch limit. Prints one JSON line.
 *
 * <p>Usage: TimeToAccuracy PRESET [target] [maxEpochs] [threads] [batchSize]
 */
public final class TimeToAccuracy {

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "keras-cnn";
        double target = args.length > 1 ? Double.parseDouble(args[1]) : 0.91;
        int maxEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Integer threads = args.length > 3 ? Integer.valueOf(args[3]) : null;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        ImageSet train = FashionMnistArrays.train();
        ImageSet test = FashionMnistArrays.test();
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(maxEpochs).withBatchSize(batch)
                .withValidationSplit(0).withDevice(DeviceChoice.AUTO).withThreads(threads);
        double[] trainSeconds = {0};
        StringBuilder curve = new StringBuilder();
        TrainingControl control = new TrainingControl();
        try {
            new ModelTrainer().train(ModelValidator.validate(Presets.get(preset)), hp, train, new ProgressListener() {
                @Override
                public void afterEpoch(EpochReport r, Function<ImageSet, double[]> evaluate) {
                    trainSeconds[0] += train.size() / r.imagesPerSecond();
                    double acc = evaluate.apply(test)[1];
                    curve.append(curve.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"epoch\":%d,\"trainSeconds\":%.1f,\"testAccuracy\":%.4f}", r.epoch(), trainSeconds[0], acc));
                    System.err.printf(Locale.ROOT, "%s epoch %d: %.1f s of training, test accuracy %.4f%n",
                            preset, r.epoch(), trainSeconds[0], acc);
                    if (acc >= target) {
                        control.cancel();
                    }
                }
            }, control).model().close();
        } catch (TrainingControl.TrainingCancelledException reached) {
            // target reached
        }
        System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"target\":%.2f,\"reached\":%s,\"trainSeconds\":%.1f,\"curve\":[%s]}%n",
                preset, target, control.isCancelled(), trainSeconds[0], curve);
    }
}
