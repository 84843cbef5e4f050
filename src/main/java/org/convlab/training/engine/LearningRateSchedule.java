package org.convlab.training.engine;

import org.convlab.i18n.Text;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the learning rate moves during a run: a multiplier of the run's rate that is a pure function
 * of the global step ({@code (epoch − 1) × batchesPerEpoch + batch}, counted from 0) and of the
 * run's total steps. Nothing else goes in, so a run resumed at any batch (after a pause or a crash)
 * uses exactly the rate it would have used without the interruption: no state to save.
 *
 * <p>The rate the optimizer uses is {@code base × multiplier(step)}, where {@code base} starts as the
 * run's learning rate and reduce-on-plateau lowers it (multiplies it by its factor, never below the
 * minimum rate): the two compose, and the base is what checkpoints save.
 *
 * <p>Built on DJL's trackers where their semantics fit: {@code CosineTracker} (cosine anneal) and
 * {@code WarmUpTracker} (linear warm-up, then the main tracker from 0) are pure functions of the
 * update number. Step decay is ConvLab's own: DJL's {@code MultiFactorTracker} keeps a running state
 * (it only moves forward), so it cannot answer for an earlier step, which the chart and a resumed
 * run both need. DJL's optimizers call a tracker with their own per-parameter update count, which
 * restarts at 0 in a new process; {@link AdjustableRate} therefore ignores it and the training loop
 * sets the global step itself.
 *
 * @param kind the shape; null reads as constant (runs stored before schedules existed)
 * @param warmupEpochs epochs at the start during which the rate climbs linearly from 1/25 of the
 *     rate to the rate; 0 = none (one-cycle then warms up for the first 30% of the run)
 */
public record LearningRateSchedule(Kind kind, int warmupEpochs) {

    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Kind.CONSTANT, 0);

    /** Where a warm-up starts, as a fraction of the rate (one-cycle's usual 1/25). */
    static final float WARMUP_START = 1f / 25;
    /** Where cosine and one-cycle end, as a fraction of the rate. */
    static final float ANNEAL_END = 1e-3f;
    /** Step decay: the rate is divided by 10 at half and again at three quarters of the run (after warm-up). */
    static final float STEP_FACTOR = 0.1f;
    /** One-cycle without a warm-up given climbs for this fraction of the run. */
    static final double ONE_CYCLE_WARMUP = 0.3;

    public LearningRateSchedule {
        kind = kind == null ? Kind.CONSTANT : kind;
    }

    /** The shapes a learner can choose, with the one sentence the form and the docs show. */
    public enum Kind {
        CONSTANT("constant"),
        STEP("step"),
        COSINE("cosine"),
        ONE_CYCLE("one-cycle");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        @JsonValue
        public String jsonName() {
            return jsonName;
        }

        /** The one sentence on what this shape does, to be written in the reader's language. */
        public Text help() {
            return Text.of("training.schedule." + jsonName + ".help");
        }

        @JsonCreator
        public static Kind parse(String text) {
            if (text == null) {
                return null;
            }
            String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
            for (Kind k : values()) {
                if (k.jsonName.replace("-", "").equals(key)) {
                    return k;
                }
            }
            String shown = text.length() > 40 ? text.substring(0, 39) + "…" : text;
            throw new RefusedArgument(Text.of("training.choice.unknown-schedule", shown, known()));
        }

        public static String known() {
            return Arrays.stream(values()).map(Kind::jsonName).collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return jsonName;
        }
    }

    /** Problems with this schedule in a run of {@code epochs} epochs, in the learner's words. */
    List<String> problems(int epochs) {
        return problemTexts(epochs).stream().map(Text::toString).toList();
    }

    /** {@link #problems}, as words each reader reads in their own language. */
    List<Text> problemTexts(int epochs) {
        List<Text> p = new ArrayList<>();
        if (warmupEpochs < 0) {
            p.add(Text.of("training.settings.warmup-negative", String.valueOf(warmupEpochs)));
        } else if (warmupEpochs > 0 && epochs >= 1 && warmupEpochs >= epochs) {
            p.add(Text.of("training.settings.warmup-too-long", String.valueOf(warmupEpochs), String.valueOf(epochs)));
        }
        return p;
    }

    /**
     * The multiplier of the rate at global step {@code step} (0-based) of a run of
     * {@code totalSteps} steps, {@code stepsPerEpoch} per epoch. Steps past the end keep the last value.
     */
    public float multiplierAt(long step, int stepsPerEpoch, long totalSteps) {
        if (kind == Kind.CONSTANT && warmupEpochs == 0) {
            return 1f;  // exactly today's behaviour: the rate as it is
        }
        return tracker(stepsPerEpoch, totalSteps).getNewValue((int) Math.min(step, Integer.MAX_VALUE));
    }

    /** A DJL tracker (base value 1) for a run of this size: pure in its argument, see the class comment. */
    Tracker tracker(int stepsPerEpoch, long totalSteps) {
        int total = (int) Math.max(1, Math.min(totalSteps, Integer.MAX_VALUE));
        int warmup = (int) Math.min(total - 1L, (long) warmupEpochs * stepsPerEpoch);
        if (kind == Kind.ONE_CYCLE && warmupEpochs == 0) {
            warmup = (int) Math.floor(total * ONE_CYCLE_WARMUP);
        }
        int rest = Math.max(1, total - warmup);
        Tracker main = switch (kind) {
            case CONSTANT -> Tracker.fixed(1f);
            case STEP -> new StepDecay(rest);
            case COSINE, ONE_CYCLE -> Tracker.cosine().setBaseValue(1f).optFinalValue(ANNEAL_END)
                    .setMaxUpdates(rest - 1 < 1 ? 1 : rest - 1).build();
        };
        if (warmup <= 0) {
            return main;
        }
        return WarmUpTracker.builder().setMainTracker(main).optWarmUpSteps(warmup)
                .optWarmUpBeginValue(WARMUP_START).build();
    }

    /**
     * The multiplier over the whole run, {@code pointsPerEpoch} samples an epoch plus the last step:
     * x = epochs done (0 … epochs), y = multiplier. For the chart drawn beside the loss curve.
     */
    public List<double[]> curve(int epochs, int stepsPerEpoch, int pointsPerEpoch) {
        long total = (long) epochs * stepsPerEpoch;
        Tracker t = tracker(stepsPerEpoch, total);
        List<double[]> points = new ArrayList<>();
        int samples = Math.max(1, epochs * pointsPerEpoch);
        for (int i = 0; i <= samples; i++) {
            long step = Math.min(total - 1, Math.round((double) i * total / samples));
            float m = kind == Kind.CONSTANT && warmupEpochs == 0 ? 1f : t.getNewValue((int) Math.max(0, step));
            points.add(new double[] {(double) i * epochs / samples, m});
        }
        return points;
    }

    /** {@link #describe()} in the reader's language: the shape's name (code) and its warm-up. */
    public Text describeText() {
        return warmupEpochs > 0 ? Text.of("training.schedule.with-warmup", kind.jsonName(),
                Text.count("training.schedule.warmup-epochs", warmupEpochs)) : Text.of("training.schedule.name", kind.jsonName());
    }

    /** A few words for logs ("cosine, 1 warm-up epoch"). */
    public String describe() {
        return kind.jsonName() + (warmupEpochs > 0 ? ", " + warmupEpochs + " warm-up epoch" + (warmupEpochs == 1 ? "" : "s") : "");
    }

    /** Divides by 10 at half and at three quarters of {@code steps}: a pure function of the step. */
    private record StepDecay(int steps) implements Tracker {
        @Override
        public float getNewValue(int numUpdate) {
            int drops = (numUpdate >= steps / 2 ? 1 : 0) + (numUpdate >= steps * 3 / 4 ? 1 : 0);
            return drops == 0 ? 1f : drops == 1 ? STEP_FACTOR : STEP_FACTOR * STEP_FACTOR;
        }
    }
}
