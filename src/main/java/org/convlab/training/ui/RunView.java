package org.convlab.training.ui;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
@PageTitle("Run · ConvLab")
final class RunView extends Main implements BeforeEnterObserver {

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
            add(new H1("Run not found"), new RunProblem("This run cannot be shown", e.getMessage()));
        }
    }

    private void show(SavedRun run) {
        RunRecord record = run.record();
        RunRecord.Metrics metrics = record.metrics();
        Anchor explain = new Anchor("runs/" + run.id() + "/explain", "Explain this model: every layer, every number →");
        explain.addClassName("explain-link");
        add(new H1(RunText.runName(run)), new RunSummary(run, service.datasetName(record.hyperparameters()), download(run)),
                new Paragraph(explain));
        add(new PageSection("Learning curves", "Accuracy and loss after every epoch. Training and validation "
                + "curves that drift apart mean the model is learning its training images by heart (overfitting).",
                new LearningCurves(Map.of(RunText.modelName(record), record))));
        confusion = new ConfusionMatrixPanel(record.classNames(), metrics.confusionMatrix(), true);
        add(new PageSection("Confusion matrix", "Each row is a true class, each column what the model said; the "
                + "diagonal holds the right answers. Colours stop at the largest mistake so the confusions stand "
                + "out. Click a cell to see its images.", confusion));
        add(new PageSection("Precision, recall and F1", "Precision: of the images the model called this class, "
                + "how many were. Recall: of the images of this class, how many it found. F1 balances the two. "
                + "The macro average treats every class alike; the weighted one counts each by its images.",
                new ClassificationReportTable(metrics.report())));
        measured.removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.getElement().setAttribute("aria-label", "Measuring the model on the test images");
        measured.add(new Paragraph("Measuring the model on its test images, to show its mistakes and "
                + "what it learned. This takes a few seconds…"), progress);
        measured.addClassName("measured");
        add(measured);
        measuredShown = UiUpdates.whenDone(UI.getCurrent(), service.analysis(run),
                analysis -> showMeasured(run, analysis),
                problem -> {
                    measured.removeAll();
                    measured.add(new RunProblem("The model of this run cannot be loaded", problem));
                });
    }

    private void showMeasured(SavedRun run, RunAnalysis analysis) {
        measured.removeAll();
        confusion.show(analysis);
        mistakes = new MisclassifiedGallery(analysis.misclassified(), analysis.imageShape(),
                m -> new ProbabilityDialog(m, analysis.imageShape(), analysis.classNames(), this::lookInside).open());
        measured.add(new PageSection("Mistakes", RunText.count(analysis.misclassified().size())
                + " of the " + RunText.count(analysis.testImageCount()) + " test images are misclassified. "
                + "Click one to see how sure the model was.", mistakes));
        List<FilterImages> filters = analysis.filters();
        if (filters.isEmpty()) {
            measured.add(new PageSection("Inside the network", "This model has no conv layers, so it has no "
                    + "filters or feature maps to show and Grad-CAM has nothing to work with. Train a CNN, for "
                    + "instance the keras-cnn preset, to look inside one."));
            return;
        }
        measured.add(new PageSection("Learned filters", null, new FiltersPanel(filters, analysis.imageShape().channels())));
        inspector = new ImageInspector(service, run, analysis, filters.stream().map(FilterImages::layer).toList(),
                new Random());
        measured.add(new PageSection("One image through the network", null, inspector));
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
        link.add(new Button("Download the model (.zip)", VaadinIcon.DOWNLOAD.create()));
        link.addClassName("download-run");
        return link;
    }

    /** The headline numbers and how the run was trained. */
    private static final class RunSummary extends Div {
        RunSummary(SavedRun run, String dataset, Anchor download) {
            RunRecord record = run.record();
            addClassName("run-summary");
            Div stats = new Div(stat("Test accuracy", RunText.percent(record.metrics().testAccuracy())),
                    stat("Test loss", RunText.decimal(record.metrics().testLoss())),
                    stat("Macro F1", RunText.decimal(record.metrics().report().macro().f1())),
                    stat("Parameters", RunText.count(record.params())));
            stats.addClassName("run-stats");
            Paragraph how = new Paragraph("Trained on " + dataset + " · " + RunText.hyperparameters(record.hyperparameters()));
            how.addClassName("run-settings");
            Paragraph when = new Paragraph("Trained " + RunText.date(record.createdAt()) + " on "
                    + RunText.device(record.device()) + " in " + RunText.duration(record.trainSeconds()) + " ("
                    + RunText.count(record.trainImages()) + " training images)"
                    + ("completed".equals(record.stopReason()) ? "" : ", stopped by " + record.stopReason())
                    + " · run " + run.id());
            when.addClassName("muted");
            add(stats, how, when, download);
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
