package org.convlab.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.LoopTimings;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.Recipe;
import org.convlab.training.engine.Recipes;
import org.convlab.training.engine.TrainingControl;

/**
 * Where the time of an epoch goes: a recipe (its own settings) or a preset (batch 64, Adam, as the
 * decks train it) on all 60,000 images for a few epochs, each epoch's loop phases as measured in
 * the training loop (LoopTimings), then the time to measure the 10,000 test images. The last epoch
 * is the one to read (the first includes PyTorch's and the JIT's warm-up). Prints one JSON line per epoch.
 *
 * <p>Usage: EpochProfile RECIPE|PRESET [epochs] [threads]
 */
public final class EpochProfile {

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "quick";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Integer threads = args.length > 2 ? Integer.valueOf(args[2]) : null;
        Recipe recipe = Recipes.find(name).orElse(null);
        Hyperparameters hp = (recipe != null ? recipe.settings() : Hyperparameters.defaults().withValidationSplit(0))
                .withEpochs(epochs).withThreads(threads);
        var model = ModelValidator.validate(recipe != null ? recipe.model() : Presets.get(name));
        ImageSet train = FashionMnistArrays.train();
        ImageSet test = FashionMnistArrays.test();
        LoopTimings[] last = new LoopTimings[1];
        new ModelTrainer().train(model, hp, train, new ProgressListener() {
            @Override
            public void onLoopTimings(LoopTimings timings) {
                last[0] = timings;
            }

            @Override
            public void afterEpoch(EpochReport r, Function<ImageSet, double[]> evaluate) {
                long start = System.nanoTime();
                evaluate.apply(test);
                double evaluation = (System.nanoTime() - start) / 1e9;
                LoopTimings t = last[0];
                StringBuilder phases = new StringBuilder();
                for (Map.Entry<String, Double> e : t.phases().entrySet()) {
                    phases.append(phases.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", e.getKey(), e.getValue()));
                    System.err.printf(Locale.ROOT, "   %-9s %7.2f s %5.1f%%%n", e.getKey(), e.getValue(), 100 * e.getValue() / t.total());
                }
                System.err.printf(Locale.ROOT, "%s epoch %d: %.1f s training (%.0f img/s, %d batches); test evaluation %.2f s = %.1f%% of the epoch%n",
                        name, r.epoch(), t.total(), r.imagesPerSecond(), t.batches(), evaluation, 100 * evaluation / t.total());
                System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"epoch\":%d,\"batchSize\":%d,\"trainSeconds\":%.3f,\"imagesPerSecond\":%.1f,"
                                + "\"phases\":{%s},\"testEvaluationSeconds\":%.3f,\"evaluationShare\":%.4f}%n",
                        name, r.epoch(), hp.batchSize(), t.total(), r.imagesPerSecond(), phases, evaluation, evaluation / t.total());
            }
        }, new TrainingControl()).model().close();
    }
}
