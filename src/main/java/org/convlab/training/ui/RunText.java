package org.convlab.training.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunRecord;

/** How runs are written on the pages: one wording for the table, the comparison and the run page. */
final class RunText {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private RunText() {}

    static String modelName(RunRecord record) {
        return record.spec().name() == null ? "model" : record.spec().name();
    }

    /** The model's name, and "(uploaded)" after it for a run that came back as a zip rather than trained here. */
    static String runName(org.convlab.training.queue.TrainingService.SavedRun run) {
        return modelName(run.record()) + (run.uploaded() ? " (uploaded)" : "");
    }

    /** What a run whose data set was deleted (or never on this server) says it trained on. */
    static final String DATASET_GONE = "a data set no longer on this server";

    /** The name of the data set with this key (null: the default), or {@link #DATASET_GONE}. */
    static String datasetName(org.convlab.dataset.library.DatasetCatalog catalog, String key) {
        return catalog.nameOf(key).orElse(DATASET_GONE);
    }

    /** "test image #12", or "your image" for a drawing or upload (which has no test index). */
    static String imageName(RunAnalysis.TestImage image) {
        return image.index() < 0 ? "your image" : "test image #" + image.index();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String learningRate(Hyperparameters hp) {
        return BigDecimal.valueOf(hp.effectiveLearningRate()).stripTrailingZeros().toPlainString();
    }

    static String augmentation(Augmentation augmentation) {
        if (augmentation == null || !augmentation.enabled()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (augmentation.rotationDegrees() > 0) {
            parts.add(String.format(Locale.ROOT, "rotate ±%.0f°", augmentation.rotationDegrees()));
        }
        if (augmentation.shiftPixels() > 0) {
            parts.add("shift ±" + augmentation.shiftPixels() + " px");
        }
        if (augmentation.horizontalFlip()) {
            parts.add("flip");
        }
        return String.join(", ", parts);
    }

    /** "42 s", "3 min 05 s", "1 h 02 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A rough length for estimates: "45 s", "2 min", "1 h 20 min" (rounded as far as an estimate deserves). */
    static String about(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long fives = Math.max(5, Math.round(seconds / 5) * 5);
        if (fives < 60) {
            return fives + " s";
        }
        long minutes = Math.max(1, Math.round(seconds / 60));
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** The record's ISO timestamp in the server's time zone, or as stored if it is not one. */
    static String date(String createdAt) {
        try {
            return DATE.format(Instant.parse(createdAt));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(createdAt);
        }
    }

    /** The device as stored ("cpu · PyTorch 2.7.1 · offline"), shortened to the device itself. */
    static String device(String device) {
        if (device == null) {
            return "?";
        }
        int cut = device.indexOf(" · ");
        return cut < 0 ? device : device.substring(0, cut);
    }

    /** The hyperparameters in one line, for the run page. */
    static String hyperparameters(Hyperparameters hp) {
        return String.format(Locale.ROOT, "%d epochs · batch size %d · %s, learning rate %s%s · augmentation: %s"
                        + " · validation split %.0f%%",
                hp.epochs(), hp.batchSize(), hp.optimizer(), learningRate(hp),
                hp.schedule().equals(org.convlab.training.engine.LearningRateSchedule.CONSTANT) ? ""
                        : " (" + hp.schedule().describe() + " schedule)",
                augmentation(hp.augmentation()), hp.validationSplit() * 100);
    }
}
