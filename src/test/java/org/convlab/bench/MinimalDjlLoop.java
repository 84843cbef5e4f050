package org.convlab.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.Arrays;
import java.util.Random;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/**
 * The peer that measures ConvLab's own overhead: the keras-cnn architecture trained for one epoch
 * by the shortest DJL loop that does the same work (same DJL build, batch 64, Adam, shuffled
 * batches built from a float[] slice, one scope per batch). No events, no metrics, no validation.
 * Prints one JSON line.
 *
 * <p>Usage: MinimalDjlLoop [threads] [limit]
 */
public final class MinimalDjlLoop {

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        ImageSet data = FashionMnistArrays.train();
        if (args.length > 1) {
            data = data.first(Integer.parseInt(args[1]));
        }
        Engine.getEngine("PyTorch"); // load libtorch before setting its thread count
        JniUtils.setNumThreads(threads);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setFilters(64).setKernelShape(new Shape(3, 3)).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Conv2d.builder().setFilters(128).setKernelShape(new Shape(3, 3)).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
        int batch = 64;
        int n = 28 * 28;
        try (Model model = Model.newInstance("minimal")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                int[] order = new int[data.size()];
                Arrays.setAll(order, i -> i);
                Random random = new Random(42);
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                float[] x = new float[batch * n];
                float[] y = new float[batch];
                long start = System.nanoTime();
                int batches = data.size() / batch;
                for (int b = 0; b < batches; b++) {
                    for (int k = 0; k < batch; k++) {
                        int img = order[b * batch + k];
                        System.arraycopy(data.pixels(), img * n, x, k * n, n);
                        y[k] = data.labels()[img];
                    }
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray xb = scope.create(x, new Shape(batch, 1, 28, 28));
                        NDArray yb = scope.create(y);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                            gc.backward(trainer.getLoss().evaluate(new NDList(yb), new NDList(logits)));
                        }
                        trainer.step();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT,
                        "{\"peer\":\"minimal-djl\",\"images\":%d,\"seconds\":%.3f,\"imagesPerSecond\":%.1f,\"threads\":%d}%n",
                        batches * batch, seconds, batches * batch / seconds, threads);
            }
        }
    }
}
