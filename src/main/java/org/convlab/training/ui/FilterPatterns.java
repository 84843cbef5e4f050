package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.convlab.base.ui.I18n;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.FilterExcitation.Excitation;
import org.convlab.training.engine.FilterExcitation.StrongestImages;
import org.convlab.training.queue.TrainingService.SavedRun;

/**
 * What one filter looks for: its learned weights beside the test images that excite it most, each
 * with the patch the strongest cell sees (its receptive field) outlined and enlarged — the
 * questions deck 000 asks of its filters. Searching a layer takes one pass over the test
 * images, shown with progress; every filter of that layer is then at hand.
 */
final class FilterPatterns extends Div {

    /** Images shown per filter. */
    static final int SHOWN = 8;

    private final RunAnalysisService service;
    private final SavedRun run;
    private final List<String> classNames;
    /** The first conv layer: over a colour image its filters are shown in colour. */
    private final int firstConvLayer;
    final Div result = new Div();
    /** Completes when the chosen filter's images are on the page (for tests). */
    CompletableFuture<Void> shown = CompletableFuture.completedFuture(null);

    FilterPatterns(RunAnalysisService service, SavedRun run, RunAnalysis analysis) {
        this.service = service;
        this.run = run;
        this.classNames = List.copyOf(analysis.classNames());
        this.firstConvLayer = analysis.filters().isEmpty() ? -1 : analysis.filters().getFirst().layer();
        addClassName("filter-patterns");
        result.getElement().setAttribute("aria-live", "polite");
        add(new Paragraph(t("run.patterns.choose")), result);
    }

    /**
     * Shows filter {@code filter} of conv layer {@code layer}: at once if its layer was searched
     * already, otherwise after the learner asks for the search (seconds of the shared worker's time).
     */
    void show(int layer, String layerName, int filter) {
        result.removeAll();
        var known = service.knownStrongestImages(run, layer);
        if (known.isPresent()) {
            render(known.get(), filter);
            return;
        }
        Button find = new Button(t("run.patterns.find", service.testImageCount(run)),
                e -> search(layer, layerName, filter));
        result.add(new H3(t("run.patterns.title", filter + 1, layer, layerName)),
                new Paragraph(t("run.patterns.find-text")), find);
    }

    CompletableFuture<Void> search(int layer, String layerName, int filter) {
        result.removeAll();
        ProgressBar progress = new ProgressBar(0, 1);
        progress.getElement().setAttribute("aria-label", t("run.patterns.searching-label"));
        Paragraph searching = new Paragraph(t("run.patterns.searching", filter + 1, layerName));
        result.add(searching, progress);
        UI ui = UI.getCurrent();
        int total = service.testImageCount(run);
        CompletableFuture<StrongestImages> found = service.strongestImages(run, layer, done -> {
            try {
                ui.access(() -> progress.setValue(Math.min(1, done / (double) total)));
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                // The learner left; the search still finishes and is kept for the next visit.
            }
        });
        shown = UiUpdates.whenDone(ui, found, images -> render(images, filter), problem -> {
            result.removeAll();
            Paragraph p = new Paragraph(t("run.patterns.failed", problem));
            p.addClassName("error-text");
            result.add(p);
        });
        return shown;
    }

    private void render(StrongestImages images, int filter) {
        result.removeAll();
        var weights = images.weights();
        int k = weights.kernel();
        int channels = weights.channels();
        result.add(new H3(t("run.patterns.title", filter + 1, images.layer(), images.name())));
        Div kernel = new Div();
        kernel.addClassName("filter-weights");
        int shownChannels = Math.min(channels, 8);
        // Over a colour image, the first layer's filter reads red, green and blue: shown as one colour
        // picture, then its three slices.
        boolean colour = images.layer() == firstConvLayer && channels == 3
                && service.testImageShape(run).channels() == 3;
        if (colour) {
            kernel.add(FiltersPanel.colourImage(weights, filter));
        }
        for (int c = 0; c < shownChannels; c++) {
            float[] slice = new float[k * k];
            System.arraycopy(weights.weights()[filter], c * k * k, slice, 0, k * k);
            String description = colour ? t("run.patterns.weights-colour", filter + 1, FiltersPanel.colour(c, "word"))
                    : channels > 1 ? t("run.patterns.weights-map", filter + 1, c + 1) : t("run.patterns.weights", filter + 1);
            PixelImage picture = Pictures.of(slice, k, k, description);
            picture.setTitle(picture.getAlt().orElse("") + ": " + FiltersPanel.numbers(weights, filter, c));
            kernel.add(picture);
        }
        Span legend = new Span(colour ? t("run.patterns.legend-colour")
                : channels > 1 ? t("run.patterns.legend-maps", shownChannels, channels) : t("run.patterns.legend"));
        legend.addClassName("muted");
        result.add(kernel, legend);
        if (images.measuredAt() != images.layer()) {
            result.add(new Paragraph(t("run.patterns.measured-after", images.measuredAt())));
        }
        Div gallery = new Div();
        gallery.addClassName("filter-gallery");
        LayerShape shape = service.testImageShape(run);
        for (Excitation e : images.byFilter().get(filter)) {
            gallery.add(figure(e, shape));
        }
        result.add(gallery);
    }

    /** A test image with the strongest cell's patch outlined, and the patch enlarged, in the image's own colours. */
    private Div figure(Excitation e, LayerShape shape) {
        Div frame = new Div();
        frame.addClassName("patch-frame");
        float[] image = service.testImagePixels(run, e.image());
        frame.add(Pictures.of(image, shape, t("run.explain.image", String.valueOf(e.image()))));
        Div box = new Div();
        box.addClassName("patch-box");
        box.getStyle().set("left", pct(e.patch().left(), shape.width())).set("top", pct(e.patch().top(), shape.height()))
                .set("width", pct(e.patch().width(), shape.width())).set("height", pct(e.patch().height(), shape.height()));
        frame.add(box);
        // The patch cut from the whole image, every channel of it.
        float[] patchPixels = Pictures.crop(image, shape, e.patch().top(), e.patch().left(), e.patch().height(),
                e.patch().width());
        Div patch = new Div(Pictures.of(patchPixels, LayerShape.image(shape.channels(), e.patch().height(),
                e.patch().width()), t("run.patterns.patch", e.patch().top() + 1, e.patch().bottom(),
                e.patch().left() + 1, e.patch().right())));
        patch.addClassName("patch-enlarged");
        Span caption = new Span(classNames.get(e.label()) + " #" + e.image() + " · " + I18n.decimal(e.activation(), 2));
        caption.addClassName("sample-caption");
        Div figure = new Div(frame, patch, caption);
        figure.addClassName("patch-figure");
        return figure;
    }

    private static String pct(int pixels, int size) {
        return String.format(Locale.ROOT, "%.3f%%", 100.0 * pixels / size);
    }
}
