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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.upload.UploadI18N;
import org.convlab.base.ui.I18n;
import static org.convlab.base.ui.I18n.t;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
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
final class TryItView extends Main implements HasDynamicTitle {

    final Select<SavedRun> run = new Select<>();
    final Sketchpad sketchpad = new Sketchpad();
    final Button clear = new Button(t("training.try.clear"), VaadinIcon.ERASER.create());
    final Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> received(bytes)));
    final Div seen = new Div();
    final Paragraph verdict = new Paragraph();
    final Chart probabilities = new Chart(t("training.try.chart"));
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
        add(new H1(t("training.try.heading")), new Paragraph(t("training.try.intro")));
        List<SavedRun> runs = analyses.savedRuns();
        if (runs.isEmpty()) {
            add(new Paragraph(t("training.try.no-model") + " "), new Anchor("train", t("training.try.train-first")));
            return;
        }
        run.setLabel(t("training.try.model"));
        run.setItems(runs);
        run.setItemLabelGenerator(r -> t("training.try.run-label", r.record().spec().name(),
                I18n.percent(r.record().metrics().testAccuracy(), 1), r.id()));
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
        upload.setUploadButton(new Button(t("training.try.upload"), VaadinIcon.UPLOAD.create()));
        upload.setI18n(uploadWords());
        upload.addFileRejectedListener(e -> showProblem(t("training.try.rejected", e.getErrorMessage())));
        problem.addClassName("callout-error");
        problem.setVisible(false);
        seen.addClassName("model-input");
        verdict.addClassName("verdict");

        Div input = new Div(new H2(t("training.try.your-image")), sketchpad, new Div(clear, upload));
        Div output = new Div(new H2(t("training.try.model-sees")), seen, verdict, probabilities);
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
            showProblem(I18n.message(e));
            return;
        } catch (IllegalArgumentException e) {
            showProblem(t("training.try.unusable-shape", shape.channels() + "×" + size + "×" + shape.width()));
            return;
        }
        problem.setVisible(false);
        float[] input = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            input[i] = (image[i] & 0xFF) / 255f;
        }
        seen.removeAll();
        String described = t(colour ? "training.try.seen-colour" : "training.try.seen", size + "×" + size);
        seen.add(new PixelImage(image, colour ? 3 : 1, size, size, described));
        verdict.setText(t("training.try.thinking"));
        UI ui = UI.getCurrent();
        pending = training.predict(chosen.dir(), input).whenComplete((prediction, error) -> ui.access(() -> {
            if (error != null) {
                verdict.setText("");
                showProblem(t("training.try.model-unusable", UiUpdates.message(error)));
            } else {
                show(prediction);
                lookInside(chosen, input, prediction.classIndex());
            }
        }));
    }

    private void show(TrainedModel.Prediction prediction) {
        float p = prediction.probabilities()[prediction.classIndex()];
        verdict.setText(t("training.try.verdict", prediction.className(), I18n.percent(p, 0)));
        List<Double> values = new ArrayList<>();
        for (float v : prediction.probabilities()) {
            values.add(Math.round(v * 1000) / 1000.0);
        }
        probabilities.setConfig(ChartConfig.bar(run.getValue().record().classNames())
                .series(t("training.chart.probability"), values).axes(null, t("training.chart.probability")).yMin(0));
    }

    /**
     * Feature maps and Grad-CAM of the image, with the run page's own panels. The first time a run
     * is opened it is measured once on the test set (cached), so this part may take a few seconds.
     */
    private void lookInside(SavedRun chosen, float[] input, int predicted) {
        insideModel.removeAll();
        insideModel.add(new H2(t("training.try.inside")), new Paragraph(t("training.try.opening")));
        UI ui = UI.getCurrent();
        RunAnalysis.TestImage image = new RunAnalysis.TestImage(-1, predicted, predicted, input);
        analyses.analysis(chosen).whenComplete((analysis, error) -> ui.access(() -> {
            insideModel.removeAll();
            insideModel.add(new H2(t("training.try.inside")));
            if (error != null) {
                insideModel.add(new Paragraph(t("training.try.not-opened", UiUpdates.message(error))));
                return;
            }
            List<Integer> convLayers = analysis.filters().stream().map(f -> f.layer()).toList();
            if (convLayers.isEmpty()) {
                insideModel.add(new Paragraph(t("training.try.no-conv")));
                return;
            }
            FeatureMapsPanel maps = new FeatureMapsPanel(analyses, chosen, convLayers);
            GradCamPanel cam = new GradCamPanel(analyses, chosen, analysis.classNames());
            explanation = new NetworkExplanation(analyses, chosen);
            insideModel.add(new H2(t("training.try.feature-maps")), maps, new H2(t("training.try.grad-cam")), cam,
                    new H2(t("training.try.every-layer")), explanation);
            maps.show(image);
            cam.show(image);
            explanation.show(input);
        }));
    }

    @Override
    public String getPageTitle() {
        return t("training.try.page-title");
    }

    /** The photo upload's own words in the page's language. */
    private static UploadI18N uploadWords() {
        UploadI18N words = new UploadI18N();
        words.setAddFiles(new UploadI18N.AddFiles().setOne(t("training.try.upload")).setMany(t("training.try.upload")));
        words.setDropFiles(new UploadI18N.DropFiles().setOne(t("training.try.drop")).setMany(t("training.try.drop")));
        words.setError(new UploadI18N.Error().setTooManyFiles(t("training.upload.too-many"))
                .setFileIsTooBig(t("training.upload.too-big")).setIncorrectFileType(t("training.upload.not-zip")));
        return words;
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
