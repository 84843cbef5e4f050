package org.convlab.classroom;

import org.convlab.classroom.grading.GradedRun;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelSpecJson;
import org.convlab.model.ModelValidator;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunState;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunJson;
import tools.jackson.core.JacksonException;

/**
 * A stored run as grading reads it. The spec and settings columns are read the way the training
 * package writes them (ModelSpecJson; RunJson for the settings and the history).
 */
public final class GradedRuns {

    private GradedRuns() {}

    /** The run's stored facts; a run whose model cannot be read cannot be graded. */
    public static GradedRun from(RunJob run) {
        return from(run, key -> null);
    }

    /**
     * The run's stored facts with the name of the data set it trained on ({@code datasetName} gives
     * the name of a key, null for a set no longer on this server).
     */
    public static GradedRun from(RunJob run, java.util.function.Function<String, String> datasetName) {
        ModelSpec spec;
        try {
            spec = ModelSpecJson.parse(run.getSpecJson());
        } catch (InvalidModelException e) {
            throw new AssignmentException(org.convlab.i18n.Text.of("classroom.refusal.model-unreadable", run.getName()));
        }
        boolean finished = run.getStatus() == RunState.DONE;
        Hyperparameters hp = hyperparameters(run);
        return new GradedRun(run.getId(), run.getName(), finished, spec, hp,
                run.getTestAccuracy(), epochsTrained(run), params(run, spec), run.getTrainSeconds(),
                hp == null ? null : datasetName.apply(hp.dataset()));
    }

    /** Training images the run used when told to use fewer than the full set (WrittenWork); null otherwise. */
    public static Integer trainImages(RunJob run) {
        Hyperparameters hp = hyperparameters(run);
        return hp == null ? null : WrittenWork.trainImages(hp.limit());
    }

    private static Hyperparameters hyperparameters(RunJob run) {
        try {
            // Settings written by a newer ConvLab may carry fields this one does not know: RunJson skips them.
            return run.getHyperparametersJson() == null ? null : RunJson.hyperparameters(run.getHyperparametersJson());
        } catch (JacksonException e) {
            return null; // the augmentation rule then says the settings could not be read
        }
    }

    /** Epochs in the stored history (the ones that finished); the progress counter when there is none. */
    private static int epochsTrained(RunJob run) {
        if (run.getHistoryJson() != null) {
            try {
                return RunJson.history(run.getHistoryJson()).size();
            } catch (JacksonException e) {
                // fall through to the counter
            }
        }
        return run.getEpochsDone();
    }

    /** The count the trainer stored; for older rows without one, the model's own count. */
    private static Long params(RunJob run, ModelSpec spec) {
        if (run.getParams() != null) {
            return run.getParams();
        }
        try {
            return ModelValidator.validate(spec).totalParams();
        } catch (IllegalArgumentException | InvalidModelException e) {
            return null;
        }
    }
}
