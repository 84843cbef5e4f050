package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.model.InvalidModelException;
import org.convlab.model.ModelLimits;
import org.convlab.model.ModelValidator;
import org.convlab.model.StrictJson;
import org.convlab.model.ValidatedModel;
import tools.jackson.core.JacksonException;

/**
 * An uploaded run.json checked (RunImport): read by the strict rules every spec passes, then every
 * value the run pages and the stored run's columns rely on, so a hostile file cannot put absurd
 * numbers, huge text or a model this server refuses into a learner's runs.
 */
final class UploadedRecord {

    /** Longest text kept from an uploaded run.json in a stored column (RunJob's column sizes). */
    private static final int MAX_SHORT_TEXT = 60;
    /** More images than any data set ConvLab reads cannot have been trained or tested on. */
    private static final int MAX_IMAGES = 1_000_000;

    private UploadedRecord() {}

    /** A run record that passed, with the data set it trained on as this server has it. */
    record Checked(RunRecord record, RunImport.Dataset dataset) {}

    /** run.json by the strict rules, then every value that the pages or the database rely on. */
    static Checked check(Path file, RunImport.Datasets datasets, ModelLimits limits) throws IOException {
        RunRecord record;
        try {
            record = StrictJson.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), RunRecord.class);
        } catch (JacksonException e) {
            if (String.valueOf(e.getMessage()).startsWith("Trailing token")) {
                throw new RunImport.RefusedException(Text.of("training.import.json-trailing"), e);
            }
            throw new RunImport.RefusedException(Text.of("training.import.json-not-record", StrictJson.describe(e)), e);
        } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
            throw new RunImport.RefusedException(Text.of("training.import.json-not-text"), e);
        }
        if (record == null) {
            throw new RunImport.RefusedException(Text.of("training.import.json-empty"));
        }
        List<String> problems = new ArrayList<>();
        if (record.format() != RunRecord.FORMAT) {
            throw new RunImport.RefusedException(Text.of("training.import.json-format",
                    String.valueOf(record.format()), String.valueOf(RunRecord.FORMAT)));
        }
        if (record.spec() == null) {
            throw new RunImport.RefusedException(Text.of("training.import.json-no-spec"));
        }
        ValidatedModel model;
        try {
            model = ModelValidator.validate(record.spec(), limits);
        } catch (InvalidModelException e) {
            throw new RunImport.RefusedException(Text.of("training.import.json-model", String.join("; ", e.problems())), e);
        }
        if (record.hyperparameters() == null) {
            throw new RunImport.RefusedException(Text.of("training.import.json-no-settings"));
        }
        try {
            record.hyperparameters().validate(limits);
        } catch (InvalidModelException e) {
            throw new RunImport.RefusedException(Text.of("training.import.json-settings", String.join("; ", e.problems())), e);
        }
        // The settings' key was checked above (letters, digits and dashes), so it may be shown.
        RunImport.Dataset dataset = datasets.forKey(record.hyperparameters().dataset());
        if (model.input().channels() != dataset.channels() || model.input().height() != dataset.height()
                || model.input().width() != dataset.width()) {
            throw RunImport.notHere("its model takes " + shape(model.input().channels(), model.input().height(),
                    model.input().width()) + " images; " + dataset.name() + " here has " + shape(dataset.channels(),
                    dataset.height(), dataset.width()));
        }
        if (!dataset.classNames().equals(record.classNames())) {
            throw RunImport.notHere("its classes are " + (record.classNames() == null || record.classNames().isEmpty()
                    ? "not named" : RunImport.shown(String.join(", ", record.classNames()))) + "; " + dataset.name()
                    + " here has " + dataset.classNames().size() + " classes, not those");
        }
        if (record.createdAt() == null) {
            problems.add("createdAt is missing");
        } else {
            try {
                Instant.parse(record.createdAt());
            } catch (DateTimeParseException e) {
                problems.add("createdAt is not a time (\"" + RunImport.shown(record.createdAt()) + "\")");
            }
        }
        if (record.params() != model.totalParams()) {
            problems.add(String.format("params says %,d but the model has %,d", record.params(), model.totalParams()));
        }
        checkRange(problems, "trainImages", record.trainImages(), 0, MAX_IMAGES);
        checkRange(problems, "validationImages", record.validationImages(), 0, MAX_IMAGES);
        checkRange(problems, "trainSeconds", record.trainSeconds(), 0, 1e7);
        checkText(problems, "device", record.device());
        checkText(problems, "stopReason", record.stopReason());
        checkHistory(problems, record);
        checkMetrics(problems, record.metrics(), dataset.classNames().size());
        if (!problems.isEmpty()) {
            throw new RunImport.RefusedException(Text.of("training.import.json-impossible", problems.getFirst()));
        }
        return new Checked(record, dataset);
    }

    /** "3×32×32 (colour)": channels × height × width, as the Train page names an input. */
    private static String shape(int channels, int height, int width) {
        return channels + "×" + height + "×" + width + (channels == 3 ? " (colour)" : channels == 1 ? " (grayscale)" : "");
    }

    private static void checkHistory(List<String> problems, RunRecord record) {
        List<ProgressListener.EpochReport> history = record.history();
        if (history == null) {
            problems.add("history is missing");
            return;
        }
        if (history.size() > record.hyperparameters().epochs()) {
            problems.add("history has " + history.size() + " epochs but the run was set to " + record.hyperparameters().epochs());
            return;
        }
        for (int i = 0; i < history.size(); i++) {
            ProgressListener.EpochReport e = history.get(i);
            if (e == null || e.epoch() != i + 1) {
                problems.add("history entry " + (i + 1) + " is not epoch " + (i + 1));
                return;
            }
            String at = "history epoch " + (i + 1) + ": ";
            checkRange(problems, at + "loss", e.loss(), 0, 1e6);
            checkRange(problems, at + "accuracy", e.accuracy(), 0, 1);
            checkRange(problems, at + "learningRate", e.learningRate(), 0, 1e3);
            checkRange(problems, at + "seconds", e.seconds(), 0, 1e7);
            checkRange(problems, at + "imagesPerSecond", e.imagesPerSecond(), 0, 1e9);
            // No validation images means NaN here (ConvLab writes it so); anything else must be a real score.
            if (!Double.isNaN(e.validationLoss())) {
                checkRange(problems, at + "validationLoss", e.validationLoss(), 0, 1e6);
            }
            if (!Double.isNaN(e.validationAccuracy())) {
                checkRange(problems, at + "validationAccuracy", e.validationAccuracy(), 0, 1);
            }
        }
    }

    private static void checkMetrics(List<String> problems, RunRecord.Metrics m, int classes) {
        if (m == null) {
            problems.add("metrics are missing (the run did not finish)");
            return;
        }
        checkRange(problems, "testAccuracy", m.testAccuracy(), 0, 1);
        checkRange(problems, "testLoss", m.testLoss(), 0, 1e6);
        checkRange(problems, "evaluationSeconds", m.evaluationSeconds(), 0, 1e7);
        int[][] matrix = m.confusionMatrix();
        if (matrix == null || matrix.length != classes
                || Arrays.stream(matrix).anyMatch(row -> row == null || row.length != classes
                        || Arrays.stream(row).anyMatch(v -> v < 0 || v > MAX_IMAGES))) {
            problems.add("the confusion matrix is not " + classes + "×" + classes + " counts");
        }
        ClassificationReport report = m.report();
        if (report == null || report.classes() == null || report.classes().size() != classes
                || report.macro() == null || report.weighted() == null) {
            problems.add("the classification report is missing or not for " + classes + " classes");
        }
    }

    private static void checkRange(List<String> problems, String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {  // also false for NaN
            problems.add(what + " is " + value + ", outside " + min + ".." + max);
        }
    }

    private static void checkText(List<String> problems, String what, String value) {
        if (value != null && (value.length() > MAX_SHORT_TEXT || value.chars().anyMatch(c -> c < 0x20))) {
            problems.add(what + " is not a short line of text");
        }
    }

}
