package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.base.ui.I18n;

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

    final TextField imageEpochs = new TextField(t("classroom.budget.image-epochs"));
    final TextField waitingRuns = new TextField(t("classroom.budget.waiting-runs"));
    final Button save;
    /** The outcome of the last save: what applies now, or why nothing changed. */
    final Paragraph result = new Paragraph();

    private final Saver saver;

    BudgetForm(String saveLabel, String emptyMeans, Saver saver) {
        this.saver = saver;
        this.save = new Button(saveLabel, e -> save());
        addClassName("budget-form");
        imageEpochs.setHelperText(t("classroom.budget.image-epochs.help", emptyMeans));
        waitingRuns.setHelperText(t("classroom.budget.waiting-runs.help", emptyMeans));
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
        // The fields hold what the teacher types back, so they are written as BudgetInput reads them ("250,000").
        imageEpochs.setValue(images == null ? "" : images == 0 ? "0" : BudgetInput.describe(images));
        waitingRuns.setValue(waiting == null ? "" : waiting == 0 ? "0" : BudgetInput.describe(waiting));
        imageEpochs.setPlaceholder(t("classroom.budget.fallback", fallbackName, limit(fallback.maxImageEpochs())));
        waitingRuns.setPlaceholder(t("classroom.budget.fallback", fallbackName, limit(fallback.maxWaitingRuns())));
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
                wrong.setErrorMessage(I18n.message(e));
                wrong.setInvalid(true);
            }
            result.setText(t("classroom.budget.unchanged", I18n.message(e)));
            result.setClassName("callout-error");
            result.getElement().setAttribute("role", "alert");
        }
        result.setVisible(true);
    }

    /** What a budget allows, in one line: "at most 250,000 images × epochs a run and 3 waiting runs". */
    static String describe(RunBudget budget) {
        String images = budget.maxImageEpochs() == 0 ? t("classroom.budget.images.any")
                : t("classroom.budget.images.at-most", budget.maxImageEpochs());
        String waiting = budget.maxWaitingRuns() == 0 ? t("classroom.budget.waiting.any")
                : I18n.count("classroom.budget.waiting.at-most", budget.maxWaitingRuns());
        return t("classroom.budget.allows", images, waiting);
    }

    /** A limit as the page writes it: "250,000", or "no limit" for 0. */
    static String limit(long limit) {
        return limit == 0 ? t("classroom.budget.no-limit") : I18n.integer(limit);
    }
}
