package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.junit.jupiter.api.Test;

/** Training times from made-up measured runs: nothing trains here. */
class TrainingTimesTest {

    private static final long SMALL = 100_000;
    private static final long BIG = 10_000_000;

    @Test
    void aModelMeasuredBeforeGetsItsOwnSpeed() {
        TrainingTimes times = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", SMALL, 20_000),
                new TrainingTimes.Measured("cpu", SMALL, 30_000), new TrainingTimes.Measured("cpu", BIG, 500)));
        // Two runs of one model: their mean time per image, 1 / ((1/20,000 + 1/30,000) / 2).
        assertThat(times.imagesPerSecond("cpu", SMALL).getAsDouble()).isCloseTo(24_000, within(1e-6));
        assertThat(times.imagesPerSecond("cpu", BIG).getAsDouble()).isCloseTo(500, within(1e-9));
    }

    @Test
    void withOneModelMeasuredAnotherIsScaledByItsMultiplyAdds() {
        TrainingTimes times = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", BIG, 500)));
        // Twice the arithmetic, half the speed; a tenth of it, ten times the speed.
        assertThat(times.imagesPerSecond("cpu", 2 * BIG).getAsDouble()).isCloseTo(250, within(1e-9));
        assertThat(times.imagesPerSecond("cpu", BIG / 10).getAsDouble()).isCloseTo(5_000, within(1e-6));
    }

    @Test
    void withTwoModelsMeasuredAFixedCostPerImageKeepsASmallModelFromLookingImpossiblyFast() {
        // 1/20,000 s per image for 100,000 multiply-adds, 1/500 s for 10 million: a straight line
        // with a fixed part, so a model of 1,000 multiply-adds is not 100 times faster than the small one.
        TrainingTimes times = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", SMALL, 20_000),
                new TrainingTimes.Measured("cpu", BIG, 500)));
        double slope = (1.0 / 500 - 1.0 / 20_000) / (BIG - SMALL);
        double fixed = 1.0 / 20_000 - slope * SMALL;
        assertThat(times.imagesPerSecond("cpu", 1_000).getAsDouble())
                .isCloseTo(1 / (fixed + slope * 1_000), within(1e-6))
                .isLessThan(40_000);
        assertThat(times.imagesPerSecond("cpu", 5_000_000).getAsDouble())
                .isCloseTo(1 / (fixed + slope * 5_000_000), within(1e-6));
    }

    @Test
    void noMeasurementOnADeviceMeansNoEstimateThereRatherThanAGuess() {
        TrainingTimes none = new TrainingTimes(List.of());
        assertThat(none.imagesPerSecond("cpu", SMALL)).isEmpty();
        assertThat(none.seconds("cpu", SMALL, Hyperparameters.defaults())).isEmpty();
        assertThat(none.knows("cpu")).isFalse();
        TrainingTimes cpuOnly = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", SMALL, 20_000)));
        assertThat(cpuOnly.imagesPerSecond("gpu", SMALL)).isEmpty();
        assertThat(cpuOnly.knows("cpu")).isTrue();
    }

    @Test
    void impossibleMeasurementsAreLeftOut() {
        TrainingTimes times = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", SMALL, 0),
                new TrainingTimes.Measured("cpu", SMALL, Double.NaN), new TrainingTimes.Measured("cpu", SMALL, -5),
                new TrainingTimes.Measured("cpu", SMALL, Double.POSITIVE_INFINITY),
                new TrainingTimes.Measured("cpu", 0, 1_000), new TrainingTimes.Measured(null, SMALL, 1_000)));
        assertThat(times.knows("cpu")).isFalse();
        assertThat(times.imagesPerSecond("cpu", SMALL)).isEmpty();
    }

    @Test
    void aRunsTimeIsItsTrainingImagesEveryEpochPlusItsForwardOnlyChecks() {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(5).withLimit(10_000).withValidationSplit(0.1);
        // 9,000 × 5 images at 1,000/s, then 1,000 × 5 validation and 10,000 test images at 3,000/s.
        assertThat(TrainingTimes.seconds(hp, 1_000)).isCloseTo(45 + 5, within(1e-9));
        assertThat(TrainingTimes.seconds(hp.withLimit(null), 1_000)).isCloseTo(270 + 40_000 / 3_000.0, within(1e-9));
        assertThat(TrainingTimes.seconds(hp.withEpochs(10), 1_000)).isGreaterThan(TrainingTimes.seconds(hp, 1_000));
        TrainingTimes times = new TrainingTimes(List.of(new TrainingTimes.Measured("cpu", SMALL, 1_000)));
        assertThat(times.seconds("cpu", SMALL, hp).getAsDouble()).isCloseTo(50, within(1e-9));
    }

    @Test
    void devicesAreGroupedByKind() {
        assertThat(TrainingTimes.kind("gpu(0) · PyTorch 2.5.1")).isEqualTo("gpu");
        assertThat(TrainingTimes.kind("cpu · PyTorch 2.5.1 · offline")).isEqualTo("cpu");
        assertThat(TrainingTimes.kind((String) null)).isEqualTo("cpu");
        assertThat(TrainingTimes.kind(DeviceChoice.AUTO, true)).isEqualTo("gpu");
        assertThat(TrainingTimes.kind(DeviceChoice.AUTO, false)).isEqualTo("cpu");
        assertThat(TrainingTimes.kind(DeviceChoice.CPU, true)).isEqualTo("cpu");
    }
}
