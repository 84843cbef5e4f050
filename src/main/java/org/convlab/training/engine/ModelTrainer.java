package org.convlab.training.engine;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.convlab.model.ModelLimits;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.ProgressListener.EpochReport;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;

/**
 * ConvLab's training loop over plain float arrays. Written by hand rather than with DJL's EasyTrain
 * so that it can (1) build each batch as one NDArray from a float[] slice, (2) scope every batch's
 * arrays in an NDManager that is closed in finally, so resident memory stays flat, (3) report
 * progress per batch and stop within a batch when cancelled, and (4) pause at safe points for
 * introspection, which needs the single GradientCollector DJL allows per JVM.
 *
 * <p>One process trains one model at a time; {@link TrainingWorker} makes sure of it.
 */
public final class ModelTrainer {

    /**
     * Images per batch when a finished model is measured (ModelEvaluator). During training the
     * validation and test images go in batches of the training's size instead: PyTorch's kernels
     * for that shape are ready, and it is known to fit in memory. A bigger batch measured slower
     * (keras-cnn's 10,000 test images: 3.0 s at its training batch of 64, 4.9 s at 256; before the
     * native-memory fix, the quick recipe's took 0.9–1.1 s at 2,000 against 0.6–0.8 s at 500).
     */
    static final int EVAL_BATCH = 256;

    private final ModelLimits limits;

    public ModelTrainer(ModelLimits limits) {
        this.limits = limits;
    }

    public ModelTrainer() {
        this(ModelLimits.DEFAULT);
    }

    public TrainerResult train(ValidatedModel spec, Hyperparameters hp, ImageSet data,
            ProgressListener listener, TrainingControl control) {
        return train(spec, hp, data, listener, control, EpochCheckpoints.NONE);
    }

    /**
     * Trains, saving a checkpoint after every epoch; when {@code checkpoints} already holds one, the
     * run resumes after its epoch with its weights, history and learning rate. The data split and
     * each epoch's shuffle depend only on the seed and the epoch, so a resumed run sees the same
     * batches it would have seen.
     */
    public TrainerResult train(ValidatedModel spec, Hyperparameters hp, ImageSet data,
            ProgressListener listener, TrainingControl control, EpochCheckpoints checkpoints) {
        hp.validate(limits);
        checkInput(spec, data);
        // --limit takes a subset of the data first, so validation shrinks with it.
        ImageSet subset = hp.limit() == null ? data : data.first(hp.limit());
        StratifiedSplit.Split split = StratifiedSplit.split(subset, hp.validationSplit(), hp.seed());
        ImageSet train = split.train();
        ImageSet validation = split.validation();

        Engine engine = DjlRuntime.engine();
        Device device = DjlRuntime.device(hp.device());
        // PyTorch's thread count is the whole process's: a run that asks for fewer threads gives
        // the others back when it ends.
        int threadsBefore = JniUtils.getNumThreads();
        if (hp.threads() != null) {
            JniUtils.setNumThreads(hp.threads());
        }
        engine.setRandomSeed((int) hp.seed());

        Model model = Model.newInstance(spec.spec().name() == null ? "model" : spec.spec().name(), device, "PyTorch");
        boolean handedOver = false;
        try {
            model.setBlock(NetworkBuilder.build(spec));
            // base × schedule(global step): a pure function of the step, so resuming anywhere is exact.
            long batchesPerEpoch = (train.size() + hp.batchSize() - 1) / hp.batchSize();
            AdjustableRate rate = new AdjustableRate(hp.effectiveLearningRate(),
                    hp.schedule().tracker((int) batchesPerEpoch, batchesPerEpoch * hp.epochs()));
            // Kept here as well as in the trainer: checkpoints save and restore its running state.
            Optimizer optimizer = hp.optimizer().build(rate, (float) hp.momentum());
            List<EpochReport> history = new ArrayList<>();
            Optional<String> stop;
            double trainSeconds;
            try (Trainer trainer = model.newTrainer(trainingConfig(optimizer, device))) {
                long[] in = spec.input().dims();
                trainer.initialize(new Shape(1, in[0], in[1], in[2]));
                Optional<EpochCheckpoints.Saved> saved = resume(checkpoints, model, optimizer, rate, history);
                int firstEpoch = saved.map(s -> s.epoch() + 1).orElse(1);
                // A resumed epoch counts whole (its validation included): only its total was saved.
                trainSeconds = history.stream().mapToDouble(EpochReport::seconds).sum();
                // A pause saves where it stopped, with the finished epochs and the rate as they are then.
                Block block = model.getBlock();
                Pause pause = position -> checkpoints.savePosition(position, block, optimizer, List.copyOf(history),
                        rate.base());
                EpochLoop loop = new EpochLoop(trainer, engine, WeightPenalty.of(spec, block), train, validation,
                        rate, hp, listener, control, firstEpoch, saved.map(EpochCheckpoints.Saved::position).orElse(null),
                        pause, trainSeconds);
                listener.onStart(new ProgressListener.TrainingStart(DjlRuntime.describe(device), spec.totalParams(),
                        hp.epochs(), loop.batches(), train.size(), validation.size()));
                EpochPolicies policies = EpochPolicies.of(hp, validation.size() > 0,
                        new EpochCheckpointing(checkpoints, model.getBlock(), optimizer));
                // A resumed run replays its history so early stopping and LR drops count on from there.
                history.forEach(listener::onEpoch);
                stop = policies.replay(history);
                long start = System.nanoTime();
                for (int epoch = firstEpoch; epoch <= hp.epochs() && stop.isEmpty(); epoch++) {
                    EpochLoop.Epoch finished = loop.run(epoch, start);
                    trainSeconds += finished.trainSeconds();
                    EpochReport report = finished.report();
                    history.add(report);
                    listener.onEpoch(report);
                    listener.afterEpoch(report, set -> evaluate(trainer, set, control, hp.batchSize()));
                    stop = policies.onEpochEnd(report, history, rate);
                }
            }
            TrainedModel trained = new TrainedModel(model, spec, data.classNames(), device);
            handedOver = true;
            return new TrainerResult(trained, List.copyOf(history), DjlRuntime.describe(device), spec.totalParams(),
                    train.size(), validation.size(), trainSeconds, stop.orElse("completed"));
        } finally {
            if (hp.threads() != null) {
                JniUtils.setNumThreads(threadsBefore);
            }
            if (!handedOver) {
                model.close();
            }
        }
    }

    private static DefaultTrainingConfig trainingConfig(Optimizer optimizer, Device device) {
        // Keras' glorot_uniform: limit sqrt(6 / (fan_in + fan_out)).
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {device});
    }

    /**
     * Loads the latest checkpoint, if any, into the model, the optimizer, the rate and the history;
     * returns what was loaded (the epoch to go on from, and the position in it after a pause).
     */
    private static Optional<EpochCheckpoints.Saved> resume(EpochCheckpoints checkpoints, Model model,
            Optimizer optimizer, AdjustableRate rate, List<EpochReport> history) {
        Optional<EpochCheckpoints.Saved> resumed = checkpoints.latest();
        if (resumed.isPresent()) {
            checkpoints.restore(model.getBlock(), optimizer);
            history.addAll(resumed.get().history());
            rate.set(resumed.get().learningRate());
        }
        return resumed;
    }

    /** Saves a run's position when it pauses mid-epoch. */
    @FunctionalInterface
    private interface Pause {
        void save(EpochCheckpoints.Position position);
    }

    /**
     * The seed of one batch's random draws (augmentation here, dropout in PyTorch): a function of the
     * run's seed, the epoch and the batch only, so a run resumed at any batch draws exactly what it
     * would have drawn without the pause. (SplitMix64's finaliser spreads nearby inputs apart.)
     */
    static long batchSeed(long seed, int epoch, int batch) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) epoch << 32) + batch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void checkInput(ValidatedModel spec, ImageSet data) {
        if (spec.input().channels() != data.channels() || spec.input().height() != data.height()
                || spec.input().width() != data.width()) {
            throw new IllegalArgumentException("the model takes " + spec.input().describe() + " but the images are "
                    + data.channels() + "×" + data.height() + "×" + data.width());
        }
        if (spec.output().units() != data.classes()) {
            throw new IllegalArgumentException("the model has " + spec.output().units() + " outputs but the data has "
                    + data.classes() + " classes");
        }
    }

    /** Mean loss and accuracy in inference mode (dropout off, batch-norm moving statistics). */
    static double[] evaluate(Trainer trainer, ImageSet set, TrainingControl control, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        int n = set.imageSize();
        for (int from = 0; from < set.size(); from += batchSize) {
            control.checkpoint();
            int count = Math.min(batchSize, set.size() - from);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(Arrays.copyOfRange(set.pixels(), from * n, (from + count) * n),
                        new Shape(count, set.channels(), set.height(), set.width()));
                NDArray y = scope.create(labelsAsFloat(set.labels(), from, count));
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(y), new NDList(logits)).getFloat() * count;
                correct += countCorrect(logits, y);
            }
        }
        return new double[] {lossSum / set.size(), (double) correct / set.size()};
    }

    static float[] labelsAsFloat(int[] labels, int from, int count) {
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            y[i] = labels[from + i];
        }
        return y;
    }

    static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).sum().getLong();
    }

    /** One pass over the training images per call; keeps its batch buffers between epochs. */
    private static final class EpochLoop {
        private final Trainer trainer;
        private final WeightPenalty penalty;
        private final ImageSet train;
        private final ImageSet validation;
        private final AdjustableRate rate;
        private final Hyperparameters hp;
        private final ProgressListener listener;
        private final TrainingControl control;
        private final ImageAugmenter augmenter;
        private final float[] x;
        private final float[] y;
        private final int[] order;
        private final int firstEpoch;
        private final Engine engine;
        private final Pause pause;
        /** Where the first epoch goes on from after a pause; null once used, or when the run did not pause. */
        private EpochCheckpoints.Position position;
        private final int firstBatch;
        /** Seconds the run trained before this turn (finished epochs, and the part of the epoch before a pause). */
        private final double secondsBefore;
        /** Batches trained in this turn: a turn trains at least one before it may pause. */
        private long batchesThisTurn;

        EpochLoop(Trainer trainer, Engine engine, WeightPenalty penalty, ImageSet train, ImageSet validation,
                AdjustableRate rate, Hyperparameters hp, ProgressListener listener, TrainingControl control,
                int firstEpoch, EpochCheckpoints.Position position, Pause pause, double secondsBefore) {
            this.firstEpoch = firstEpoch;
            this.engine = engine;
            this.pause = pause;
            this.position = position != null && position.epoch() == firstEpoch ? position : null;
            this.firstBatch = this.position == null ? 0 : this.position.batchesDone();
            this.secondsBefore = secondsBefore + (this.position == null ? 0 : this.position.trainSeconds());
            this.trainer = trainer;
            this.penalty = penalty;
            this.train = train;
            this.validation = validation;
            this.rate = rate;
            this.hp = hp;
            this.listener = listener;
            this.control = control;
            this.augmenter = new ImageAugmenter(hp.augmentation() == null ? Augmentation.NONE : hp.augmentation(),
                    train.channels(), train.height(), train.width());
            this.x = new float[hp.batchSize() * train.imageSize()];
            this.y = new float[hp.batchSize()];
            this.order = new int[train.size()];
            Arrays.setAll(order, i -> i);
        }

        /** A finished epoch, and how long its training took (its validation not included). */
        record Epoch(EpochReport report, double trainSeconds) {}

        int batches() {
            return (train.size() + hp.batchSize() - 1) / hp.batchSize();
        }

        /** Trains one epoch (or its rest, after a pause), then measures it on the validation images, if any. */
        Epoch run(int epoch, long runStart) {
            double[] lossAccSeconds = train(epoch, runStart);
            double trainSeconds = lossAccSeconds[2];
            long validationStart = System.nanoTime();
            double[] val = validation.size() == 0
                    ? new double[] {Double.NaN, Double.NaN}
                    : evaluate(trainer, validation, control, hp.batchSize());
            EpochReport report = new EpochReport(epoch, lossAccSeconds[0], lossAccSeconds[1], val[0], val[1],
                    rate.value(), trainSeconds + (System.nanoTime() - validationStart) / 1e9,
                    train.size() / trainSeconds);
            return new Epoch(report, trainSeconds);
        }

        /** Returns the epoch's mean training loss and accuracy, and its training seconds (turns before a pause included). */
        private double[] train(int epoch, long runStart) {
            // Each epoch shuffles from the same starting order, so its order depends only on the seed and
            // the epoch: a run resumed at epoch e sees exactly the batches it would have seen.
            Arrays.setAll(order, i -> i);
            shuffle(order, new Random(hp.seed() * 31 + epoch));
            int n = train.imageSize();
            int batches = batches();
            // Counted from where this turn started, so a resumed run's ETA is right.
            long total = (long) batches * (hp.epochs() - firstEpoch + 1) - firstBatch;
            double lossSum = 0;
            long correct = 0;
            int seen = 0;
            double carriedSeconds = 0;
            int startBatch = 0;
            if (position != null && position.epoch() == epoch) {
                startBatch = position.batchesDone();
                lossSum = position.lossSum();
                correct = position.correct();
                seen = position.seen();
                carriedSeconds = position.trainSeconds();
                position = null;
            }
            long epochStart = System.nanoTime();
            LoopTimings.Clock clock = new LoopTimings.Clock();
            for (int b = startBatch; b < batches; b++) {
                control.checkpoint();
                if (batchesThisTurn > 0 && control.pauseRequested()) {
                    pause.save(new EpochCheckpoints.Position(epoch, b, lossSum, correct, seen,
                            carriedSeconds + (System.nanoTime() - epochStart) / 1e9));
                    throw new TrainingControl.TrainingPausedException();
                }
                clock.start();
                // Every random draw of this batch comes from its own seed, so that a pause can fall anywhere.
                long seed = batchSeed(hp.seed(), epoch, b);
                engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
                Random random = new Random(seed);
                int from = b * hp.batchSize();
                int count = Math.min(hp.batchSize(), train.size() - from);
                for (int k = 0; k < count; k++) {
                    int img = order[from + k];
                    augmenter.copy(train.pixels(), img * n, x, k * n, random);
                    y[k] = train.labels()[img];
                }
                float[] xs = count == hp.batchSize() ? x : Arrays.copyOf(x, count * n);
                float[] ys = count == hp.batchSize() ? y : Arrays.copyOf(y, count);
                clock.mark(LoopTimings.Clock.ASSEMBLE);
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray xb = scope.create(xs, new Shape(count, train.channels(), train.height(), train.width()));
                    NDArray yb = scope.create(ys);
                    clock.mark(LoopTimings.Clock.ARRAYS);
                    try (GradientCollector collector = ExclusiveGradients.open(trainer::newGradientCollector)) {
                        NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                        clock.mark(LoopTimings.Clock.FORWARD);
                        NDArray loss = trainer.getLoss().evaluate(new NDList(yb), new NDList(logits));
                        NDArray penalized = penalty.addTo(loss);
                        clock.mark(LoopTimings.Clock.LOSS);
                        collector.backward(penalized);
                        clock.mark(LoopTimings.Clock.BACKWARD);
                        lossSum += loss.getFloat() * count;
                        correct += countCorrect(logits, yb);
                        clock.mark(LoopTimings.Clock.METRICS);
                    }
                    rate.atStep((long) (epoch - 1) * batches + b);
                    trainer.step();
                    clock.mark(LoopTimings.Clock.STEP);
                }
                clock.mark(LoopTimings.Clock.ARRAYS);
                seen += count;
                batchesThisTurn++;
                // Elapsed counts the run's earlier turns too; the time left comes from this turn's pace.
                double thisTurn = (System.nanoTime() - runStart) / 1e9;
                long batchesDone = (long) (epoch - firstEpoch) * batches + b + 1 - firstBatch;
                double epochSeconds = carriedSeconds + (System.nanoTime() - epochStart) / 1e9;
                listener.onBatch(new ProgressListener.BatchProgress(epoch, hp.epochs(), b + 1, batches,
                        lossSum / seen, (double) correct / seen, seen / epochSeconds, secondsBefore + thisTurn,
                        thisTurn / batchesDone * (total - batchesDone)));
                clock.mark(LoopTimings.Clock.EVENTS);
            }
            listener.onLoopTimings(clock.done(epoch, batches - startBatch, (System.nanoTime() - epochStart) / 1e9));
            return new double[] {lossSum / seen, (double) correct / seen,
                    carriedSeconds + (System.nanoTime() - epochStart) / 1e9};
        }

        private static void shuffle(int[] a, Random random) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }
}
