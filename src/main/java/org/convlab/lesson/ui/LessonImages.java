package org.convlab.lesson.ui;

import java.util.Optional;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.LabeledImages;
import org.convlab.lesson.Convolution2d;
import org.convlab.lesson.Matrix;

/** Real Fashion-MNIST items for the lessons, as matrices; empty when the data set cannot be loaded. */
final class LessonImages {

    /** Test item 0, an ankle boot: strong edges, and the same item on every visit. */
    static final int ITEM = 0;

    private LessonImages() {}

    record Item(String className, int index, Matrix pixels) {

        /** Pixels divided by 255 and rounded to one decimal, so every sum can be followed by hand. */
        Matrix scaledToTenths() {
            return pixels.map(v -> Math.round(v / 255 * 10) / 10.0);
        }

        /** What a first conv layer might see: the vertical-edge kernel's 26×26 map, with negatives. */
        Matrix edgeMap() {
            return Convolution2d.defaults().apply(scaledToTenths(), ClassicKernel.VERTICAL_EDGE.kernel());
        }
    }

    static Optional<Item> item(DatasetService datasets, int index) {
        if (datasets.problem().isPresent()) {
            return Optional.empty();
        }
        LabeledImages test = datasets.dataset().test();
        Matrix pixels = Matrix.generate(test.rows(), test.cols(), (r, c) -> test.pixel(index, r, c));
        return Optional.of(new Item(datasets.dataset().className(test.label(index)), index, pixels));
    }
}
