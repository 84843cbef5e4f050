package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.convlab.training.engine.EpochCheckpointingPolicyTest.RecordingCheckpoints;
import org.convlab.training.engine.EpochCheckpointingPolicyTest.Save;
import org.convlab.training.engine.ProgressListener.EpochReport;
import org.junit.jupiter.api.Test;

/**
 * The run's policies over random validation-loss histories, without DJL: a run cut off after any
 * epoch and resumed (its history replayed, its rate taken from the checkpoint) decides exactly as
 * the run that was never cut off; and both decide as the rule ModelTrainer had written out by hand
 * before the policies (transcribed in {@link HandWrittenRule}).
 */
class EpochPolicyReplayTest {

    private static final int HISTORIES = 2000;

    /** One random run's settings and the validation loss each epoch would reach. */
    record Scenario(Hyperparameters hp, boolean hasValidation, double[] losses) {

        static Scenario random(Random random) {
            int epochs = 1 + random.nextInt(25);
            Hyperparameters d = Hyperparameters.defaults();
            Hyperparameters hp = new Hyperparameters(epochs, d.batchSize(), d.optimizer(),
                    new double[] {0.01, 0.001, 0.1}[random.nextInt(3)], d.momentum(), d.validationSplit(), d.seed(),
                    d.augmentation(), random.nextInt(5), random.nextInt(4),
                    new double[] {0.5, 0.1, 0.3}[random.nextInt(3)], new double[] {0, 1e-6, 1e-3, 0.004}[random.nextInt(4)],
                    d.limit(), d.device(), d.threads());
            boolean hasValidation = random.nextInt(8) != 0;
            double[] losses = new double[epochs];
            double loss = 2;
            for (int i = 0; i < epochs; i++) {
                // Better, worse, the same, better by less than the margin, or NaN (a diverged run).
                loss = switch (random.nextInt(6)) {
                    case 0, 1 -> loss - random.nextDouble() * 0.2;
                    case 2 -> loss + random.nextDouble() * 0.2;
                    case 3 -> loss;
                    case 4 -> loss - random.nextDouble() * 1.5e-4;
                    default -> random.nextInt(4) == 0 ? Double.NaN : loss;
                };
                losses[i] = hasValidation ? loss : Double.NaN;
                if (Double.isNaN(loss)) {
                    loss = 1;
                }
            }
            return new Scenario(hp, hasValidation, losses);
        }

        @Override
        public String toString() {
            return "patience " + hp.earlyStoppingPatience() + ", plateau " + hp.reduceLrPatience() + " × "
                    + hp.reduceLrFactor() + " down to " + hp.minLearningRate() + " from " + hp.learningRate()
                    + (hasValidation ? "" : ", no validation") + ", losses " + Arrays.toString(losses);
        }

        EpochReport report(int epoch, double learningRate) {
            return new EpochReport(epoch, 1, 0.5, losses[epoch - 1], 0.5, learningRate, 1, 100);
        }
    }

    /** What a run did: its epochs (with the rate each ran at), its checkpoints and its stop. */
    record Run(List<EpochReport> history, List<Save> saves, Optional<String> stop) {}

    /**
     * Runs {@code scenario} as ModelTrainer does from epoch {@code from}; before it, resumes from
     * {@code resumedFrom} (null for a fresh run) as ModelTrainer does: replays the history and
     * takes the rate from the checkpoint.
     */
    private static Run run(Scenario s, Save resumedFrom) {
        RecordingCheckpoints store = new RecordingCheckpoints();
        EpochPolicies policies = EpochPolicies.of(s.hp(), s.hasValidation(), new EpochCheckpointing(store, null, null));
        AdjustableRate rate = new AdjustableRate(s.hp().effectiveLearningRate());
        List<EpochReport> history = new ArrayList<>();
        Optional<String> stop = Optional.empty();
        if (resumedFrom != null) {
            history.addAll(resumedFrom.history());
            rate.set(resumedFrom.learningRate());
            stop = policies.replay(history);
        }
        for (int epoch = history.size() + 1; epoch <= s.losses().length && stop.isEmpty(); epoch++) {
            history.add(s.report(epoch, rate.value()));
            stop = policies.onEpochEnd(history.getLast(), history, rate);
        }
        return new Run(history, store.saves, stop);
    }

    @Test
    void aRunResumedAfterAnyEpochDecidesAsTheRunThatWasNeverCutOff() {
        Random random = new Random(11);
        int lowered = 0;
        int stoppedEarly = 0;
        for (int i = 0; i < HISTORIES; i++) {
            Scenario s = Scenario.random(random);
            Run straight = run(s, null);
            for (Save checkpoint : straight.saves()) {
                Run resumed = run(s, checkpoint);
                String what = s + " resumed after epoch " + checkpoint.epoch();
                assertThat(resumed.history()).as(what).isEqualTo(straight.history());
                assertThat(resumed.stop()).as(what).isEqualTo(straight.stop());
                assertThat(resumed.saves()).as(what)
                        .isEqualTo(straight.saves().subList(checkpoint.epoch(), straight.saves().size()));
            }
            lowered += straight.history().stream().mapToDouble(EpochReport::learningRate).distinct().count() > 1 ? 1 : 0;
            stoppedEarly += straight.stop().isPresent() ? 1 : 0;
        }
        // The random runs do lower the rate and stop early, often.
        assertThat(lowered).isGreaterThan(HISTORIES / 4);
        assertThat(stoppedEarly).isGreaterThan(HISTORIES / 4);
    }

    @Test
    void aHistoryReplayedAfterItsLastEpochStopsWhereTheRunStopped() {
        Random random = new Random(12);
        for (int i = 0; i < HISTORIES; i++) {
            Scenario s = Scenario.random(random);
            Run straight = run(s, null);
            EpochPolicies replayed = EpochPolicies.of(s.hp(), s.hasValidation(),
                    new EpochCheckpointing(new RecordingCheckpoints(), null, null));
            assertThat(replayed.replay(straight.history())).as(s.toString()).isEqualTo(straight.stop());
        }
    }

    @Test
    void thePoliciesDecideAsTheHandWrittenRuleDid() {
        Random random = new Random(13);
        for (int i = 0; i < HISTORIES; i++) {
            Scenario s = Scenario.random(random);
            Run straight = run(s, null);
            Run byHand = HandWrittenRule.run(s, 0);
            assertThat(straight.history()).as(s.toString()).isEqualTo(byHand.history());
            assertThat(straight.saves()).as(s.toString()).isEqualTo(byHand.saves());
            assertThat(straight.stop()).as(s.toString()).isEqualTo(byHand.stop());
            for (int cut = 1; cut <= byHand.history().size(); cut++) {
                assertThat(run(s, straight.saves().get(cut - 1))).as(s + " resumed after " + cut)
                        .isEqualTo(HandWrittenRule.run(s, cut));
            }
        }
    }

    /**
     * ModelTrainer's early-stopping and reduce-on-plateau rule as it was written before the policies
     * (live loop and resume replay), with a float learning rate like AdjustableRate's: the reference
     * the policies must agree with.
     */
    static final class HandWrittenRule {

        static Run run(Scenario s, int resumeAfter) {
            Hyperparameters hp = s.hp();
            Run straight = resumeAfter == 0 ? null : run(s, 0);
            List<EpochReport> history = new ArrayList<>();
            List<Save> saves = new ArrayList<>();
            float rate = (float) hp.effectiveLearningRate();
            if (straight != null) {
                history.addAll(straight.history().subList(0, resumeAfter));
                rate = (float) straight.saves().get(resumeAfter - 1).learningRate();
            }
            double bestValLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int sinceLrDrop = 0;
            for (EpochReport past : history) {
                if (!s.hasValidation()) {
                    continue;
                }
                if (past.validationLoss() < bestValLoss - 1e-4) {
                    bestValLoss = past.validationLoss();
                    sinceBest = 0;
                    sinceLrDrop = 0;
                } else {
                    sinceBest++;
                    sinceLrDrop = hp.reduceLrPatience() > 0 && sinceLrDrop + 1 >= hp.reduceLrPatience() ? 0 : sinceLrDrop + 1;
                }
            }
            boolean stopped = hp.earlyStoppingPatience() > 0 && sinceBest >= hp.earlyStoppingPatience();
            Optional<String> stop = stopped ? Optional.of("early stopping") : Optional.empty();
            for (int epoch = history.size() + 1; epoch <= s.losses().length && !stopped; epoch++) {
                EpochReport report = s.report(epoch, rate);
                history.add(report);
                if (!s.hasValidation()) {
                    saves.add(new Save(epoch, List.copyOf(history), rate));
                    continue;
                }
                if (report.validationLoss() < bestValLoss - 1e-4) {
                    bestValLoss = report.validationLoss();
                    sinceBest = 0;
                    sinceLrDrop = 0;
                } else {
                    sinceBest++;
                    sinceLrDrop++;
                }
                if (hp.reduceLrPatience() > 0 && sinceLrDrop >= hp.reduceLrPatience()) {
                    rate = (float) Math.max(hp.minLearningRate(), rate * hp.reduceLrFactor());
                    sinceLrDrop = 0;
                }
                saves.add(new Save(epoch, List.copyOf(history), rate));
                if (hp.earlyStoppingPatience() > 0 && sinceBest >= hp.earlyStoppingPatience()) {
                    stop = Optional.of("early stopping");
                    break;
                }
            }
            return new Run(history, saves, stop);
        }
    }
}
