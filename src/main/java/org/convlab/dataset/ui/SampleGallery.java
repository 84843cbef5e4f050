package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.random.RandomGenerator;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.LabeledImages;


/** A grid of randomly drawn training images (in colour for a colour set), each with its class name underneath. */
final class SampleGallery extends Div {

    static final int SIZE = 24;

    private final Dataset dataset;
    private final RandomGenerator random;

    SampleGallery(Dataset dataset, RandomGenerator random) {
        this.dataset = dataset;
        this.random = random;
        addClassName("sample-gallery");
        reshuffle();
    }

    void reshuffle() {
        removeAll();
        LabeledImages train = dataset.train();
        for (int i = 0; i < SIZE; i++) {
            int index = random.nextInt(train.size());
            String name = dataset.className(train.label(index));
            PixelImage image = new PixelImage(train.image(index), train.channels(), train.rows(), train.cols(),
                    t("dataset.gallery.alt", name, String.valueOf(index)));
            Span caption = new Span(name);
            caption.addClassName("sample-caption");
            Div figure = new Div(image, caption);
            figure.addClassName("sample");
            figure.getElement().setAttribute("data-index", String.valueOf(index));
            add(figure);
        }
    }
}
