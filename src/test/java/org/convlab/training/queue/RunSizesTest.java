package org.convlab.training.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.function.Function;
import org.convlab.training.engine.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The Train page's default subset: the largest that trains in about a minute and fits the budget. */
class RunSizesTest {

    private static final Hyperparameters USUAL = Hyperparameters.defaults();

    /** A server training this many images a second. */
    private static Function<Hyperparameters, OptionalDouble> at(double imagesPerSecond) {
        return hp -> OptionalDouble.of(TrainingTimes.seconds(hp, imagesPerSecond));
    }

    @Test
    void theDefaultIsTheLargestSubsetThatTrainsInAboutAMinute() {
        // 5 epochs at 1,000 images/s: 10,000 images take 50 s, 20,000 take 100 s.
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, RunBudget.UNLIMITED, at(1_000)))
                .isEqualTo(10_000);
        // A fast server trains all 60,000 in a minute.
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, RunBudget.UNLIMITED, at(10_000)))
                .isZero();
        // A slow one: nothing is quick, so the smallest.
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, RunBudget.UNLIMITED, at(10)))
                .isEqualTo(1_000);
    }

    @Test
    void theDefaultFitsASmallBudget() {
        // 5 epochs × 2,000 images = 10,000 image-epochs: 5,000 images would be 25,000.
        RunBudget small = new RunBudget(10_000, 0);
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, small, at(10_000))).isEqualTo(2_000);
        assertThat(RunSizes.fits(RunSizes.withSubset(USUAL, 2_000), small)).isTrue();
        assertThat(RunSizes.fits(RunSizes.withSubset(USUAL, 5_000), small)).isFalse();
        // A budget smaller than any subset: the smallest, which the queue will then explain.
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, new RunBudget(100, 0), at(10_000)))
                .isEqualTo(1_000);
    }

    @Test
    void withoutAMeasuredSpeedTheDefaultStaysSmall() {
        assertThat(RunSizes.largestWithin(USUAL, RunSizes.ABOUT_A_MINUTE, RunBudget.UNLIMITED,
                hp -> OptionalDouble.empty())).isEqualTo(5_000);
    }
}
