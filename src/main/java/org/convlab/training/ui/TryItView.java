package org.convlab.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.PixelImage;
import org.convlab.base.ui.Sketchpad;
import org.convlab.dataset.ImageImport;
import org.convlab.training.engine.TrainedModel;
import org.convlab.training.queue.TrainingService;
import org.convlab.training.queue.TrainingService.SavedRun;

/**
 * Draw an item or upload a photo and see what a trained model makes of it. Both go through the
 * same conversion as the data set's own images (trim, scale to 28 pixels, centre, light on dark),
 * and the page shows that 28×28 image, so learners see exactly what the model sees.
 */
@PermitAll
@Route("try")
@PageTitle("Try it yourself · ConvLab")
final class TryItView extends Main {

    final Select<SavedRun> run = new Select<>();
    final Sketchpad sketchpad = new Sketchpad();
    final Button clear = new Button("Clear", VaadinIcon.ERASER.create());
    final Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> received(bytes)));
    final Div seen = new Div();
    final Paragraph verdict = new Paragraph();
    final Chart probabilities = new Chart("Probability of each class for your image");
    final Paragraph problem = new Paragraph();

    /** The last prediction asked for, so tests (and a future "busy" state) can wait on it. */
    CompletableFuture<?> pending = CompletableFuture.completedFuture(null);

    final Div insideModel = new Div();
    /** The whole network explained for the drawn or uploaded image, once a model is open. */
    NetworkExplanation explanation;

    private final TrainingService training;
    private final RunAnalysisService analyses;

    TryItView(TrainingService training, RunAnalysisService analyses) {
        this.training = training;
        this.analyses = analyses;
        addClassNames("page", "try-it");
        add(new H1("Try it yourself"), new Paragraph("Draw an item of clothing, or upload a photo of one, and see "
                + "what a model you trained thinks it is. A shoe drawn sideways or a T-shirt seen from the front "
                + "works best: that is how the data set's pictures look."));
        List<SavedRun> runs = analyses.savedRuns();
        if (runs.isEmpty()) {
            add(new Paragraph("No trained model yet. "), new Anchor("train", "Train one first (a quick run takes a minute) →"));
            return;
        }
        run.setLabel("Model");
        run.setItems(runs);
        run.setItemLabelGenerator(r -> String.format(Locale.ROOT, "%s — %.1f%% test accuracy (%s)",
                r.record().spec().name(), 100 * r.record().metrics().testAccuracy(), r.id()));
        run.setValue(runs.getFirst());
        run.setWidth("32em");

        sketchpad.addChangeListener(e -> classify(e.png()));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            sketchpad.clear();
            seen.removeAll();
            verdict.setText("");
        });
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize((int) ImageImport.MAX_BYTES);
        upload.setUploadButton(new Button("Upload a photo", VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(e -> showProblem("That file was not used: " + e.getErrorMessage()
                + " (PNG or JPEG, at most 5 MB)."));
        problem.addClassName("callout-error");
        problem.setVisible(false);
        seen.addClassName("model-input");
        verdict.addClassName("verdict");

        Div input = new Div(new H2("Your image"), sketchpad, new Div(clear, upload));
        Div output = new Div(new H2("What the model sees"), seen, verdict, probabilities);
        input.addClassName("panel");
        output.addClassName("panel");
        Div columns = new Div(input, output);
        columns.addClassName("side-by-side");
        insideModel.addClassName("inside-model");
        add(run, problem, columns, insideModel);
    }

    private void received(byte[] bytes) {
        getUI().ifPresent(ui -> ui.access(() -> classify(bytes)));
    }

    /** Converts and classifies a picture; a bad file gets a clear message and changes nothing else. */
    void classify(byte[] picture) {
        SavedRun chosen = run.getValue();
        // The picture is prepared as the run's own images were: its size, in colour if they were.
        var shape = chosen.record().spec().inputOrDefault();
        int size = shape.height();
        boolean colour = shape.channels() == 3;
        byte[] image;
        try {
            image = ImageImport.refuseEmpty(ImageImport.toDatasetImage(picture, size, colour));
        } catch (ImageImport.RejectedImage e) {
            showProblem(e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            showProblem("This run's model takes images Try it cannot make (" + shape.channels() + "×" + size + "×"
                    + shape.width() + ").");
            return;
        }
        problem.setVisible(false);
        float[] input = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            input[i] = (image[i] & 0xFF) / 255f;
        }
        seen.removeAll();
        String described = "Your image at " + size + "×" + size + (colour ? " in colour" : "") + ", as the model sees it";
        seen.add(new PixelImage(image, colour ? 3 : 1, size, size, described));
        verdict.setText("Thinking…");
        UI ui = UI.getCurrent();
        pending = training.predict(chosen.dir(), input).whenComplete((prediction, error) -> ui.access(() -> {
            if (error != null) {
                verdict.setText("");
                showProblem("The model could not be used: " + UiUpdates.message(error));
            } else {
                show(prediction);
                lookInside(chosen, input, prediction.classIndex());
            }
        }));
    }

    private void show(TrainedModel.Prediction prediction) {
        float p = prediction.probabilities()[prediction.classIndex()];
        verdict.setText(String.format(Locale.ROOT, "%s (%.0f%% sure)", prediction.className(), 100 * p));
        List<Double> values = new ArrayList<>();
        for (float v : prediction.probabilities()) {
            values.add(Math.round(v * 1000) / 1000.0);
        }
        probabilities.setConfig(ChartConfig.bar(run.getValue().record().classNames())
                .series("probability", values).axes(null, "probability").yMin(0));
    }

    /**
     * Feature maps and Grad-CAM of the image, with the run page's own panels. The first time a run
     * is opened it is measured once on the test set (cached), so this part may take a few seconds.
     */
    private void lookInside(SavedRun chosen, float[] input, int predicted) {
        insideModel.removeAll();
        insideModel.add(new H2("Inside the model"), new Paragraph("Opening the model…"));
        UI ui = UI.getCurrent();
        RunAnalysis.TestImage image = new RunAnalysis.TestImage(-1, predicted, predicted, input);
        analyses.analysis(chosen).whenComplete((analysis, error) -> ui.access(() -> {
            insideModel.removeAll();
            insideModel.add(new H2("Inside the model"));
            if (error != null) {
                insideModel.add(new Paragraph("The model could not be opened: " + UiUpdates.message(error)));
                return;
            }
            List<Integer> convLayers = analysis.filters().stream().map(f -> f.layer()).toList();
            if (convLayers.isEmpty()) {
                insideModel.add(new Paragraph("This model has no convolution layers, so there are no feature maps "
                        + "or heatmaps to show: try a run of a CNN preset such as keras-cnn."));
                return;
            }
            FeatureMapsPanel maps = new FeatureMapsPanel(analyses, chosen, convLayers);
            GradCamPanel cam = new GradCamPanel(analyses, chosen, analysis.classNames());
            explanation = new NetworkExplanation(analyses, chosen);
            insideModel.add(new H2("Feature maps of your image"), maps, new H2("Where did the model look? (Grad-CAM)"), cam,
                    new H2("Every layer, every number"), explanation);
            maps.show(image);
            cam.show(image);
            explanation.show(input);
        }));
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
