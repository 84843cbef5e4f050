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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.I18n;
import org.convlab.i18n.Translations;
import org.convlab.training.engine.ModelIntrospector.FilterImages;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysisService.RunUnavailableException;

/**
 * One saved run. What run.json already holds (scores, curves, confusion matrix, report) shows at
 * once; what needs the model (the images behind each confusion cell, the mistakes, filters, feature
 * maps, Grad-CAM) appears when the run has been measured again on the training worker.
 */
@PermitAll
@Route("runs/:id")
final class RunView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final RunAnalysisService service;
    final Div measured = new Div();
    ConfusionMatrixPanel confusion;
    MisclassifiedGallery mistakes;
    ImageInspector inspector;
    /** Completes once the measured parts are on the page (or their problem is). */
    CompletableFuture<Void> measuredShown = CompletableFuture.completedFuture(null);

    RunView(RunAnalysisService service) {
        this.service = service;
        addClassNames("page", "run-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            show(service.find(id));
        } catch (RunUnavailableException e) {
            add(new H1(t("run.not-found")), new RunProblem(t("run.cannot-show"), I18n.message(e)));
        }
    }

    @Override
    public String getPageTitle() {
        return t("run.page-title");
    }

    private void show(SavedRun run) {
        RunRecord record = run.record();
        RunRecord.Metrics metrics = record.metrics();
        Anchor explain = new Anchor("runs/" + run.id() + "/explain", t("run.explain-link"));
        explain.addClassName("explain-link");
        add(new H1(RunText.runName(run)), new RunSummary(run, service.datasetName(record.hyperparameters()), download(run)),
                new Paragraph(explain));
        add(new PageSection(t("run.curves.title"), t("run.curves.explanation"),
                new LearningCurves(Map.of(RunText.modelName(record), record))));
        confusion = new ConfusionMatrixPanel(record.classNames(), metrics.confusionMatrix(), true);
        add(new PageSection(t("run.confusion.title"), t("run.confusion.explanation"), confusion));
        add(new PageSection(t("run.report.title"), t("run.report.explanation"),
                new ClassificationReportTable(metrics.report())));
        measured.removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.getElement().setAttribute("aria-label", t("run.measuring.label"));
        measured.add(new Paragraph(t("run.measuring.text")), progress);
        measured.addClassName("measured");
        add(measured);
        measuredShown = UiUpdates.whenDone(UI.getCurrent(), service.analysis(run),
                analysis -> showMeasured(run, analysis),
                problem -> {
                    measured.removeAll();
                    measured.add(new RunProblem(t("run.model-unloadable"), problem));
                });
    }

    private void showMeasured(SavedRun run, RunAnalysis analysis) {
        measured.removeAll();
        confusion.show(analysis);
        mistakes = new MisclassifiedGallery(analysis.misclassified(), analysis.imageShape(),
                m -> new ProbabilityDialog(m, analysis.imageShape(), analysis.classNames(), this::lookInside).open());
        measured.add(new PageSection(t("run.mistakes.title"), t("run.mistakes.explanation",
                (long) analysis.misclassified().size(), (long) analysis.testImageCount()), mistakes));
        List<FilterImages> filters = analysis.filters();
        if (filters.isEmpty()) {
            measured.add(new PageSection(t("run.inside.title"), t("run.inside.no-conv")));
            return;
        }
        measured.add(new PageSection(t("run.filters.title"), null, new FiltersPanel(filters, analysis.imageShape().channels())));
        inspector = new ImageInspector(service, run, analysis, filters.stream().map(FilterImages::layer).toList(),
                new Random());
        measured.add(new PageSection(t("run.inspector.title"), null, inspector));
        inspector.inspect(analysis.misclassified().isEmpty() ? 0 : analysis.misclassified().getFirst().index());
    }

    private void lookInside(int index) {
        if (inspector != null) {
            inspector.inspect(index);
            inspector.scrollIntoView();
        }
    }

    private static Anchor download(SavedRun run) {
        Anchor link = new Anchor(RunArchive.download(run.id(), run.dir()), "");
        link.add(new Button(t("run.download"), VaadinIcon.DOWNLOAD.create()));
        link.addClassName("download-run");
        return link;
    }

    /** The headline numbers and how the run was trained. */
    private static final class RunSummary extends Div {
        RunSummary(SavedRun run, String dataset, Anchor download) {
            RunRecord record = run.record();
            addClassName("run-summary");
            Div stats = new Div(stat(t("run.stat.test-accuracy"), I18n.percent(record.metrics().testAccuracy(), 2)),
                    stat(t("run.stat.test-loss"), I18n.decimal(record.metrics().testLoss(), 4)),
                    stat(t("run.stat.macro-f1"), I18n.decimal(record.metrics().report().macro().f1(), 4)),
                    stat(t("run.stat.parameters"), I18n.integer(record.params())));
            stats.addClassName("run-stats");
            Paragraph how = new Paragraph(t("run.summary.settings", dataset, RunText.hyperparameters(record.hyperparameters())));
            how.addClassName("run-settings");
            Object[] facts = {RunText.date(record.createdAt()), RunText.device(record.device()),
                    RunText.duration(record.trainSeconds()), (long) record.trainImages(), run.id(),
                    stopReason(record.stopReason())};
            Paragraph when = new Paragraph("completed".equals(record.stopReason()) ? t("run.summary.when", facts)
                    : t("run.summary.when-stopped", facts));
            when.addClassName("muted");
            add(stats, how, when, download);
        }

        /** A stop reason ConvLab writes ("early stopping") in the reader's words; any other as stored. */
        private static String stopReason(String reason) {
            String key = "run.stop-reason." + String.valueOf(reason).replace(' ', '-');
            return Translations.has(key) ? t(key) : String.valueOf(reason);
        }

        private static Div stat(String label, String value) {
            Span number = new Span(value);
            number.addClassName("stat-value");
            Span caption = new Span(label);
            caption.addClassName("stat-label");
            Div stat = new Div(number, caption);
            stat.addClassName("stat");
            return stat;
        }
    }
}
