package org.convlab.training.engine;

import java.util.ArrayList;
import java.util.List;
import org.convlab.i18n.Text;
import org.convlab.dataset.Dataset;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelSpec;
import org.convlab.model.ModelValidator;
import org.convlab.model.ValidatedModel;

/**
 * The one check every run passes before it is queued or trained, whichever way it came in (the
 * pages, the API, the CLI, or a stored run a worker picks up): the model, the settings, and what
 * the two need together from the server (memory for one training step, a GPU). Every problem is
 * reported at once, each as one line naming the layer or setting.
 */
public record RunPlan(ValidatedModel model, Hyperparameters hyperparameters) {

    /** Images per batch when evaluating (ModelTrainer and ModelEvaluator use the same size). */
    static final int EVALUATION_BATCH = 500;
    /** A training step keeps each activation, its gradient and some workspace. */
    private static final int TRAINING_COPIES = 3;
    /** Weights, their gradients and up to two optimizer states per parameter. */
    private static final int PARAMETER_COPIES = 4;
    private static final long MB = 1024 * 1024;

    public static RunPlan check(ModelSpec spec, Hyperparameters hp, ModelLimits limits) {
        List<Text> problems = new ArrayList<>();
        ValidatedModel model = null;
        try {
            model = ModelValidator.validate(spec, limits);
        } catch (InvalidModelException e) {
            problems.addAll(texts(e));
        }
        if (hp == null) {
            problems.add(Text.of("training.plan.no-settings"));
        } else {
            problems.addAll(hp.problems(limits));
            if (model != null && hp.batchSize() >= 1 && hp.batchSize() <= limits.maxBatchSize()) {
                checkMemory(model, hp.batchSize(), limits, problems);
            }
            if (hp.device() == DeviceChoice.GPU && !gpuUsable()) {
                problems.add(Text.of("training.plan.no-gpu"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RunRefused(problems);
        }
        return new RunPlan(model, hp);
    }

    /** A model's problems as words: its own where it carries them, else each line as it is. */
    private static List<Text> texts(InvalidModelException e) {
        Throwable refusal = e;
        if (refusal instanceof RunRefused words) {
            return words.texts();
        }
        return e.problemTexts();
    }

    /**
     * What keeps {@code model} from training on {@code data}, one line each (none when it fits): its
     * input must be the images' channels × height × width and its output one value per class.
     */
    public static List<String> misfits(ValidatedModel model, Dataset data) {
        return misfitTexts(model, data).stream().map(Text::toString).toList();
    }

    /** {@link #misfits}, as words each reader reads in their own language. */
    public static List<Text> misfitTexts(ValidatedModel model, Dataset data) {
        List<Text> problems = new ArrayList<>();
        LayerInput images = new LayerInput(data.train().channels(), data.train().rows(), data.train().cols());
        var in = model.input();
        if (in.channels() != images.channels() || in.height() != images.height() || in.width() != images.width()) {
            problems.add(Text.of("training.plan.input-misfit", shape(in.channels(), in.height(), in.width()),
                    data.name(), images.describe(), shape(images.channels(), images.height(), images.width())));
        }
        int classes = data.classNames().size();
        if (model.spec().classesOrDefault() != classes) {
            problems.add(Text.of("training.plan.classes-misfit", model.spec().classesOrDefault(), data.name(), classes));
        }
        return problems;
    }

    /** "1×28×28": code-like, the same in every language. */
    private static String shape(int channels, int height, int width) {
        return channels + "×" + height + "×" + width;
    }

    private record LayerInput(int channels, int height, int width) {
        Text describe() {
            return Text.of(channels == 3 ? "training.plan.colour-shape" : "training.plan.grayscale-shape",
                    shape(channels, height, width));
        }
    }

    /** Values one image occupies across the network: the input and every layer's output. */
    static long valuesPerImage(ValidatedModel model) {
        long values = model.input().size();
        for (ValidatedModel.LayerInfo layer : model.layers()) {
            values += layer.output().size();
        }
        return values;
    }

    /** Estimated memory, in bytes, of one training step at this batch size (or one evaluation batch). */
    static long stepBytes(ValidatedModel model, int batchSize) {
        long images = Math.max((long) TRAINING_COPIES * batchSize, EVALUATION_BATCH);
        return images * valuesPerImage(model) * Float.BYTES + PARAMETER_COPIES * model.totalParams() * Float.BYTES;
    }

    private static void checkMemory(ValidatedModel model, int batchSize, ModelLimits limits, List<Text> problems) {
        long allowed = limits.maxBatchMemoryMb() >= Long.MAX_VALUE / MB ? Long.MAX_VALUE : limits.maxBatchMemoryMb() * MB;
        long needed = stepBytes(model, batchSize);
        if (needed <= allowed) {
            return;
        }
        long perImage = (long) TRAINING_COPIES * valuesPerImage(model) * Float.BYTES;
        long fitting = (allowed - PARAMETER_COPIES * model.totalParams() * Float.BYTES) / perImage;
        if (stepBytes(model, 1) > allowed || fitting < 1) {
            problems.add(Text.of("training.plan.layers-too-large", valuesPerImage(model), needed / MB,
                    limits.maxBatchMemoryMb()));
        } else {
            problems.add(Text.of("training.plan.batch-too-large", (long) batchSize, needed / MB,
                    limits.maxBatchMemoryMb(), fitting));
        }
    }

    private static boolean gpuUsable() {
        try {
            return DjlRuntime.gpuCount() > 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
