package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.convlab.training.engine.Recipe;
import org.convlab.training.engine.Recipes;

/**
 * The Train page's recipes: one button per recipe fills in its model and settings, and "Why these
 * settings" then explains each choice in a sentence.
 */
final class RecipePanel extends Div {

    final List<Button> buttons = new ArrayList<>();
    /** The chosen recipe's goal and reasons; hidden until one is chosen. */
    final Div why = new Div();
    private final H3 whyTitle = new H3();
    private final Paragraph goal = new Paragraph();
    private final UnorderedList reasons = new UnorderedList();
    /** The recipe whose reasons are shown; null when none is. */
    private Recipe shown;

    RecipePanel(Consumer<Recipe> use) {
        addClassName("recipes");
        Div row = new Div();
        row.addClassName("recipe-buttons");
        for (Recipe recipe : Recipes.all()) {
            Button button = new Button(t(recipe.title()), e -> use.accept(recipe));
            button.setTooltipText(t(recipe.goal()));
            buttons.add(button);
            row.add(button);
        }
        why.addClassNames("recipe-why", "callout-info");
        why.add(whyTitle, goal, reasons);
        why.setVisible(false);
        // Read out when a recipe is chosen, so a screen-reader user hears what changed.
        why.getElement().setAttribute("aria-live", "polite");
        add(new Paragraph(t("training.recipes.intro")), row, why);
    }

    void show(Recipe recipe) {
        whyTitle.setText(t("training.recipes.why", recipe.name()));
        goal.setText(t("training.recipes.goal", t(recipe.goal())));
        reasons.removeAll();
        for (Recipe.Reason reason : recipe.reasons()) {
            Span choice = new Span(t("training.recipes.choice", t(reason.choice())) + " ");
            choice.addClassName("recipe-choice");
            reasons.add(new ListItem(choice, new Span(t(reason.why()))));
        }
        why.setVisible(true);
        shown = recipe;
    }

    /** The reasons are about the recipe's own model: another model chosen, they go. */
    void modelChosen(String preset) {
        if (shown != null && !shown.preset().equals(preset)) {
            why.setVisible(false);
            shown = null;
        }
    }
}
