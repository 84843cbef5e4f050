package org.convlab.training.ui;

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

    final IntegerField imageNumber = new IntegerField("Test image #");
    final Button random = new Button("Another image", VaadinIcon.REFRESH.create());
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
        imageNumber.setHelperText("0 to " + RunText.count(analysis.testImageCount() - 1));
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
        add(controls, new H3("Feature maps"), new Paragraph("Every conv layer turns the image into one map per "
                        + "filter: bright where the filter found its pattern. Early layers keep the outline; later "
                        + "ones are smaller and more abstract."), featureMaps,
                new H3("Where did the model look? (Grad-CAM)"), gradCam);
    }

    /** Shows test image {@code index} in every panel; completes when all of them have their result. */
    CompletableFuture<Void> inspect(int index) {
        TestImage image = analysis.testImage(index);
        imageNumber.setValue(index);
        chosen.removeAll();
        String names = analysis.classNames().get(image.expected()) + (image.expected() == image.predicted()
                ? ", recognised correctly" : ", taken for " + analysis.classNames().get(image.predicted()));
        chosen.add(Pictures.figure(image.pixels(), analysis.imageShape(), names + ", test image #" + index, names));
        explain.setText("Explain every layer and every number for this image →");
        explain.setHref("runs/" + runId + "/explain?image=" + index);
        return CompletableFuture.allOf(featureMaps.show(image), gradCam.show(image));
    }
}
