package org.convlab.training.ui;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.training.engine.Hyperparameters;

import org.convlab.dataset.library.DatasetCatalog;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.training.engine.Evaluation;
import org.convlab.training.engine.FashionMnistArrays;
import org.convlab.training.engine.ImageSet;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.ModelEvaluator;
import org.convlab.training.engine.ModelIntrospector;
import org.convlab.training.engine.FilterExcitation.StrongestImages;
import org.convlab.training.engine.FilterPruning;
import org.convlab.training.engine.NetworkExplainer;
import org.convlab.training.engine.PrunedRun;
import org.convlab.training.engine.TrainingRun;
import org.convlab.training.engine.ModelIntrospector.FilterImages;
import org.convlab.training.engine.RunStore;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.queue.TrainingService;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.springframework.stereotype.Service;
import org.convlab.training.engine.RunState;
import org.convlab.account.CurrentUser;
import java.util.Locale;
import java.util.Objects;
import org.convlab.training.queue.RunAccess;
import org.convlab.training.queue.RunJob;
import org.convlab.training.engine.RunProblems;
import org.convlab.training.queue.RunQueue;

/**
 * Finds saved runs and measures them for the run pages. Measuring a run means loading its model and
 * predicting all 10,000 test images, a few seconds on a CPU, so the result is cached per run (the
 * last {@value #CACHED_RUNS} runs opened) and shared by every page showing it. All DJL work goes
 * through the training worker's safe points, so it never overlaps a training batch.
 */
@Service
final class RunAnalysisService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunAnalysisService.class);

    static final int CACHED_RUNS = 4;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** The run cannot be shown; the text says why, in a learner's words. */
    static final class RunUnavailableException extends TextException {
        RunUnavailableException(String key, Object... args) {
            super(Text.of(key, args));
        }
    }

    private final TrainingService training;
    private final DatasetLibrary datasets;
    private final RunQueue queue;
    private final RunAccess access;
    private final CurrentUser current;
    private final Map<String, CompletableFuture<RunAnalysis>> cache = new LinkedHashMap<>(8, 0.75f, true);
    /** Each data set's test images as floats, by key, for the runs shown lately (a few at most). */
    private final Map<String, ImageSet> tests = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageSet> eldest) {
            return size() > 2;
        }
    };

    private final DatasetCatalog catalog;

    RunAnalysisService(TrainingService training, RunQueue queue, RunAccess access, CurrentUser current,
            DatasetCatalog catalog) {
        this.catalog = catalog;
        this.training = training;
        this.datasets = training.datasets();
        this.queue = queue;
        this.access = access;
        this.current = current;
    }

    /** The name of the data set a run trained on (its settings' key; none: Fashion-MNIST), or that it is gone. */
    String datasetName(Hyperparameters hp) {
        return RunText.datasetName(catalog, hp == null ? null : hp.dataset());
    }

    /** The signed-in learner's finished runs, newest first (none for a guest). */
    List<SavedRun> savedRuns() {
        return current.get().map(user -> queue.runsOf(user.getId()).stream()
                .filter(r -> r.getStatus() == RunState.DONE && r.getDir() != null)
                .map(r -> {
                    try {
                        Path dir = Path.of(r.getDir());
                        return new SavedRun(r.getId(), dir, RunStore.readRecord(dir), RunJob.UPLOAD_KIND.equals(r.getGridKind()));
                    } catch (RuntimeException e) {
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .toList()).orElse(List.of());
    }

    /** The saved run with this id (its folder name), or an exception saying what is wrong. */
    SavedRun find(String id) {
        // Only plain folder names: an id must never reach outside the runs folder.
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw new RunUnavailableException("run.unavailable.not-yours");
        }
        RunJob job;
        try {
            job = access.viewable(id);
        } catch (RunAccess.RunNotFoundException e) {
            // Missing and someone else's read alike (NotYours.RUN).
            throw new RunUnavailableException("run.unavailable.not-yours");
        }
        if (job.getStatus() != RunState.DONE || job.getDir() == null) {
            throw new RunUnavailableException("run.unavailable.not-finished", id,
                    Text.of("run.state." + job.getStatus().name().toLowerCase(Locale.ROOT)));
        }
        Path dir = Path.of(job.getDir());
        if (!Files.isDirectory(dir)) {
            log.warn("Run {}: its folder {} is missing", id, dir);
            throw new RunUnavailableException("run.unavailable.missing", id);
        }
        try {
            return new SavedRun(id, dir, RunStore.readRecord(dir), RunJob.UPLOAD_KIND.equals(job.getGridKind()));
        } catch (RuntimeException e) {
            log.warn("Run {}: its folder {} cannot be read", id, dir, e);
            throw new RunUnavailableException("run.unavailable.unreadable", id, RunProblems.describe(e));
        }
    }

    /** The run measured on the test set: cached, or started now on the training worker. */
    synchronized CompletableFuture<RunAnalysis> analysis(SavedRun run) {
        String key = run.id() + "@" + run.record().createdAt();
        CompletableFuture<RunAnalysis> cached = cache.get(key);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<RunAnalysis> started = training.worker().introspect(() -> measure(run));
        cache.put(key, started);
        evictOldest();
        return started;
    }

    /** Runs {@code work} on the run's loaded model at the worker's next safe point. */
    <T> CompletableFuture<T> inspect(SavedRun run, Function<ModelIntrospector, T> work) {
        return analysis(run).thenCompose(a -> training.worker().introspect(() -> work.apply(a.introspector())));
    }

    /** Runs {@code work} on the run's network explainer at the worker's next safe point. */
    <T> CompletableFuture<T> explain(SavedRun run, Function<NetworkExplainer, T> work) {
        return analysis(run).thenCompose(a -> training.worker().introspect(() -> work.apply(a.explainer())));
    }

    /**
     * The test images that excite each filter of conv layer {@code layer} most: one pass over the
     * 10,000 test images (seconds for a deep layer), remembered for as long as the run stays open.
     */
    CompletableFuture<StrongestImages> strongestImages(SavedRun run, int layer, IntConsumer imagesDone) {
        return analysis(run).thenCompose(a -> training.worker().introspect(() -> a.strongestImages(layer, imagesDone)));
    }

    /** The layer's strongest images if they were searched already, without starting a search. */
    java.util.Optional<StrongestImages> knownStrongestImages(SavedRun run, int layer) {
        CompletableFuture<RunAnalysis> a = analysis(run);
        return a.isDone() && !a.isCompletedExceptionally() ? a.join().knownStrongestImages(layer) : java.util.Optional.empty();
    }

    /** A run's conv filters ranked weakest first (L1 norm of their weights). */
    CompletableFuture<List<FilterPruning.FilterScore>> filterRanking(SavedRun run, int layer) {
        return analysis(run).thenCompose(a -> training.worker().introspect(() -> a.pruning().ranking(layer)));
    }

    /** What pruning gave: the new run (already saved and listed among the learner's runs) and its numbers. */
    record PrunedOutcome(String runId, String layerName, int filtersBefore, int filtersAfter, long paramsBefore,
            long paramsAfter, double accuracyBefore, double accuracyAfter, int[][] confusion, List<String> classNames) {

        /** What was pruned, in words: "conv2d_1: 32→24 filters". */
        Text what() {
            return Text.of("run.pruning.what", layerName, filtersBefore, filtersAfter);
        }

        /** {@link #what()} in English. */
        String description() {
            return what().toString();
        }
    }

    /**
     * Removes the {@code k} weakest filters of conv layer {@code layer}, measures the smaller model on
     * the test images and saves it as a new run of the signed-in learner (the original is untouched).
     */
    CompletableFuture<PrunedOutcome> prune(SavedRun run, int layer, int k) {
        var user = current.get();
        if (user.isEmpty()) {
            return CompletableFuture.failedFuture(new RunUnavailableException("run.unavailable.sign-in"));
        }
        long owner = user.get().getId();
        long kept = savedRuns().stream().filter(r -> PrunedRun.isPruned(r.record())).count();
        if (kept >= MAX_PRUNED_RUNS) {
            return CompletableFuture.failedFuture(new RunUnavailableException("run.unavailable.pruned-limit", MAX_PRUNED_RUNS));
        }
        // One pruning at a time per learner: each measures 10,000 test images on the shared worker.
        if (!pruningNow.add(owner)) {
            return CompletableFuture.failedFuture(new RunUnavailableException("run.unavailable.pruning-busy"));
        }
        return analysis(run).thenCompose(a -> training.worker().introspect(() -> {
            try (FilterPruning.Pruned pruned = a.pruning().prune(layer, k)) {
                String id = training.newRunId(pruned.model().spec().spec());
                Path dir = training.runsDir().resolve(id);
                TrainingRun.Outcome saved = PrunedRun.save(dir, pruned, run.record(), a.testImages());
                try {
                    queue.adopt(owner, saved.dir());
                } catch (RuntimeException e) {
                    PrunedRun.discard(saved.dir());
                    throw e;
                }
                return new PrunedOutcome(id, pruned.layerName(), pruned.filtersBefore(), pruned.filtersAfter(), pruned.paramsBefore(), pruned.paramsAfter(),
                        run.record().metrics().testAccuracy(), saved.evaluation().testAccuracy(),
                        saved.record().metrics().confusionMatrix(), run.record().classNames());
            }
        })).whenComplete((done, problem) -> pruningNow.remove(owner));
    }

    /** Pruned models one learner may keep: each is a run folder on the server's disk. */
    static final int MAX_PRUNED_RUNS = 20;
    private final java.util.Set<Long> pruningNow = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private RunAnalysis measure(SavedRun run) {
        ImageSet images = testImages(run);
        TrainedModel model = RunStore.load(run.dir(), Device.cpu());
        try {
            Evaluation evaluation = ModelEvaluator.evaluate(model, images, Integer.MAX_VALUE);
            ModelIntrospector introspector = new ModelIntrospector(model);
            List<FilterImages> filters = new ArrayList<>();
            for (int layer : introspector.convLayers()) {
                filters.add(introspector.filters(layer));
            }
            return new RunAnalysis(run, model, images, evaluation, filters);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    int testImageCount(SavedRun run) {
        return testImages(run).size();
    }

    /** The shape of the run's test images (channels, height, width). */
    LayerShape testImageShape(SavedRun run) {
        return RunAnalysis.shapeOf(testImages(run));
    }

    /** Test image {@code index}'s pixels, 0..1 (channel after channel for colour). */
    float[] testImagePixels(SavedRun run, int index) {
        return testImages(run).image(index);
    }

    /** The test images of the data set the run trained on. */
    private synchronized ImageSet testImages(SavedRun run) {
        String key = run.record().hyperparameters().dataset();
        return tests.computeIfAbsent(key == null ? DatasetLibrary.DEFAULT_KEY : key, k -> {
            Dataset dataset = datasets.dataset(k);
            return FashionMnistArrays.of(dataset.test(), dataset.classNames());
        });
    }

    /** Unloads the least recently opened runs; closing happens on the worker, after any queued work. */
    private void evictOldest() {
        Iterator<CompletableFuture<RunAnalysis>> oldest = cache.values().iterator();
        while (cache.size() > CACHED_RUNS) {
            CompletableFuture<RunAnalysis> evicted = oldest.next();
            oldest.remove();
            evicted.thenAccept(a -> training.worker().introspect(() -> {
                a.close();
                return null;
            }));
        }
    }
}
