package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ModelLimits;

/**
 * Everything about a training run that is not the model.
 *
 * @param learningRate null means the optimizer's usual starting rate
 * @param validationSplit fraction of the training images held out (stratified, seeded); 0 = none
 * @param earlyStoppingPatience stop after this many epochs without a better validation loss; 0 = off
 * @param reduceLrPatience multiply the learning rate by {@code reduceLrFactor} after this many epochs
 *     without a better validation loss; 0 = off
 * @param limit use only the first N training images (split into training and validation); null = all
 * @param threads PyTorch intra-op threads; null = the engine's default (one per core)
 * @param schedule how the rate moves over the run ({@link LearningRateSchedule}); left out (runs stored
 *     before schedules existed) means constant
 * @param dataset the key of the data set to train on ({@code DatasetLibrary}); left out means the
 *     server's default data set (Fashion-MNIST), as every run stored before data sets could be chosen
 */
public record Hyperparameters(
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        Double learningRate,
        double momentum,
        double validationSplit,
        long seed,
        Augmentation augmentation,
        int earlyStoppingPatience,
        int reduceLrPatience,
        double reduceLrFactor,
        double minLearningRate,
        Integer limit,
        DeviceChoice device,
        Integer threads,
        LearningRateSchedule schedule,
        String dataset) {

    /** Left out means the usual: no augmentation, the GPU when there is one, a constant rate, the default data. */
    public Hyperparameters {
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        device = device == null ? DeviceChoice.AUTO : device;
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        dataset = dataset == null || dataset.isBlank() ? null : dataset;
    }

    /** Settings on the default data set. */
    public Hyperparameters(int epochs, int batchSize, OptimizerKind optimizer, Double learningRate, double momentum,
            double validationSplit, long seed, Augmentation augmentation, int earlyStoppingPatience,
            int reduceLrPatience, double reduceLrFactor, double minLearningRate, Integer limit, DeviceChoice device,
            Integer threads, LearningRateSchedule schedule) {
        this(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed, augmentation,
                earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads,
                schedule, null);
    }

    /** Settings with a constant learning rate (the settings as they were before schedules). */
    public Hyperparameters(int epochs, int batchSize, OptimizerKind optimizer, Double learningRate, double momentum,
            double validationSplit, long seed, Augmentation augmentation, int earlyStoppingPatience,
            int reduceLrPatience, double reduceLrFactor, double minLearningRate, Integer limit, DeviceChoice device,
            Integer threads) {
        this(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed, augmentation,
                earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads,
                LearningRateSchedule.CONSTANT);
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(5, 64, OptimizerKind.ADAM, null, 0.9, 0.1, 42, Augmentation.NONE,
                0, 0, 0.5, 1e-6, null, DeviceChoice.AUTO, null);
    }

    public double effectiveLearningRate() {
        return learningRate == null ? optimizer.defaultLearningRate() : learningRate;
    }

    public Hyperparameters withEpochs(int v) {
        return new Hyperparameters(v, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withBatchSize(int v) {
        return new Hyperparameters(epochs, v, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withOptimizer(OptimizerKind v, Double lr) {
        return new Hyperparameters(epochs, batchSize, v, lr, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withValidationSplit(double v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, v, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withSeed(long v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, v,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withAugmentation(Augmentation v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                v, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withEarlyStopping(int patience) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, patience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withReduceLrOnPlateau(int patience, double factor) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, patience, factor, minLearningRate, limit, device, threads, schedule, dataset);
    }

    public Hyperparameters withLimit(Integer v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, v, device, threads, schedule, dataset);
    }

    public Hyperparameters withDevice(DeviceChoice v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, v, threads, schedule, dataset);
    }

    public Hyperparameters withThreads(Integer v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device, v, schedule, dataset);
    }

    public Hyperparameters withSchedule(LearningRateSchedule v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device,
                threads, v, dataset);
    }

    public Hyperparameters withDataset(String v) {
        return new Hyperparameters(epochs, batchSize, optimizer, learningRate, momentum, validationSplit, seed,
                augmentation, earlyStoppingPatience, reduceLrPatience, reduceLrFactor, minLearningRate, limit, device,
                threads, schedule, v);
    }

    /** Rejects every impossible setting with a message naming it; throws if any. */
    public void validate(ModelLimits limits) {
        List<Text> p = problems(limits);
        if (!p.isEmpty()) {
            throw new RunRefused(p);
        }
    }

    /**
     * Every impossible setting, one line each, in words each reader reads in their own language. The
     * values are quoted as given (as text), so a learner finds exactly what they typed.
     */
    public List<Text> problems(ModelLimits limits) {
        List<Text> p = new ArrayList<>();
        if (epochs < 1) {
            p.add(Text.of("training.settings.epochs-too-few", str(epochs)));
        } else if (epochs > limits.maxEpochs()) {
            p.add(Text.of("training.settings.epochs-too-many", str(epochs), str(limits.maxEpochs())));
        }
        if (batchSize < 1) {
            p.add(Text.of("training.settings.batch-too-small", str(batchSize)));
        } else if (batchSize > limits.maxBatchSize()) {
            p.add(Text.of("training.settings.batch-too-large", str(batchSize), str(limits.maxBatchSize())));
        }
        if (optimizer == null) {
            p.add(Text.of("training.settings.no-optimizer"));
        }
        if (learningRate != null && !(learningRate > 0 && learningRate <= 10 && Double.isFinite(learningRate))) {
            p.add(Text.of("training.settings.learning-rate", str(learningRate)));
        }
        if (!(momentum >= 0 && momentum < 1)) {
            p.add(Text.of("training.settings.momentum", str(momentum)));
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            p.add(Text.of("training.settings.validation-split", str(validationSplit)));
        }
        if (augmentation != null) {
            if (!(augmentation.rotationDegrees() >= 0 && augmentation.rotationDegrees() <= 180)) {
                p.add(Text.of("training.settings.rotation", str(augmentation.rotationDegrees())));
            }
            if (augmentation.shiftPixels() < 0 || augmentation.shiftPixels() > 14) {
                p.add(Text.of("training.settings.shift", str(augmentation.shiftPixels())));
            }
        }
        if (earlyStoppingPatience < 0) {
            p.add(Text.of("training.settings.early-stopping", str(earlyStoppingPatience)));
        }
        if (reduceLrPatience < 0) {
            p.add(Text.of("training.settings.reduce-lr-patience", str(reduceLrPatience)));
        }
        if (!(reduceLrFactor > 0 && reduceLrFactor < 1)) {
            p.add(Text.of("training.settings.reduce-lr-factor", str(reduceLrFactor)));
        }
        if (!(minLearningRate >= 0)) {
            p.add(Text.of("training.settings.min-learning-rate", str(minLearningRate)));
        }
        if ((earlyStoppingPatience > 0 || reduceLrPatience > 0) && validationSplit == 0) {
            p.add(Text.of("training.settings.needs-validation"));
        }
        if (schedule != null) {
            p.addAll(schedule.problemTexts(epochs));
        }
        if (limit != null && limit < 1) {
            p.add(Text.of("training.settings.limit", str(limit)));
        }
        if (threads != null && threads < 1) {
            p.add(Text.of("training.settings.threads-too-few", str(threads)));
        } else if (threads != null && threads > limits.maxThreads()) {
            p.add(Text.of("training.settings.threads-too-many", str(threads), str(limits.maxThreads())));
        }

        if (dataset != null && !org.convlab.dataset.DatasetLibrary.KEY.matcher(dataset).matches()) {
            p.add(Text.of("training.settings.dataset", dataset.substring(0, Math.min(40, dataset.length()))
                    .replaceAll("\\p{Cntrl}", "?")));
        }
        return p;
    }

    /** A value as the learner gave it: "0.1", "100000". */
    private static String str(Object value) {
        return String.valueOf(value);
    }
}
