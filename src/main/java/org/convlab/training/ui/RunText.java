package org.convlab.training.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.training.engine.DjlRuntime;
import org.convlab.i18n.Translations;
import org.convlab.training.engine.Augmentation;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.RunState;
import org.convlab.training.engine.RunRefused;
import org.convlab.base.ui.I18n;
import static org.convlab.base.ui.I18n.t;

/** How runs are written on the pages: one wording for the table, the comparison and the run page. */
final class RunText {

    private static final DateTimeFormatter DATE =
            new java.time.format.DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
                    .appendPattern("HH:mm").toFormatter(Locale.ROOT).withZone(ZoneId.systemDefault());

    private RunText() {}

    static String modelName(RunRecord record) {
        return record.spec().name() == null ? t("training.run.model") : record.spec().name();
    }

    /** The model's name, and "(uploaded)" after it for a run that came back as a zip rather than trained here. */
    static String runName(org.convlab.training.queue.TrainingService.SavedRun run) {
        return run.uploaded() ? t("training.run.uploaded-name", modelName(run.record())) : modelName(run.record());
    }

    /** What a run whose data set was deleted (or never on this server) says it trained on. */
    static String datasetGone() {
        return t("training.run.dataset-gone");
    }

    /** The name of the data set with this key (null: the default), or {@link #datasetGone()}. */
    static String datasetName(org.convlab.dataset.library.DatasetCatalog catalog, String key) {
        return catalog.nameOf(key).orElseGet(RunText::datasetGone);
    }

    /** "test image #12", or "your image" for a drawing or upload (which has no test index). */
    static String imageName(RunAnalysis.TestImage image) {
        return image.index() < 0 ? t("training.run.your-image") : t("training.run.test-image", String.valueOf(image.index()));
    }

    /** A run's state as one word: "queued", "running", "done"… */
    static String status(RunState state) {
        return t("training.state." + state.name().toLowerCase(Locale.ROOT));
    }

    /** A refusal's problems, one line each, in the page's language where it carries its words. */
    static List<String> lines(Throwable refusal) {
        if (refusal instanceof RunRefused words) {
            return words.texts().stream().map(I18n::t).toList();
        }
        if (refusal instanceof org.convlab.model.InvalidModelException invalid) {
            return invalid.problemTexts().stream().map(I18n::t).toList();
        }
        return List.of(I18n.message(refusal));
    }

    /** A refusal's one line in the page's language where it carries its words, else its message. */
    static String refusal(Throwable refusal) {
        return refusal instanceof RunRefused words ? t(words.text()) : I18n.message(refusal);
    }

    static String percent(double fraction) {
        return I18n.percent(fraction, 2);
    }

    static String decimal(double value) {
        return I18n.decimal(value, 4);
    }

    static String count(long value) {
        return I18n.integer(value);
    }

    static String learningRate(Hyperparameters hp) {
        // As exact as it was set (0.001, not 0.0010), with the reader's decimal mark.
        return Translations.value(I18n.locale(), BigDecimal.valueOf(hp.effectiveLearningRate()).stripTrailingZeros());
    }

    static String augmentation(Augmentation augmentation) {
        if (augmentation == null || !augmentation.enabled()) {
            return t("training.run.augmentation-none");
        }
        List<String> parts = new ArrayList<>();
        if (augmentation.rotationDegrees() > 0) {
            parts.add(t("training.run.rotate", I18n.decimal(augmentation.rotationDegrees(), 0)));
        }
        if (augmentation.shiftPixels() > 0) {
            parts.add(t("training.run.shift", augmentation.shiftPixels()));
        }
        if (augmentation.horizontalFlip()) {
            parts.add(t("training.run.flip"));
        }
        return String.join(", ", parts);
    }

    /** "42 s", "3 min 05 s", "1 h 02 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return t("training.time.seconds", s);
        }
        if (s < 3600) {
            return t("training.time.minutes-seconds", s / 60, twoDigits(s % 60));
        }
        return t("training.time.hours-minutes", s / 3600, twoDigits((s % 3600) / 60));
    }

    private static String twoDigits(long n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    /** A rough length for estimates: "45 s", "2 min", "1 h 20 min" (rounded as far as an estimate deserves). */
    static String about(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long fives = Math.max(5, Math.round(seconds / 5) * 5);
        if (fives < 60) {
            return t("training.time.seconds", fives);
        }
        long minutes = Math.max(1, Math.round(seconds / 60));
        return minutes < 60 ? t("training.time.minutes", minutes)
                : t("training.time.hours-minutes", minutes / 60, twoDigits(minutes % 60));
    }

    /** The record's ISO timestamp in the server's time zone as the page's language writes it, or as stored if it is not one. */
    static String date(String createdAt) {
        try {
            Instant when = Instant.parse(createdAt);
            return I18n.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? DATE.format(when) : I18n.dateTime(when);
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(createdAt);
        }
    }

    /**
     * The device as stored ("cpu · PyTorch 2.7.1 · offline") in full, its one word ("offline") in the
     * page's language; device and engine names stay as they are.
     */
    static String deviceDetails(String device) {
        return device != null && device.endsWith(DjlRuntime.OFFLINE_MARK)
                ? t("training.device.details-offline", device.substring(0, device.length() - DjlRuntime.OFFLINE_MARK.length()))
                : device;
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
        String rate = hp.schedule().equals(org.convlab.training.engine.LearningRateSchedule.CONSTANT) ? learningRate(hp)
                : t("training.run.rate-with-schedule", learningRate(hp), hp.schedule().describeText());
        return t("training.run.hyperparameters", I18n.count("training.run.epochs", hp.epochs()), hp.batchSize(),
                hp.optimizer(), rate, augmentation(hp.augmentation()), I18n.percent(hp.validationSplit(), 0));
    }
}
