package org.convlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.convlab.base.ui.PixelImage;
import org.convlab.training.engine.ModelIntrospector.FilterImages;

/**
 * The learned kernels of every conv layer as small images: white is the largest weight in the
 * layer, black the smallest. A first-layer kernel looks at the picture itself, so edges and
 * stripes show; deeper kernels have one slice per input channel and are shown averaged over them,
 * each stretched from black to white on its own.
 */
final class FiltersPanel extends Div {

    FiltersPanel(List<FilterImages> layers) {
        addClassName("filters");
        for (FilterImages layer : layers) {
            String kernel = layer.kernel() + "×" + layer.kernel();
            H3 title = new H3("Layer " + layer.layer() + ": " + layer.filters() + " filters of " + kernel
                    + (layer.channels() == 1 ? "" : ", each averaged over its " + layer.channels() + " input channels"));
            Div grid = new Div();
            grid.addClassName("filter-grid");
            float[][] shown = layer.channels() == 1 ? layer.weights() : averagedOverChannels(layer);
            for (int f = 0; f < shown.length; f++) {
                grid.add(image(layer, shown[f], f));
            }
            add(title, grid);
        }
        add(new Paragraph("Each square is one filter: the weights the network learned, white for the largest, "
                + "black for the smallest. A filter with a bright column beside a dark one responds to vertical "
                + "edges; sliding it over the image makes that layer's feature map."));
    }

    private static PixelImage image(FilterImages layer, float[] values, int filter) {
        String description = "Layer " + layer.layer() + ", filter " + (filter + 1);
        PixelImage image = layer.channels() == 1
                ? Pictures.of(values, layer.kernel(), layer.kernel(), description)
                : Pictures.stretched(values, layer.kernel(), layer.kernel(), description);
        image.addClassName("filter-image");
        return image;
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
