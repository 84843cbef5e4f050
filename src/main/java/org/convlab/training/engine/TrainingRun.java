package org.convlab.training.engine;

import java.nio.file.Path;
import java.time.Instant;
import org.convlab.model.ModelLimits;
import org.convlab.model.ValidatedModel;

/**
 * One complete run, the same for the command line and the app: train, evaluate on the test set,
 * save the run folder. The model is closed before this returns; load it from the folder to use it.
 */
public final class TrainingRun {

    /** Where the run was saved and what it measured. */
    public record Outcome(Path dir, RunRecord record, Evaluation evaluation) {}

    private TrainingRun() {}

    public static Outcome execute(ValidatedModel model, Hyperparameters hp, ImageSet train, ImageSet test,
            Path dir, ModelLimits limits, ProgressListener listener, TrainingControl control) {
        return execute(model, hp, train, test, dir, limits, listener, control, EpochCheckpoints.NONE);
    }

    /** As above, checkpointing every epoch and resuming from the last checkpoint if there is one. */
    public static Outcome execute(ValidatedModel model, Hyperparameters hp, ImageSet train, ImageSet test,
            Path dir, ModelLimits limits, ProgressListener listener, TrainingControl control,
            EpochCheckpoints checkpoints) {
        TrainerResult result = new ModelTrainer(limits).train(model, hp, train, listener, control, checkpoints);
        try (TrainedModel trained = result.model()) {
            control.checkpoint();
            listener.onEvaluating();
            Evaluation evaluation = ModelEvaluator.evaluate(trained, test, 0);
            RunRecord record = new RunRecord(RunRecord.FORMAT, Instant.now().toString(), model.spec(), hp,
                    trained.classNames(), result.device(), result.params(), result.trainImages(),
                    result.validationImages(), result.trainSeconds(), result.stopReason(), result.history(),
                    RunRecord.Metrics.of(evaluation));
            RunStore.save(dir, trained, record);
            checkpoints.discard();
            return new Outcome(dir, record, evaluation);
        }
    }
}
