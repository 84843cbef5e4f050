package org.convlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Evaluation;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelEvaluator;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.engine.TrainingControl;
import org.convlab.training.engine.ProgressListener;

/**
 * Memory across many training runs in one JVM, as a server that trains for a whole class would do:
 * trains + evaluates a preset N times and prints the process's resident memory (VmRSS) after each
 * run. Flat means the NDManager scopes release every batch's native memory.
 *
 * <p>Usage: MemorySoak [runs] [preset] [limit] [epochs]
 */
public final class MemorySoak {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String preset = args.length > 1 ? args[1] : "baseline-cnn";
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 60_000;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ImageSet train = FashionMnistArrays.train();
        ImageSet test = FashionMnistArrays.test();
        ValidatedModel model = ModelValidator.validate(Presets.get(preset));
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(epochs).withLimit(limit).withDevice(DeviceChoice.AUTO);
        System.out.printf(Locale.ROOT, "{\"preset\":\"%s\",\"runs\":%d,\"imagesPerRun\":%d,\"rssMiB\":[", preset, runs, limit * epochs);
        long first = 0;
        for (int r = 1; r <= runs; r++) {
            try (TrainedModel trained = new ModelTrainer().train(model, hp.withSeed(r), train, ProgressListener.NONE,
                    new TrainingControl()).model()) {
                Evaluation e = ModelEvaluator.evaluate(trained, test, 10);
                long rss = rssKiB();
                if (r == 1) {
                    first = rss;
                }
                Runtime rt = Runtime.getRuntime();
                long heapCommitted = rt.totalMemory() / (1024 * 1024);
                // RSS minus the committed Java heap ~ native memory (libtorch, DJL, metaspace, code).
                System.err.printf(Locale.ROOT,
                        "run %d: test accuracy %.4f, RSS %d MiB (%+d MiB since run 1), Java heap committed %d MiB, RSS - heap %d MiB%n",
                        r, e.testAccuracy(), rss / 1024, (rss - first) / 1024, heapCommitted, rss / 1024 - heapCommitted);
                System.out.printf(Locale.ROOT, "%s%d", r == 1 ? "" : ",", rss / 1024);
                System.out.flush();
            }
        }
        System.out.println("]}");
    }

    static long rssKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
