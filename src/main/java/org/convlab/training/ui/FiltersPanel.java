package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.ModelIntrospector.FilterImages;

/**
 * The learned kernels of every conv layer as small images: white is the largest weight in the
 * layer, black the smallest. A first-layer kernel looks at the picture itself, so edges and
 * stripes show; deeper kernels have one slice per input channel and are shown averaged over them,
 * each stretched from black to white on its own.
 *
 * <p>Over a colour image the first layer's kernels have a red, a green and a blue slice. As in the
 * usual visualisations (Krizhevsky et al.'s first-layer filters, CS231n), each filter is then one
 * colour picture: its three slices as the red, green and blue of the picture, all scaled together
 * over the layer's smallest and largest weight, so a filter that looks for red is red. The slices
 * themselves, with their numbers, stay one click away.
 */
final class FiltersPanel extends Div {

    /** The families of keys that name an image's three colours, red, green and blue ({@link #colour}). */
    private static final String[] COLOURS = {"run.colour.red.", "run.colour.green.", "run.colour.blue."};

    /** {@code imageChannels}: the input image's channels, 1 (grayscale) or 3 (colour). */
    FiltersPanel(List<FilterImages> layers, int imageChannels) {
        addClassName("filters");
        boolean first = true;
        for (FilterImages layer : layers) {
            // Only the first conv layer reads the image; later ones read maps, even when they are 3.
            boolean colour = first && imageChannels == 3 && layer.channels() == 3;
            first = false;
            H3 title = new H3(colour ? t("run.filters.layer-colour", layer.layer(), layer.filters(), layer.kernel())
                    : layer.channels() == 1 ? t("run.filters.layer", layer.layer(), layer.filters(), layer.kernel())
                    : t("run.filters.layer-averaged", layer.layer(), layer.filters(), layer.kernel(), layer.channels()));
            Div grid = new Div();
            grid.addClassName("filter-grid");
            if (colour) {
                for (int f = 0; f < layer.filters(); f++) {
                    grid.add(colourImage(layer, f));
                }
                add(title, grid, channels(layer));
                continue;
            }
            float[][] shown = layer.channels() == 1 ? layer.weights() : averagedOverChannels(layer);
            for (int f = 0; f < shown.length; f++) {
                grid.add(image(layer, shown[f], f));
            }
            add(title, grid);
        }
        add(new Paragraph(t(imageChannels == 3 ? "run.filters.explanation-colour" : "run.filters.explanation")));
    }

    private static PixelImage image(FilterImages layer, float[] values, int filter) {
        String description = t("run.filters.filter", layer.layer(), filter + 1);
        PixelImage image = layer.channels() == 1
                ? Pictures.of(values, layer.kernel(), layer.kernel(), description)
                : Pictures.stretched(values, layer.kernel(), layer.kernel(), description);
        image.addClassName("filter-image");
        return image;
    }

    /**
     * One filter as an RGB picture: its red, green and blue slices, already scaled to 0..1 over the
     * whole layer, so the colours of the filters compare. Its numbers are in the tooltip.
     */
    static PixelImage colourImage(FilterImages layer, int filter) {
        int k = layer.kernel();
        String description = t("run.filters.filter-colour", layer.layer(), filter + 1);
        PixelImage image = Pictures.of(layer.weights()[filter], LayerShape.image(3, k, k), description);
        StringBuilder numbers = new StringBuilder(description);
        for (int c = 0; c < 3; c++) {
            numbers.append('\n').append(colour(c, "name")).append(": ").append(numbers(layer, filter, c));
        }
        image.setTitle(numbers.toString());
        image.addClassNames("filter-image", "colour-filter");
        return image;
    }

    /** Each colour filter's three slices side by side, black to white over the layer, with their numbers. */
    private static Details channels(FilterImages layer) {
        Div list = new Div();
        list.addClassName("filter-channel-list");
        int k = layer.kernel();
        for (int f = 0; f < layer.filters(); f++) {
            Span name = new Span(t("run.filters.filter-name", f + 1));
            name.addClassName("filter-channel-name");
            Div row = new Div(name);
            row.addClassName("filter-channels");
            for (int c = 0; c < 3; c++) {
                float[] slice = new float[k * k];
                System.arraycopy(layer.weights()[f], c * k * k, slice, 0, k * k);
                PixelImage plane = Pictures.of(slice, k, k, t("run.filters.filter-slice", layer.layer(), f + 1,
                        colour(c, "weights")));
                plane.setTitle(plane.getAlt().orElse("") + ": " + numbers(layer, f, c));
                plane.addClassName("filter-image");
                row.add(plane);
            }
            list.add(row);
        }
        Details details = new Details(t("run.filters.channels"), list);
        details.addClassName("filter-channel-details");
        return details;
    }

    /**
     * Colour {@code channel} (0 red, 1 green, 2 blue) in the reader's words, as {@code what} needs it:
     * "name" ("Red"), "word" ("red"), "weights", "the-channel", "channel" ("The red channel"),
     * "image-channel" ("the image's red channel") or "input-channel".
     */
    static String colour(int channel, String what) {
        return t(COLOURS[channel] + what);
    }

    /** Slice {@code channel} of a filter as the weights it holds, row by row ("0.12 −0.30 …; …"). */
    static String numbers(FilterImages layer, int filter, int channel) {
        int k = layer.kernel();
        float range = layer.max() - layer.min();
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < k; r++) {
            if (r > 0) {
                text.append("; ");
            }
            for (int c = 0; c < k; c++) {
                float scaled = layer.weights()[filter][(channel * k + r) * k + c];
                text.append(c > 0 ? " " : "").append(NeuronTracePanel.n(layer.min() + scaled * range));
            }
        }
        return text.toString();
    }

    /** One k×k image per filter: the mean of its slices, one slice per input channel. */
    private static float[][] averagedOverChannels(FilterImages layer) {
        int area = layer.kernel() * layer.kernel();
        float[][] out = new float[layer.filters()][area];
        for (int f = 0; f < layer.filters(); f++) {
            for (int c = 0; c < layer.channels(); c++) {
                for (int i = 0; i < area; i++) {
                    out[f][i] += layer.weights()[f][c * area + i] / layer.channels();
                }
            }
        }
        return out;
    }
}
