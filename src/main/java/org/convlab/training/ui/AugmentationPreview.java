package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Random;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.LabeledImages;
import org.convlab.training.engine.Augmentation;

/**
 * A few training images as the chosen augmentation changes them, next to the originals, in their
 * own colours (a colour image's three planes move together).
 */
final class AugmentationPreview extends Div {

    /** The training images shown, those of them the set has (a drawn set may hold only a few). */
    static final int[] SAMPLES = {0, 1, 2, 3, 4, 5};

    private final Dataset dataset;

    AugmentationPreview(Dataset dataset) {
        this.dataset = dataset;
        addClassName("augmentation-preview");
    }

    void show(Augmentation augmentation) {
        removeAll();
        LabeledImages train = dataset.train();
        Random random = new Random();
        for (int index : SAMPLES) {
            if (index >= train.size()) {
                break;
            }
            float[] image = new float[train.pixelsPerImage()];
            byte[] raw = train.image(index);
            for (int i = 0; i < image.length; i++) {
                image[i] = (raw[i] & 0xFF) / 255f;
            }
            float[] changed = augmentation.applyTo(image, train.channels(), train.rows(), train.cols(), random);
            double[] shown = new double[changed.length];
            for (int i = 0; i < shown.length; i++) {
                shown[i] = changed[i] * 255.0;
            }
            String name = dataset.className(train.label(index));
            Div pair = new Div(
                    new PixelImage(raw, train.channels(), train.rows(), train.cols(), t("training.augmentation.original", name)),
                    new PixelImage(shown, train.channels(), train.rows(), train.cols(), t("training.augmentation.changed", name)),
                    new Span(name));
            pair.addClassName("augmentation-pair");
            add(pair);
        }
    }
}
