package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.convlab.training.engine.ModelIntrospector.FeatureMaps;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.training.ui.RunAnalysis.TestImage;

/**
 * What each conv layer makes of one test image: one small grayscale picture per channel (white is
 * that channel's strongest response). Computed on the training worker, then pushed to the page.
 */
final class FeatureMapsPanel extends Div {

    /** More channels than this would bury the page in tiny squares; the rest are counted, not shown. */
    static final int MAX_CHANNELS = 32;

    private final RunAnalysisService service;
    private final SavedRun run;
    private final List<Integer> convLayers;

    FeatureMapsPanel(RunAnalysisService service, SavedRun run, List<Integer> convLayers) {
        this.service = service;
        this.run = run;
        this.convLayers = List.copyOf(convLayers);
        addClassName("feature-maps");
    }

    CompletableFuture<Void> show(TestImage image) {
        removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.getElement().setAttribute("aria-label", t("run.maps.running-label"));
        add(new Paragraph(t("run.maps.running", RunText.imageName(image))), progress);
        CompletableFuture<List<FeatureMaps>> maps = service.inspect(run, introspector -> {
            List<FeatureMaps> all = new ArrayList<>();
            for (int layer : convLayers) {
                all.add(introspector.featureMaps(layer, image.pixels()));
            }
            return all;
        });
        return UiUpdates.whenDone(UI.getCurrent(), maps, this::render, this::failed);
    }

    private void render(List<FeatureMaps> layers) {
        removeAll();
        for (FeatureMaps layer : layers) {
            int shown = Math.min(layer.channels(), MAX_CHANNELS);
            add(new H3(shown < layer.channels()
                    ? t("run.maps.layer-first", layer.layer(), layer.name(), layer.channels(), layer.height(),
                            layer.width(), shown)
                    : t("run.maps.layer", layer.layer(), layer.name(), layer.channels(), layer.height(), layer.width())));
            Div grid = new Div();
            grid.addClassName("feature-map-grid");
            for (int c = 0; c < shown; c++) {
                grid.add(Pictures.stretched(layer.values()[c], layer.height(), layer.width(),
                        t("run.maps.channel", layer.layer(), c + 1)));
            }
            add(grid);
        }
    }

    private void failed(String message) {
        removeAll();
        Paragraph problem = new Paragraph(t("run.maps.failed", message));
        problem.addClassName("error-text");
        add(problem);
    }
}
