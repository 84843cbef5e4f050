package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.convlab.training.engine.DeviceChoice;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.LearningRateSchedule;
import org.convlab.training.engine.LearningRateSchedule.Kind;
import org.junit.jupiter.api.Test;

/** The learning-rate schedule in the training form: the choice, its one sentence, and the warm-up. */
class HyperparameterFormTest {

    private final HyperparameterForm form = new HyperparameterForm(List.of(DeviceChoice.AUTO, DeviceChoice.CPU),
            Optional.empty());

    @Test
    void theFormStartsConstantAndAChoiceChangesTheSettingsAndTheHelp() {
        assertThat(form.value().schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(form.schedule.getHelperText()).isEqualTo(Kind.CONSTANT.help().toString());

        form.schedule.setValue(Kind.ONE_CYCLE);
        form.warmup.setValue(2);
        assertThat(form.value().schedule()).isEqualTo(new LearningRateSchedule(Kind.ONE_CYCLE, 2));
        assertThat(form.schedule.getHelperText()).isEqualTo(Kind.ONE_CYCLE.help().toString()).contains("anneals");

        form.schedule.setValue(Kind.STEP);
        form.warmup.clear();
        assertThat(form.value().schedule()).isEqualTo(new LearningRateSchedule(Kind.STEP, 0));
        assertThat(form.schedule.getHelperText()).contains("by 10");
    }

    @Test
    void aRunTrainedAgainShowsItsSchedule() {
        Hyperparameters hp = Hyperparameters.defaults().withEpochs(6)
                .withSchedule(new LearningRateSchedule(Kind.COSINE, 1));
        form.fill(hp);
        assertThat(form.schedule.getValue()).isEqualTo(Kind.COSINE);
        assertThat(form.warmup.getValue()).isEqualTo(1);
        assertThat(form.value().schedule()).isEqualTo(hp.schedule());
    }
}
