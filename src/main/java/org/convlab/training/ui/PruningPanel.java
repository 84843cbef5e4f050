package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.I18n;
import org.convlab.training.engine.FilterPruning.FilterScore;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysisService.PrunedOutcome;

/**
 * Deck 000's closing thought, tried on the learner's own model: "we can probably get rid of some
 * of these filters and still have the same level of performance". Choose a conv layer and how many
 * of its weakest filters to remove; the smaller model is measured on the test images and saved as
 * a new run, its accuracy and confusion matrix shown beside the original's.
 */
final class PruningPanel extends Div {

    final Select<LayerOutput> layer = new Select<>();
    final IntegerField remove = new IntegerField(t("run.pruning.remove"));
    final Button prune = new Button(t("run.pruning.prune"));
    final Div ranking = new Div();
    final Div result = new Div();
    private final RunAnalysisService service;
    private final SavedRun run;
    /** Completes when the last pruning's result (or problem) is on the page (for tests). */
    CompletableFuture<Void> pruned = CompletableFuture.completedFuture(null);
    CompletableFuture<Void> ranked = CompletableFuture.completedFuture(null);

    PruningPanel(RunAnalysisService service, SavedRun run, List<LayerOutput> convLayers) {
        this.service = service;
        this.run = run;
        addClassName("pruning-panel");
        add(new Paragraph(t("run.pruning.text")));
        layer.setLabel(t("run.pruning.layer"));
        layer.setItems(convLayers);
        layer.setItemLabelGenerator(l -> t("run.pruning.layer-item", l.layer(), l.name(), l.channels()));
        remove.setMin(1);
        remove.setStepButtonsVisible(true);
        layer.addValueChangeListener(e -> chosen(e.getValue()));
        prune.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prune.addClickListener(e -> prune());
        ranking.addClassName("filter-ranking");
        result.getElement().setAttribute("aria-live", "polite");
        Div controls = new Div(layer, remove, prune);
        controls.addClassName("trace-fields");
        add(controls, ranking, result);
        layer.setValue(convLayers.getFirst());
    }

    private void chosen(LayerOutput conv) {
        remove.setMax(conv.channels() - 1);
        remove.setHelperText(t("run.pruning.remove-help", conv.channels() - 1));
        remove.setValue(Math.max(1, conv.channels() / 4));
        ranking.removeAll();
        ranking.add(new Span(t("run.pruning.ranking")));
        ranked = UiUpdates.whenDone(UI.getCurrent(), service.filterRanking(run, conv.layer()), scores -> {
            ranking.removeAll();
            ranking.add(new Span(t("run.pruning.weakest", String.join(", ", scores.stream().limit(8)
                    .map(s -> t("run.pruning.filter-score", s.filter() + 1, NeuronTracePanel.n(s.l1Norm()))).toList())
                    + (scores.size() > 8 ? ", …" : ""))));
        }, problem -> ranking.removeAll());
    }

    void prune() {
        LayerOutput conv = layer.getValue();
        Integer k = remove.getValue();
        if (conv == null || k == null || k < 1 || k >= conv.channels()) {
            remove.setInvalid(true);
            remove.setErrorMessage(conv == null ? t("run.pruning.choose-layer")
                    : t("run.pruning.remove-invalid", conv.channels() - 1));
            return;
        }
        remove.setInvalid(false);
        prune.setEnabled(false);
        result.removeAll();
        result.add(new Paragraph(t("run.pruning.removing", k, conv.name())));
        pruned = UiUpdates.whenDone(UI.getCurrent(), service.prune(run, conv.layer(), k), this::show, problem -> {
            prune.setEnabled(true);
            result.removeAll();
            Paragraph p = new Paragraph(t("run.pruning.failed", problem));
            p.addClassName("error-text");
            result.add(p);
        });
    }

    private void show(PrunedOutcome outcome) {
        prune.setEnabled(true);
        result.removeAll();
        double change = 100 * (outcome.accuracyAfter() - outcome.accuracyBefore());
        Paragraph numbers = new Paragraph(t("run.pruning.outcome", outcome.what(), I18n.percent(outcome.accuracyBefore(), 2),
                I18n.percent(outcome.accuracyAfter(), 2), (change < 0 ? "" : "+") + I18n.decimal(change, 2),
                outcome.paramsBefore(), outcome.paramsAfter()));
        numbers.addClassName("trace-result");
        Anchor link = new Anchor("runs/" + outcome.runId(), t("run.pruning.open"));
        result.add(numbers, new Paragraph(new Span(t("run.pruning.saved") + " "), link),
                new ConfusionMatrixPanel(outcome.classNames(), outcome.confusion(), false));
    }
}
