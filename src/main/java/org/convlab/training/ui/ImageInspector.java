package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysis.TestImage;

/**
 * One test image through the network: pick it by number (or at random, or from the mistakes), then
 * see the feature maps of every conv layer and the Grad-CAM heatmap of the class it predicted.
 */
final class ImageInspector extends Div {

    final IntegerField imageNumber = new IntegerField(t("run.inspector.image-number"));
    final Button random = new Button(t("run.inspector.another"), VaadinIcon.REFRESH.create());
    final Div chosen = new Div();
    final Anchor explain = new Anchor();
    final FeatureMapsPanel featureMaps;
    final GradCamPanel gradCam;
    private final RunAnalysis analysis;
    private final String runId;

    ImageInspector(RunAnalysisService service, SavedRun run, RunAnalysis analysis, List<Integer> convLayers,
            RandomGenerator randomness) {
        this.analysis = analysis;
        this.runId = run.id();
        addClassName("image-inspector");
        featureMaps = new FeatureMapsPanel(service, run, convLayers);
        gradCam = new GradCamPanel(service, run, analysis.classNames());
        imageNumber.setMin(0);
        imageNumber.setMax(analysis.testImageCount() - 1);
        imageNumber.setStepButtonsVisible(true);
        imageNumber.setHelperText(t("run.inspector.range", analysis.testImageCount() - 1));
        imageNumber.addValueChangeListener(e -> {
            Integer n = e.getValue();
            if (e.isFromClient() && n != null && n >= 0 && n < analysis.testImageCount()) {
                inspect(n);
            }
        });
        random.addClickListener(e -> inspect(randomness.nextInt(analysis.testImageCount())));
        explain.addClassName("explain-link");
        Div controls = new Div(imageNumber, random, chosen, explain);
        controls.addClassName("inspector-controls");
        chosen.addClassName("inspector-chosen");
        add(controls, new H3(t("run.inspector.maps-title")), new Paragraph(t("run.inspector.maps-text")), featureMaps,
                new H3(t("run.inspector.grad-cam-title")), gradCam);
    }

    /** Shows test image {@code index} in every panel; completes when all of them have their result. */
    CompletableFuture<Void> inspect(int index) {
        TestImage image = analysis.testImage(index);
        imageNumber.setValue(index);
        chosen.removeAll();
        String names = image.expected() == image.predicted()
                ? t("run.inspector.right", analysis.classNames().get(image.expected()))
                : t("run.inspector.wrong", analysis.classNames().get(image.expected()),
                        analysis.classNames().get(image.predicted()));
        chosen.add(Pictures.figure(image.pixels(), analysis.imageShape(),
                t("run.image.named", names, String.valueOf(index)), names));
        explain.setText(t("run.inspector.explain-link"));
        explain.setHref("runs/" + runId + "/explain?image=" + index);
        return CompletableFuture.allOf(featureMaps.show(image), gradCam.show(image));
    }
}
