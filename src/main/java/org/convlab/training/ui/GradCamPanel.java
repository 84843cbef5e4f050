package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.I18n;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.ModelIntrospector.GradCam;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysis.TestImage;

/**
 * Grad-CAM: where in the image the network found evidence for a class. Starts with the class the
 * model predicted; choosing another class shows what would have argued for that one.
 */
final class GradCamPanel extends Div {

    final ComboBox<String> targetClass = new ComboBox<>(t("run.grad-cam.class"));
    final Div result = new Div();
    private final RunAnalysisService service;
    private final SavedRun run;
    private final List<String> classNames;
    private TestImage image;

    GradCamPanel(RunAnalysisService service, SavedRun run, List<String> classNames) {
        this.service = service;
        this.run = run;
        this.classNames = List.copyOf(classNames);
        addClassName("grad-cam");
        targetClass.setItems(classNames);
        targetClass.setAllowCustomValue(false);
        targetClass.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && image != null) {
                compute(classNames.indexOf(e.getValue()));
            }
        });
        result.addClassName("grad-cam-result");
        add(targetClass, result);
    }

    /** Shows Grad-CAM for the class the model predicted for {@code shown}. */
    CompletableFuture<Void> show(TestImage shown) {
        this.image = shown;
        targetClass.setValue(classNames.get(shown.predicted()));
        return compute(shown.predicted());
    }

    private CompletableFuture<Void> compute(int classIndex) {
        TestImage current = image;
        result.removeAll();
        result.add(new Paragraph(t("run.grad-cam.computing")));
        CompletableFuture<GradCam> cam = service.inspect(run, introspector -> introspector.gradCam(current.pixels(), classIndex));
        return UiUpdates.whenDone(UI.getCurrent(), cam, c -> render(current, c), this::failed);
    }

    private void render(TestImage shown, GradCam cam) {
        if (shown != image) {
            return; // a newer image was chosen while this one was computing
        }
        result.removeAll();
        String className = classNames.get(cam.classIndex());
        // The heatmap has the input's size; the image has 1 plane (grayscale) or 3 (colour) of that size.
        LayerShape shape = LayerShape.image(shown.pixels().length / (cam.height() * cam.width()), cam.height(),
                cam.width());
        Div original = figure(Pictures.of(shown.pixels(), shape, RunText.imageName(shown)), t("run.grad-cam.the-image"));
        Div overlay = figure(GradCamOverlay.image(shown.pixels(), cam.heatmap(), shape,
                t("run.grad-cam.overlay", className, RunText.imageName(shown))), t("run.grad-cam.evidence", className));
        Span cold = new Span(t("run.grad-cam.none"));
        Span bar = new Span();
        bar.addClassName("heatmap-legend-bar");
        bar.getStyle().set("background", ColorScale.cssGradient());
        Div legend = new Div(cold, bar, new Span(t("run.grad-cam.most")));
        legend.addClassName("heatmap-legend");
        Div pictures = new Div(original, overlay);
        pictures.addClassName("grad-cam-pictures");
        result.add(pictures, legend, new Paragraph(t("run.grad-cam.explanation",
                className, I18n.percent(cam.probabilities()[cam.classIndex()], 1), cam.layer(), cam.name(),
                cam.coarseHeight(), cam.coarseWidth())));
    }

    private static Div figure(Component picture, String caption) {
        Span text = new Span(caption);
        text.addClassName("sample-caption");
        Div figure = new Div(picture, text);
        figure.addClassName("sample");
        return figure;
    }

    private void failed(String message) {
        result.removeAll();
        Paragraph problem = new Paragraph(t("run.grad-cam.failed", message));
        problem.addClassName("error-text");
        result.add(problem);
    }
}
