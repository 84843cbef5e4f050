package org.convlab.bench;

import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.Random;

/**
 * What exact mid-epoch resume adds to every batch (docs/decisions/015): seeding PyTorch's generator
 * and a java.util.Random for the batch. Prints microseconds per batch, best of three rounds of
 * 200,000; compare with a batch's time (keras-cnn, batch 64, ~600–1,300 images/s on 2 cores: 50–100 ms).
 *   java -cp ... org.convlab.bench.BatchSeedCost
 */
public final class BatchSeedCost {

    private BatchSeedCost() {}

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            int n = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long seed = i * 0x9E3779B97F4A7C15L;
                engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
                sink += new Random(seed).nextInt();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e3 / n);
        }
        System.out.printf(Locale.ROOT, "{\"microsecondsPerBatch\": %.2f, \"sink\": %d}%n", best, sink & 1);
    }
}
