package org.convlab.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.convlab.account.AccountException;
import org.convlab.classroom.BudgetInput;
import org.convlab.training.queue.RunBudget;

/**
 * The two limits of a run budget as a small form: what a class allows (on the classes page) or the
 * server's defaults (on the admin page). An empty field means the level above decides, which the
 * placeholder shows. Enter in either field saves; a refusal marks the field and says why in one line.
 */
final class BudgetForm extends Div {

    /** Saves what was typed and returns the line saying what now applies; refuses with {@link AccountException}. */
    @FunctionalInterface
    interface Saver {
        String save(String imageEpochs, String waitingRuns);
    }

    final TextField imageEpochs = new TextField(BudgetInput.IMAGE_EPOCHS);
    final TextField waitingRuns = new TextField(BudgetInput.WAITING_RUNS);
    final Button save;
    /** The outcome of the last save: what applies now, or why nothing changed. */
    final Paragraph result = new Paragraph();

    private final Saver saver;

    BudgetForm(String saveLabel, String emptyMeans, Saver saver) {
        this.saver = saver;
        this.save = new Button(saveLabel, e -> save());
        addClassName("budget-form");
        imageEpochs.setHelperText("For example 250,000: 50,000 images for 5 epochs. Empty: "
                + emptyMeans + ". 0: no limit.");
        waitingRuns.setHelperText("Runs one learner may have queued at once, a grid's runs included. Empty: "
                + emptyMeans + ". 0: no limit.");
        for (TextField field : new TextField[] {imageEpochs, waitingRuns}) {
            field.setClearButtonVisible(true);
            field.setWidth("18em");
            field.addValueChangeListener(e -> field.setInvalid(false));
        }
        imageEpochs.addClassName("budget-image-epochs");
        waitingRuns.addClassName("budget-waiting-runs");
        save.addClickShortcut(Key.ENTER).listenOn(imageEpochs, waitingRuns);
        result.setVisible(false);
        HorizontalLayout fields = new HorizontalLayout(imageEpochs, waitingRuns, save);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(fields, result);
    }

    /**
     * Shows the stored values ({@code null}: not set) with what applies when a field is empty as its
     * placeholder, for example "server default: 250,000".
     */
    void show(Long images, Integer waiting, RunBudget fallback, String fallbackName) {
        imageEpochs.setValue(images == null ? "" : BudgetInput.describe(images).replace("no limit", "0"));
        waitingRuns.setValue(waiting == null ? "" : BudgetInput.describe(waiting).replace("no limit", "0"));
        imageEpochs.setPlaceholder(fallbackName + ": " + BudgetInput.describe(fallback.maxImageEpochs()));
        waitingRuns.setPlaceholder(fallbackName + ": " + BudgetInput.describe(fallback.maxWaitingRuns()));
        imageEpochs.setInvalid(false);
        waitingRuns.setInvalid(false);
    }

    void save() {
        imageEpochs.setInvalid(false);
        waitingRuns.setInvalid(false);
        try {
            result.setText(saver.save(imageEpochs.getValue(), waitingRuns.getValue()));
            result.setClassName("callout-success");
            result.getElement().setAttribute("role", "status");
        } catch (AccountException e) {
            TextField wrong = e.getMessage().startsWith(BudgetInput.WAITING_RUNS) ? waitingRuns
                    : e.getMessage().startsWith(BudgetInput.IMAGE_EPOCHS) ? imageEpochs : null;
            if (wrong != null) {
                wrong.setErrorMessage(e.getMessage());
                wrong.setInvalid(true);
            }
            result.setText("Nothing was changed: " + e.getMessage());
            result.setClassName("callout-error");
            result.getElement().setAttribute("role", "alert");
        }
        result.setVisible(true);
    }

    /** What a budget allows, in one line: "at most 250,000 images × epochs a run and 3 waiting runs". */
    static String describe(RunBudget budget) {
        String images = budget.maxImageEpochs() == 0 ? "any number of images × epochs a run"
                : "at most " + BudgetInput.describe(budget.maxImageEpochs()) + " images × epochs a run";
        String waiting = budget.maxWaitingRuns() == 0 ? "any number of waiting runs"
                : "at most " + budget.maxWaitingRuns() + (budget.maxWaitingRuns() == 1 ? " waiting run" : " waiting runs");
        return images + " and " + waiting;
    }
}
