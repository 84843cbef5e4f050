package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.convlab.model.InvalidModelException;
import org.convlab.training.engine.LearningRateSchedule.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Learning-rate schedules: the multiplier at given global steps for each kind, how reduce-on-plateau
 * composes with it, and how the setting reads and writes as JSON (old runs without it are constant).
 */
class LearningRateScheduleTest {

    private static float at(LearningRateSchedule s, long step, int perEpoch, int epochs) {
        return s.multiplierAt(step, perEpoch, (long) perEpoch * epochs);
    }

    @Test
    void constantIsOneEverywhere() {
        for (long step : new long[] {0, 1, 49, 99, 100, 5000}) {
            assertThat(at(LearningRateSchedule.CONSTANT, step, 10, 10)).isEqualTo(1f);
        }
    }

    @Test
    void stepDecayDividesByTenAtHalfAndAtThreeQuarters() {
        LearningRateSchedule step = new LearningRateSchedule(Kind.STEP, 0);
        // 10 epochs of 10 steps: drops at step 50 and step 75.
        assertThat(at(step, 0, 10, 10)).isEqualTo(1f);
        assertThat(at(step, 49, 10, 10)).isEqualTo(1f);
        assertThat(at(step, 50, 10, 10)).isCloseTo(0.1f, within(1e-7f));
        assertThat(at(step, 74, 10, 10)).isCloseTo(0.1f, within(1e-7f));
        assertThat(at(step, 75, 10, 10)).isCloseTo(0.01f, within(1e-8f));
        assertThat(at(step, 99, 10, 10)).isCloseTo(0.01f, within(1e-8f));
    }

    @Test
    void cosineGlidesFromTheRateToAThousandthAlongAHalfCosine() {
        LearningRateSchedule cosine = new LearningRateSchedule(Kind.COSINE, 0);
        // 101 steps: step 0 is the rate, step 50 the middle of the cosine, step 100 the end.
        assertThat(cosine.multiplierAt(0, 101, 101)).isEqualTo(1f);
        assertThat(cosine.multiplierAt(50, 101, 101)).isCloseTo((1f + 1e-3f) / 2, within(1e-6f));
        assertThat(cosine.multiplierAt(25, 101, 101))
                .isCloseTo((float) (1e-3 + (1 - 1e-3) * (1 + Math.cos(Math.PI / 4)) / 2), within(1e-6f));
        assertThat(cosine.multiplierAt(100, 101, 101)).isCloseTo(1e-3f, within(1e-7f));
    }

    @Test
    void oneCycleWarmsUpForThirtyPercentThenAnneals() {
        LearningRateSchedule oneCycle = new LearningRateSchedule(Kind.ONE_CYCLE, 0);
        // 100 steps: a warm-up of 30 steps from 1/25 of the rate, then a cosine over the 70 left.
        assertThat(at(oneCycle, 0, 10, 10)).isCloseTo(0.04f, within(1e-7f));
        assertThat(at(oneCycle, 15, 10, 10)).isCloseTo(0.04f + 0.96f * 15 / 30, within(1e-6f));
        assertThat(at(oneCycle, 30, 10, 10)).isEqualTo(1f);
        assertThat(at(oneCycle, 99, 10, 10)).isCloseTo(1e-3f, within(1e-7f));
        // Step 64 is step 34 of the anneal's 69.
        assertThat(at(oneCycle, 64, 10, 10))
                .isCloseTo((float) (1e-3 + (1 - 1e-3) * (1 + Math.cos(Math.PI * 34 / 69)) / 2), within(1e-6f));
    }

    @Test
    void aWarmUpOfWholeEpochsClimbsThenTheScheduleStartsFromItsBeginning() {
        LearningRateSchedule cosine = new LearningRateSchedule(Kind.COSINE, 1);
        // 5 epochs of 10 steps, 1 warm-up epoch: steps 0–9 climb, then a cosine over steps 10–49.
        assertThat(at(cosine, 0, 10, 5)).isCloseTo(0.04f, within(1e-7f));
        assertThat(at(cosine, 5, 10, 5)).isCloseTo(0.52f, within(1e-6f));
        assertThat(at(cosine, 10, 10, 5)).isEqualTo(1f);
        assertThat(at(cosine, 49, 10, 5)).isCloseTo(1e-3f, within(1e-7f));

        LearningRateSchedule step = new LearningRateSchedule(Kind.STEP, 2);
        // 10 epochs of 10 steps, 2 warm-up epochs: 80 steps after it, so drops at 20 + 40 and 20 + 60.
        assertThat(at(step, 19, 10, 10)).isLessThan(1f);
        assertThat(at(step, 20, 10, 10)).isEqualTo(1f);
        assertThat(at(step, 59, 10, 10)).isEqualTo(1f);
        assertThat(at(step, 60, 10, 10)).isCloseTo(0.1f, within(1e-7f));
        assertThat(at(step, 80, 10, 10)).isCloseTo(0.01f, within(1e-8f));

        LearningRateSchedule constant = new LearningRateSchedule(Kind.CONSTANT, 1);
        assertThat(at(constant, 0, 10, 3)).isCloseTo(0.04f, within(1e-7f));
        assertThat(at(constant, 10, 10, 3)).isEqualTo(1f);
        assertThat(at(constant, 29, 10, 3)).isEqualTo(1f);
    }

    @Test
    void theValueAtAStepDoesNotDependOnWhichStepsWereAskedBefore() {
        // What makes resuming mid-schedule exact: no state, unlike DJL's MultiFactorTracker.
        for (Kind kind : Kind.values()) {
            LearningRateSchedule s = new LearningRateSchedule(kind, 1);
            float fresh = at(s, 37, 10, 8);
            ai.djl.training.tracker.Tracker t = s.tracker(10, 80);
            t.getNewValue(79);
            t.getNewValue(3);
            assertThat(t.getNewValue(37)).as(kind.toString()).isEqualTo(fresh);
        }
    }

    @Test
    void theOptimizerUsesTheBaseTimesTheScheduleAndAPlateauLowersTheBaseOnly() {
        LearningRateSchedule cosine = new LearningRateSchedule(Kind.COSINE, 0);
        AdjustableRate rate = new AdjustableRate(0.1, cosine.tracker(101, 101));
        rate.atStep(50);
        float middle = cosine.multiplierAt(50, 101, 101);
        assertThat(rate.getNewValue(0)).isEqualTo(0.1f * middle);
        // The optimizer's own update count does not move the schedule.
        assertThat(rate.getNewValue(99)).isEqualTo(0.1f * middle);

        // Patience 1: an epoch without a better validation loss halves the base.
        EpochPolicies policies = new EpochPolicies(true, List.of(new LearningRatePlateau(1, 0.5, 1e-6)));
        var first = new ProgressListener.EpochReport(1, 1.0, 0.5, 1.0, 0.5, rate.value(), 1, 1);
        var second = new ProgressListener.EpochReport(2, 1.0, 0.5, 1.2, 0.5, rate.value(), 1, 1);
        policies.onEpochEnd(first, List.of(first), rate);
        assertThat(rate.base()).isEqualTo(0.1f);
        policies.onEpochEnd(second, List.of(first, second), rate);
        assertThat(rate.base()).isEqualTo(0.05f);
        assertThat(rate.value()).isEqualTo(0.05f * middle);
        rate.atStep(100);
        assertThat(rate.value()).isEqualTo(0.05f * cosine.multiplierAt(100, 101, 101));
    }

    @Test
    void theCurveSpansTheRunInEpochs() {
        List<double[]> curve = new LearningRateSchedule(Kind.ONE_CYCLE, 1).curve(4, 10, 5);
        assertThat(curve).hasSize(21);
        assertThat(curve.getFirst()).containsExactly(0, 0.04f);
        assertThat(curve.getLast()[0]).isEqualTo(4.0);
        assertThat(curve.get(5)[1]).isEqualTo(1.0);  // the end of the warm-up epoch: the peak
        assertThat(curve.getLast()[1]).isCloseTo(1e-3, within(1e-6));
    }

    @Test
    void theSettingReadsFromTheApiInPartAndByName() {
        Hyperparameters hp = SettingsJson.overDefaults(Map.of("schedule", Map.of("kind", "One_Cycle")));
        assertThat(hp.schedule()).isEqualTo(new LearningRateSchedule(Kind.ONE_CYCLE, 0));
        hp = SettingsJson.overDefaults(Map.of("epochs", 4, "schedule", Map.of("kind", "cosine", "warmupEpochs", 1)));
        assertThat(hp.schedule()).isEqualTo(new LearningRateSchedule(Kind.COSINE, 1));
        assertThat(SettingsJson.overDefaults(Map.of()).schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
    }

    @Test
    void storedSettingsRoundTripAndOldOnesWithoutAScheduleReadAsConstant() {
        Hyperparameters hp = Hyperparameters.defaults().withSchedule(new LearningRateSchedule(Kind.STEP, 2));
        String json = OwnJson.MAPPER.writeValueAsString(hp);
        assertThat(json).contains("\"kind\":\"step\"");
        assertThat(OwnJson.MAPPER.readValue(json, Hyperparameters.class)).isEqualTo(hp);

        ObjectNode old = (ObjectNode) OwnJson.MAPPER.readTree(OwnJson.MAPPER.writeValueAsString(Hyperparameters.defaults()));
        old.remove("schedule");
        Hyperparameters read = OwnJson.MAPPER.readValue(old.toString(), Hyperparameters.class);
        assertThat(read.schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(read).isEqualTo(Hyperparameters.defaults());
    }

    @Test
    void aWarmUpMustLeaveAnEpochAndCannotBeNegative() {
        org.convlab.model.ModelLimits limits = HostileRunRequestsTest.LIMITS;
        Hyperparameters five = Hyperparameters.defaults().withEpochs(5);
        five.withSchedule(new LearningRateSchedule(Kind.ONE_CYCLE, 4)).validate(limits);
        assertThat(problem(five.withSchedule(new LearningRateSchedule(Kind.ONE_CYCLE, 5)), limits))
                .contains("warm-up is 5 epochs but the run has 5");
        assertThat(problem(five.withSchedule(new LearningRateSchedule(Kind.COSINE, -1)), limits))
                .contains("warm-up must be 0 (none) or more epochs, not -1");
    }

    private static String problem(Hyperparameters hp, org.convlab.model.ModelLimits limits) {
        try {
            hp.validate(limits);
            return "";
        } catch (InvalidModelException e) {
            return e.oneLine();
        }
    }
}
