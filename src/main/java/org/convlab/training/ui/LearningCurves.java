package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.engine.ProgressListener.EpochReport;

/**
 * Accuracy and loss per epoch, on the training images and on the held-out validation images, for
 * one run or for several overlaid. Validation curves are left out of runs trained without a split.
 */
final class LearningCurves extends Div {

    final Chart accuracy = new Chart(t("training.curves.accuracy-chart"));
    final Chart loss = new Chart(t("training.curves.loss-chart"));

    /** {@code runs} maps a label for the legend (ignored for a single run) to the run's record. */
    LearningCurves(Map<String, RunRecord> runs) {
        addClassName("side-by-side");
        int epochs = runs.values().stream().mapToInt(r -> r.history().size()).max().orElse(0);
        List<String> labels = IntStream.rangeClosed(1, epochs).mapToObj(String::valueOf).toList();
        ChartConfig accuracyConfig = ChartConfig.line(labels).axes(t("training.chart.epoch"), t("training.chart.accuracy-percent"));
        ChartConfig lossConfig = ChartConfig.line(labels).axes(t("training.chart.epoch"), t("training.chart.loss"));
        List<Double> allAccuracies = new ArrayList<>();
        runs.forEach((label, record) -> {
            String prefix = runs.size() == 1 ? "" : label + " · ";  // a run's label, then its curve
            List<EpochReport> history = record.history();
            List<Double> trainAccuracy = values(history, r -> r.accuracy() * 100);
            accuracyConfig.series(prefix + t("training.chart.training"), trainAccuracy);
            lossConfig.series(prefix + t("training.chart.training"), values(history, EpochReport::loss));
            allAccuracies.addAll(trainAccuracy);
            if (hasValidation(history)) {
                List<Double> validationAccuracy = values(history, r -> r.validationAccuracy() * 100);
                accuracyConfig.series(prefix + t("training.chart.validation"), validationAccuracy);
                lossConfig.series(prefix + t("training.chart.validation"), values(history, EpochReport::validationLoss));
                allAccuracies.addAll(validationAccuracy);
            }
        });
        // Accuracies sit between 80 and 95%: starting the axis at 0 would flatten every curve.
        double lowest = allAccuracies.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        accuracyConfig.yMin(Math.max(0, Math.floor(lowest / 10) * 10));
        ChartConfig lossShown = lossConfig;
        if (runs.size() == 1) {
            // One run: its learning-rate schedule beside its loss (several runs would crowd the right axis).
            RunRecord only = runs.values().iterator().next();
            if (ScheduleCurve.shown(only.hyperparameters())) {
                lossShown = ChartConfig.xyLine().axes(t("training.chart.epoch"), t("training.chart.loss"));
                List<EpochReport> history = only.history();
                lossShown.points(t("training.chart.training"), xy(history, EpochReport::loss), true);
                if (hasValidation(history)) {
                    lossShown.points(t("training.chart.validation"), xy(history, EpochReport::validationLoss), true);
                }
                ScheduleCurve.addTo(lossShown, only.hyperparameters(),
                        ScheduleCurve.stepsPerEpoch(only.hyperparameters(), null, only.trainImages()));
            }
        }
        accuracy.setConfig(accuracyConfig);
        loss.setConfig(lossShown);
        add(panel(t("training.curves.accuracy"), accuracy), panel(t("training.curves.loss"), loss));
    }

    private static Div panel(String title, Chart chart) {
        Div panel = new Div(new H3(title), chart);
        panel.addClassName("panel");
        return panel;
    }

    private static boolean hasValidation(List<EpochReport> history) {
        return !history.isEmpty() && history.stream().noneMatch(r -> Double.isNaN(r.validationLoss()));
    }

    private static List<double[]> xy(List<EpochReport> history, ToDoubleFunction<EpochReport> value) {
        return history.stream().map(r -> new double[] {r.epoch(), value.applyAsDouble(r)}).toList();
    }

    private static List<Double> values(List<EpochReport> history, ToDoubleFunction<EpochReport> value) {
        return history.stream().map(r -> Math.round(value.applyAsDouble(r) * 10_000) / 10_000.0).toList();
    }
}
