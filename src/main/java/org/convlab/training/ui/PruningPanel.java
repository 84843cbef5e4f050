package org.convlab.training.ui;

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
    final IntegerField remove = new IntegerField("Filters to remove");
    final Button prune = new Button("Prune and measure");
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
        add(new Paragraph("Filters whose weights are all small barely change their map, so the network may not miss "
                + "them. Here filters are ranked by the sum of their weights' sizes (their L1 norm, as Li and others "
                + "did in 2017); removing the weakest makes the model smaller — does it stay as accurate?"));
        layer.setLabel("Conv layer");
        layer.setItems(convLayers);
        layer.setItemLabelGenerator(l -> l.layer() + " · " + l.name() + " (" + l.channels() + " filters)");
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
        remove.setHelperText("1 to " + (conv.channels() - 1) + ": at least one filter stays");
        remove.setValue(Math.max(1, conv.channels() / 4));
        ranking.removeAll();
        ranking.add(new Span("Ranking the filters…"));
        ranked = UiUpdates.whenDone(UI.getCurrent(), service.filterRanking(run, conv.layer()), scores -> {
            ranking.removeAll();
            ranking.add(new Span("Weakest first: " + String.join(", ", scores.stream().limit(8)
                    .map(s -> "filter " + (s.filter() + 1) + " (" + NeuronTracePanel.n(s.l1Norm()) + ")").toList())
                    + (scores.size() > 8 ? ", …" : "") + "."));
        }, problem -> ranking.removeAll());
    }

    void prune() {
        LayerOutput conv = layer.getValue();
        Integer k = remove.getValue();
        if (conv == null || k == null || k < 1 || k >= conv.channels()) {
            remove.setInvalid(true);
            remove.setErrorMessage(conv == null ? "Choose a conv layer first."
                    : "Remove between 1 and " + (conv.channels() - 1) + " filters: at least one must stay.");
            return;
        }
        remove.setInvalid(false);
        prune.setEnabled(false);
        result.removeAll();
        result.add(new Paragraph("Removing the " + k + " weakest filters of " + conv.name()
                + " and measuring the smaller model on the test images…"));
        pruned = UiUpdates.whenDone(UI.getCurrent(), service.prune(run, conv.layer(), k), this::show, problem -> {
            prune.setEnabled(true);
            result.removeAll();
            Paragraph p = new Paragraph("The model could not be pruned: " + problem);
            p.addClassName("error-text");
            result.add(p);
        });
    }

    private void show(PrunedOutcome outcome) {
        prune.setEnabled(true);
        result.removeAll();
        double change = 100 * (outcome.accuracyAfter() - outcome.accuracyBefore());
        Paragraph numbers = new Paragraph(outcome.description() + ": test accuracy "
                + RunText.percent(outcome.accuracyBefore()) + " → " + RunText.percent(outcome.accuracyAfter())
                + String.format(java.util.Locale.ROOT, " (%+.2f points)", change) + ", parameters "
                + RunText.count(outcome.paramsBefore()) + " → " + RunText.count(outcome.paramsAfter()) + ".");
        numbers.addClassName("trace-result");
        Anchor link = new Anchor("runs/" + outcome.runId(), "Open the pruned model's run page →");
        result.add(numbers, new Paragraph(new Span("Saved as a new run; your original run is unchanged. "), link),
                new ConfusionMatrixPanel(outcome.classNames(), outcome.confusion(), false));
    }
}
