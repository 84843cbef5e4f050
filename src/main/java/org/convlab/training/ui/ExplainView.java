package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.I18n;
import org.convlab.training.engine.Evaluation.Misclassified;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysisService.RunUnavailableException;

/**
 * "Explain my model": a saved run's own network, for one test image, layer by layer and down to
 * any single number's multiply-and-sum. Reached from the run page ({@code ?image=N} picks the
 * image); Try it shows the same explanation for a drawn or uploaded picture.
 */
@PermitAll
@Route("runs/:id/explain")
final class ExplainView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final RunAnalysisService service;
    // Made again on every visit: Vaadin reuses the view between two explain pages.
    IntegerField imageNumber;
    Button mistake;
    Div chosen;
    NetworkExplanation explanation;
    FilterPatterns patterns;
    PruningPanel pruning;
    RunAnalysis analysis;
    /** Counts visits, so a reply meant for an earlier visit is dropped. */
    private long visits;
    /** Complete once the page knows the run and has asked for the first image (for tests). */
    CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);

    ExplainView(RunAnalysisService service) {
        this.service = service;
        addClassNames("page", "explain-page");
    }

    @Override
    public String getPageTitle() {
        return t("run.explain.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        imageNumber = new IntegerField(t("run.inspector.image-number"));
        mistake = new Button(t("run.explain.a-mistake"), VaadinIcon.WARNING.create());
        chosen = new Div();
        explanation = null;
        patterns = null;
        pruning = null;
        analysis = null;
        UI ui = UI.getCurrent();
        long visit = ++visits;
        String id = event.getRouteParameters().get("id").orElse("");
        int image = event.getLocation().getQueryParameters().getSingleParameter("image").map(ExplainView::number)
                .orElse(0);
        SavedRun run;
        try {
            run = service.find(id);
        } catch (RunUnavailableException e) {
            add(new H1(t("run.not-found")), new RunProblem(t("run.explain.cannot"), I18n.message(e)));
            return;
        }
        Anchor xo = new Anchor("learn/x-or-o/network", t("run.explain.xo-link"));
        add(new H1(t("run.explain.title", RunText.modelName(run.record()))), new Paragraph(new Anchor("runs/" + run.id(),
                t("run.explain.back")), new Span(" · "), aroundLink("run.explain.smaller", xo)));
        Paragraph loading = new Paragraph(t("run.explain.opening"));
        add(loading);
        ready = UiUpdates.whenDone(ui, service.analysis(run), a -> {
            if (visit != visits) {
                return; // the learner has moved on to another run meanwhile
            }
            remove(loading);
            analysis = a;
            explanation = new NetworkExplanation(service, run);
            add(controls(a), explanation);
            if (!a.filters().isEmpty()) {
                patterns = new FilterPatterns(service, run, a);
                add(new PageSection(t("run.explain.patterns-title"), null, patterns));
                explanation.addMapChosenListener((layer, channel) -> {
                    if ("conv2d".equals(layer.kind())) {
                        patterns.show(layer.layer(), layer.name(), channel);
                    }
                });
                Div pruningPlace = new Div();
                add(new PageSection(t("run.explain.pruning-title"), null, pruningPlace));
                explanation.addOverviewListener(overview -> {
                    if (pruning == null) {
                        pruning = new PruningPanel(service, run, overview.layers().stream()
                                .filter(l -> "conv2d".equals(l.kind())).toList());
                        pruningPlace.add(pruning);
                    }
                });
            }
            show(image >= 0 && image < a.testImageCount() ? image : 0);
        }, problem -> {
            if (visit != visits) {
                return;
            }
            remove(loading);
            add(new RunProblem(t("run.model-unloadable"), problem));
        });
    }

    private Div controls(RunAnalysis a) {
        imageNumber.setMin(0);
        imageNumber.setMax(a.testImageCount() - 1);
        imageNumber.setStepButtonsVisible(true);
        imageNumber.setHelperText(t("run.inspector.range", a.testImageCount() - 1));
        imageNumber.addValueChangeListener(e -> {
            Integer n = e.getValue();
            if (e.isFromClient() && n != null && n >= 0 && n < a.testImageCount()) {
                show(n);
            }
        });
        List<Misclassified> mistakes = a.misclassified();
        mistake.setEnabled(!mistakes.isEmpty());
        mistake.addClickListener(e -> {
            int next = mistakes.get((int) (Math.random() * mistakes.size())).index();
            show(next);
        });
        Div controls = new Div(imageNumber, mistake, chosen);
        controls.addClassName("inspector-controls");
        chosen.addClassName("inspector-chosen");
        return controls;
    }

    /** Shows test image {@code index}; completes with the overview on the page. */
    CompletableFuture<Void> show(int index) {
        RunAnalysis.TestImage image = analysis.testImage(index);
        imageNumber.setValue(index);
        chosen.removeAll();
        chosen.add(Pictures.figure(image.pixels(), analysis.imageShape(), t("run.explain.image", String.valueOf(index)),
                image.expected() == image.predicted() ? t("run.explain.recognised", analysis.classNames().get(image.expected()))
                        : t("run.inspector.wrong", analysis.classNames().get(image.expected()),
                                analysis.classNames().get(image.predicted()))));
        return explanation.show(image.pixels());
    }

    /** A sentence with a link in it: the words before and after {@code {0}}, in the reader's word order. */
    static Span aroundLink(String key, Anchor link) {
        String marker = "\u0000";
        String sentence = t(key, marker);
        int at = sentence.indexOf(marker);
        return at < 0 ? new Span(new Span(sentence), link)
                : new Span(new Span(sentence.substring(0, at)), link, new Span(sentence.substring(at + marker.length())));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
