package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convlab.model.InvalidModelException;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;

/** A recipe asked for by name over the API: its model and settings, with anything given over them. */
class RunRequestJsonTest {

    private final Recipe quick = Recipes.get("quick");

    @Test
    void aRecipeAloneIsItsModelAndItsSettings() {
        RunRequestJson request = RunRequestJson.parse("{\"recipe\":\"quick\"}");
        assertThat(request.spec()).isEqualTo(quick.model());
        assertThat(request.hyperparameters()).isEqualTo(quick.settings());
    }

    @Test
    void settingsGivenGoOverTheRecipesAndAPresetReplacesItsModel() {
        RunRequestJson request = RunRequestJson.parse(
                "{\"recipe\":\"quick\",\"preset\":\"dense\",\"hyperparameters\":{\"epochs\":1,\"augmentation\":{\"horizontalFlip\":true}}}");
        assertThat(request.spec()).isEqualTo(Presets.get("dense"));
        assertThat(request.hyperparameters()).isEqualTo(quick.settings().withEpochs(1)
                .withAugmentation(new Augmentation(0, 0, true)));
    }

    @Test
    void anUnknownOrMistypedRecipeIsOneLineNamingTheKnownOnes() {
        String known = String.join(", ", Recipes.names());
        assertThatThrownBy(() -> RunRequestJson.parse("{\"recipe\":\"../../quick\"}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("unknown recipe '../../quick' (known: " + known + ")");
        assertThatThrownBy(() -> RunRequestJson.parse("{\"recipe\":7}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("\"recipe\" must be a recipe's name (known: " + known + ")");
        assertThatThrownBy(() -> RunRequestJson.parse("{\"recipe\":\"quick\",\"hyperparameters\":{\"epochz\":1}}"))
                .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("unknown setting 'epochz'");
        assertThatThrownBy(() -> RunRequestJson.parse("{}"))
                .hasMessage("give either a \"preset\" or a \"spec\" (or a \"recipe\"), not neither");
    }

    @Test
    void aPresetOrRecipeIsFittedToADataSetButAGivenSpecIsTakenAsGiven() {
        RunRequestJson preset = RunRequestJson.parse("{\"preset\":\"dense\",\"hyperparameters\":{\"dataset\":\"colour-shapes\"}}");
        assertThat(preset.specGiven()).isFalse();
        assertThat(preset.fittedTo(3, 32, 4).spec()).isEqualTo(Presets.get("dense").forData(3, 32, 4));
        assertThat(preset.fittedTo(3, 32, 4).hyperparameters().dataset()).isEqualTo("colour-shapes");
        RunRequestJson recipe = RunRequestJson.parse("{\"recipe\":\"quick\"}");
        assertThat(recipe.fittedTo(3, 32, 4).spec()).isEqualTo(quick.model().forData(3, 32, 4));

        RunRequestJson spec = RunRequestJson.parse("{\"spec\":{\"name\":\"x\",\"layers\":[{\"type\":\"flatten\"},"
                + "{\"type\":\"dense\",\"units\":10}]}}");
        assertThat(spec.specGiven()).isTrue();
        assertThat(spec.fittedTo(3, 32, 4)).isSameAs(spec);
    }
}
