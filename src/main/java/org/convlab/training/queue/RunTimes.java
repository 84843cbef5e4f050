package org.convlab.training.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetService;
import org.convlab.model.ModelCost;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.ImageSet;
import org.convlab.training.engine.ModelTrainer;
import org.convlab.training.engine.ProgressListener;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.TrainerResult;
import org.convlab.training.engine.TrainingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training times on this server, for the Train page, the queue's waits and the API: the speeds of
 * the latest finished runs ({@link TrainingTimes} turns them into any model's time). A server with
 * no finished run on a device measures that device once, on first need: it trains two presets for
 * two small epochs on this process's training thread (the same trainer and images as real runs,
 * the second epoch timed so the engine's warm-up is left out). That takes a few seconds, waits for
 * any run training here to finish, and never holds up a page: until it is done there is no estimate.
 */
public final class RunTimes {

    private static final Logger log = LoggerFactory.getLogger(RunTimes.class);
    /** Two models of very different cost, so the first line through them has a slope and a fixed part. */
    static final List<String> CALIBRATION_PRESETS = List.of("dense", "keras-cnn");
    private static final int CALIBRATION_IMAGES = 640;

    private final RunJobRepository runs;
    private final TrainingService training;
    private final DatasetService datasets;
    private final DeviceService devices;
    private final Map<String, Long> costByRun = new ConcurrentHashMap<>();
    private final Map<String, Optional<TrainingTimes.Measured>> measuredByRun = new ConcurrentHashMap<>();
    private final List<TrainingTimes.Measured> calibrated = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Void>> calibrations = new ConcurrentHashMap<>();

    public RunTimes(RunJobRepository runs, TrainingService training, DatasetService datasets, DeviceService devices) {
        this.runs = runs;
        this.training = training;
        this.datasets = datasets;
        this.devices = devices;
    }

    /** The kind of device ("cpu", "gpu") a run asking for this trains on here. */
    public String deviceFor(DeviceChoice choice) {
        return TrainingTimes.kind(choice, choice != DeviceChoice.CPU && devices.gpuUsable());
    }

    /**
     * Seconds this run would take here; empty while this server's speed on its device is being
     * measured (which this starts).
     */
    public OptionalDouble seconds(ValidatedModel model, Hyperparameters hp) {
        OptionalDouble seconds = estimates().seconds(model, hp);
        if (seconds.isEmpty()) {
            measure(deviceFor(hp.device()));
        }
        return seconds;
    }

    /**
     * The Train page's default settings for this model and learner: the usual settings on the
     * largest subset that trains in about a minute here and fits the learner's budget.
     */
    public Hyperparameters defaults(ValidatedModel model, RunBudget budget) {
        Hyperparameters usual = Hyperparameters.defaults();
        RunEstimates now = estimates();
        return RunSizes.withSubset(usual, RunSizes.largestWithin(usual, RunSizes.ABOUT_A_MINUTE, budget,
                hp -> now.seconds(model, hp)));
    }

    /**
     * Done when this server's speed on this kind of device is known (at once if it is): pages wait
     * on it to show their estimates.
     */
    public CompletableFuture<Void> measure(String device) {
        if (times().knows(device)) {
            return CompletableFuture.completedFuture(null);
        }
        return calibrations.computeIfAbsent(device, d -> training.worker()
                .submit(control -> calibrate(d, control)).result()
                .thenAccept(measured -> {
                    calibrated.addAll(measured);
                    log.info("Measured this server's training speed on {}: {}", d, measured);
                })
                .exceptionally(e -> {
                    log.warn("Cannot measure this server's training speed on {}: {}", d, e.getMessage());
                    return null;
                }));
    }

    /** Whether measuring this kind of device was tried here and failed (no engine, no data): no estimate then. */
    public boolean cannotMeasure(String device) {
        CompletableFuture<Void> tried = calibrations.get(device);
        return tried != null && tried.isDone() && !knows(device);
    }

    /** Whether this server's training speed on this kind of device is known (measured or from runs). */
    public boolean knows(String device) {
        return times().knows(device);
    }

    /**
     * Estimates from the speeds measured here now, read once for many questions (all the runs in
     * the queue, or every subset the Train page weighs). The latest finished runs are one small
     * query; each run's cost is worked out once.
     */
    public RunEstimates estimates() {
        return new RunEstimates(times(), this::cost, devices::gpuUsable);
    }

    TrainingTimes times() {
        List<TrainingTimes.Measured> measured = new ArrayList<>(calibrated);
        for (RunJob run : runs.findTop20ByStatusOrderByFinishedAtDesc(RunState.DONE)) {
            measuredByRun.computeIfAbsent(run.getId(), id -> measured(run)).ifPresent(measured::add);
        }
        if (measuredByRun.size() > 1_000) {
            measuredByRun.clear();
        }
        return new TrainingTimes(measured);
    }

    /** A finished run's speed: its epochs' mean training images per second (a finished run does not change). */
    private Optional<TrainingTimes.Measured> measured(RunJob run) {
        try {
            OptionalDouble speed = RunJson.history(run.getHistoryJson()).stream()
                    .mapToDouble(ProgressListener.EpochReport::imagesPerSecond)
                    .filter(v -> v > 0 && Double.isFinite(v)).average();
            long cost = cost(run);
            return speed.isPresent() && cost > 0
                    ? Optional.of(new TrainingTimes.Measured(TrainingTimes.kind(run.getDevice()), cost, speed.getAsDouble()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A stored run's multiply-adds per image (0 when its spec no longer reads), remembered per run. */
    long cost(RunJob run) {
        if (costByRun.size() > 10_000) {
            costByRun.clear();
        }
        return costByRun.computeIfAbsent(run.getId(), id -> {
            try {
                return ModelCost.multiplyAdds(ModelValidator.validate(ModelSpecJson.parse(run.getSpecJson()),
                        ModelLimits.UNBOUNDED));
            } catch (RuntimeException e) {
                return 0L;
            }
        });
    }

    /** Runs on the training thread: two presets, two small epochs each, the second one timed. */
    private List<TrainingTimes.Measured> calibrate(String device, TrainingControl control) {
        Dataset dataset = datasets.dataset();
        ImageSet images = FashionMnistArrays.of(dataset.train(), dataset.classNames()).first(CALIBRATION_IMAGES);
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(2).withValidationSplit(0)
                .withDevice("gpu".equals(device) ? DeviceChoice.GPU : DeviceChoice.CPU);
        List<TrainingTimes.Measured> measured = new ArrayList<>();
        for (String preset : CALIBRATION_PRESETS) {
            ValidatedModel model = ModelValidator.validate(Presets.get(preset), training.limits());
            TrainerResult result = new ModelTrainer(training.limits()).train(model, hp, images,
                    ProgressListener.NONE, control);
            try (var trained = result.model()) {
                measured.add(new TrainingTimes.Measured(device, ModelCost.multiplyAdds(model),
                        result.history().getLast().imagesPerSecond()));
            }
        }
        return measured;
    }
}
