package org.convlab.training.engine;

import org.convlab.i18n.Text;
import java.util.List;
import org.convlab.model.ModelSpec;
import org.convlab.model.Presets;

/**
 * A model and the settings that train it well, chosen by measurement, with one sentence per choice
 * saying why: what the Train page fills in and explains, {@code train --recipe} uses, and the
 * benchmark times ({@code bench/run.sh --time-to-accuracy}).
 *
 * @param name what a learner types or picks ({@code quick}, {@code best})
 * @param title the choice as the Train page offers it
 * @param goal what the recipe reaches, and how long it takes on a two-core laptop
 * @param preset the model, a name from {@link Presets}
 * @param settings every training setting
 * @param reasons why each choice, in the order the page lists them
 */
public record Recipe(String name, Text title, Text goal, String preset, Hyperparameters settings,
        List<Reason> reasons) {

    /** One choice ("Batch size 128") and why it was made, in a sentence a learner can follow. */
    public record Reason(Text choice, Text why) {}

    public Recipe {
        reasons = List.copyOf(reasons);
    }

    public ModelSpec model() {
        return Presets.get(preset);
    }
}
