package org.convlab.bench;

import java.util.Locale;
import java.util.function.Function;
import org.convlab.model.ModelValidator;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.Recipe;
import org.convlab.training.engine.Recipes;
import org.convlab.training.engine.TrainingControl;

/**
 * A recipe trained as it is (training.engine.Recipes) on all 60,000 images, with the 10,000 test
 * images measured after each epoch (not counted as training time): the training seconds until the
 * test accuracy first reaches the target, the images per second and the final accuracy. Prints one
 * JSON line shaped like bench/pytorch_recipe.py's, its peer.
 *
 * <p>Usage: TimeToAccuracy RECIPE TARGET [threads]
 */
public final class TimeToAccuracy {

    public static void main(String[] args) {
        Recipe recipe = Recipes.get(args.length > 0 ? args[0] : "quick");
        double target = args.length > 1 ? Double.parseDouble(args[1]) : 0.91;
        Integer threads = args.length > 2 ? Integer.valueOf(args[2]) : null;
        ImageSet train = FashionMnistArrays.train();
        ImageSet test = FashionMnistArrays.test();
        Hyperparameters hp = recipe.settings().withThreads(threads);
        double[] trainSeconds = {0};
        double[] reachedAt = {-1};
        double[] last = {0};
        StringBuilder curve = new StringBuilder();
        new ModelTrainer().train(ModelValidator.validate(recipe.model()), hp, train, new ProgressListener() {
            @Override
            public void afterEpoch(EpochReport r, Function<ImageSet, double[]> evaluate) {
                trainSeconds[0] += train.size() / r.imagesPerSecond();
                double accuracy = evaluate.apply(test)[1];
                last[0] = accuracy;
                if (reachedAt[0] < 0 && accuracy >= target) {
                    reachedAt[0] = trainSeconds[0];
                }
                curve.append(curve.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"epoch\":%d,\"trainSeconds\":%.1f,\"testAccuracy\":%.4f}", r.epoch(), trainSeconds[0], accuracy));
                System.err.printf(Locale.ROOT, "convlab %s epoch %d: %.1f s of training, test accuracy %.4f%n",
                        recipe.name(), r.epoch(), trainSeconds[0], accuracy);
            }
        }, new TrainingControl()).model().close();
        System.out.printf(Locale.ROOT, "{\"peer\":\"convlab\",\"recipe\":\"%s\",\"target\":%.3f,\"reached\":%s,"
                        + "\"secondsToTarget\":%s,\"trainSeconds\":%.1f,\"imagesPerSecond\":%.1f,\"finalAccuracy\":%.4f,"
                        + "\"threads\":%s,\"curve\":[%s]}%n",
                recipe.name(), target, reachedAt[0] >= 0, reachedAt[0] >= 0 ? String.format(Locale.ROOT, "%.1f", reachedAt[0]) : "null",
                trainSeconds[0], hp.epochs() * train.size() / trainSeconds[0], last[0], threads, curve);
    }
}
