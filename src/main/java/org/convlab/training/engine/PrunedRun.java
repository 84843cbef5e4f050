package org.convlab.training.engine;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Saves a pruned model as a run folder of its own, beside the run it came from, so it can be
 * compared, loaded ({@link RunStore#load}) and pruned again like any other run.
 *
 * <p>The record says what the pruned model is and how it scores: its spec (named after what was
 * pruned, "best-cnn pruned (conv2d_1: 32→24 filters)"), its parameter count, and the test metrics
 * measured now. Hyperparameters, history and training figures are the parent run's: the pruned
 * model's weights are that training's, minus the removed filters; it was not trained again.
 */
public final class PrunedRun {

    private PrunedRun() {}

    /**
     * Evaluates {@code pruned} on {@code test} and saves it in {@code dir} (refused, as any save, if
     * {@code dir} is something other than a ConvLab run folder). The pruned model stays open.
     */
    public static TrainingRun.Outcome save(Path dir, FilterPruning.Pruned pruned, RunRecord parent, ImageSet test) {
        RunStore.checkTarget(dir);
        Evaluation evaluation = ModelEvaluator.evaluate(pruned.model(), test, 0);
        RunRecord record = record(pruned, parent, evaluation);
        RunStore.save(dir, pruned.model(), record);
        return new TrainingRun.Outcome(dir, record, evaluation);
    }

    /** The run.json of a pruned model measured as {@code evaluation}. */
    /** Removes a pruned run folder {@link #save} wrote, when it could not be registered after all. */
    public static void discard(Path dir) {
        try {
            OwnFolder.delete(dir);
        } catch (java.io.IOException ignored) {
            // best effort: an unlisted folder is harmless and the runs page can adopt it later
        }
    }

    /** Whether a run's model was made by pruning another (its name says so, as {@link FilterPruning} writes it). */
    public static boolean isPruned(RunRecord record) {
        String name = record.spec().name();
        return name != null && name.matches(".* pruned \\(.+: \\d+→\\d+ filters\\)");
    }

    public static RunRecord record(FilterPruning.Pruned pruned, RunRecord parent, Evaluation evaluation) {
        TrainedModel model = pruned.model();
        return new RunRecord(RunRecord.FORMAT, Instant.now().toString(), model.spec().spec(), parent.hyperparameters(),
                model.classNames(), parent.device(), pruned.paramsAfter(), parent.trainImages(),
                parent.validationImages(), parent.trainSeconds(), parent.stopReason(), parent.history(),
                RunRecord.Metrics.of(evaluation));
    }
}
