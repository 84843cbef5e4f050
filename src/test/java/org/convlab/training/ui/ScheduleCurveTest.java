package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.convlab.base.ui.ChartConfig;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.LearningRateSchedule;
import org.convlab.training.engine.LearningRateSchedule.Kind;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.convlab.training.engine.RunRecord;
import org.junit.jupiter.api.Test;

/** The chosen schedule drawn beside the loss: on the live dashboard's chart and on a finished run's page. */
class ScheduleCurveTest {

    private static final Hyperparameters COSINE = Hyperparameters.defaults().withEpochs(4)
            .withSchedule(new LearningRateSchedule(Kind.COSINE, 1));

    @Test
    void theCurveIsTheRunsRateTimesTheScheduleOverItsEpochs() {
        List<double[]> rates = ScheduleCurve.rates(COSINE, 10);
        assertThat(rates.getFirst()[0]).isZero();
        assertThat(rates.getFirst()[1]).isCloseTo(0.001 / 25, within(1e-9));
        assertThat(rates.getLast()[0]).isEqualTo(4.0);
        assertThat(rates.getLast()[1]).isCloseTo(0.001 * 1e-3, within(1e-9));
        assertThat(rates).extracting(p -> p[1]).allMatch(r -> r <= 0.001 + 1e-9);
    }

    @Test
    void theLossChartGetsTheScheduleOnItsRightAxisAndAConstantRateIsNotDrawn() {
        ChartConfig loss = ScheduleCurve.addTo(ChartConfig.xyLine().points("training", List.of(), false), COSINE, 10);
        assertThat(loss.seriesNames()).containsExactly("training", "learning rate (schedule): cosine, 1 warm-up epoch");
        assertThat(loss.rightAxisTitle()).isEqualTo("learning rate");

        ChartConfig constant = ScheduleCurve.addTo(ChartConfig.xyLine().points("training", List.of(), false),
                Hyperparameters.defaults(), 10);
        assertThat(constant.seriesNames()).containsExactly("training");
        assertThat(constant.rightAxisTitle()).isNull();
    }

    @Test
    void batchesAnEpochComeFromTheRunElseFromItsSettings() {
        assertThat(ScheduleCurve.stepsPerEpoch(COSINE, 17, 0)).isEqualTo(17);
        assertThat(ScheduleCurve.stepsPerEpoch(COSINE, null, 640)).isEqualTo(10);
        // 60,000 images, 10% held out, batches of 64.
        assertThat(ScheduleCurve.stepsPerEpoch(COSINE, null, 0)).isEqualTo(844);
        // A run whose stored settings could not be read draws no schedule and does not fail.
        assertThat(ScheduleCurve.stepsPerEpoch(null, null, 0)).isEqualTo(1);
        assertThat(ScheduleCurve.addTo(ChartConfig.xyLine(), null, 1).seriesNames()).isEmpty();
    }

    @Test
    void aFinishedRunsPageDrawsItsScheduleBesideItsLoss() {
        List<EpochReport> history = List.of(
                new EpochReport(1, 1.0, 0.6, 0.9, 0.65, 0.0009, 1, 1),
                new EpochReport(2, 0.7, 0.7, 0.8, 0.7, 0.0005, 1, 1));
        RunRecord record = new RunRecord(RunRecord.FORMAT, "2025-01-01T00:00:00Z", null,
                COSINE.withEpochs(2).withSchedule(new LearningRateSchedule(Kind.ONE_CYCLE, 0)), List.of(), "cpu",
                10, 640, 64, 2, "completed", history, null);
        LearningCurves curves = new LearningCurves(Map.of("run", record));
        assertThat(curves.loss.config().seriesNames())
                .containsExactly("training", "validation", "learning rate (schedule): one-cycle");
        assertThat(curves.loss.config().rightAxisTitle()).isEqualTo("learning rate");

        LearningCurves constant = new LearningCurves(Map.of("run", new RunRecord(RunRecord.FORMAT,
                "2025-01-01T00:00:00Z", null, Hyperparameters.defaults().withEpochs(2), List.of(), "cpu", 10, 640, 64,
                2, "completed", history, null)));
        assertThat(constant.loss.config().seriesNames()).containsExactly("training", "validation");
    }
}
