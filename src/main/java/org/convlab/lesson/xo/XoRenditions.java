package org.convlab.lesson.xo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.lesson.Matrix;

/**
 * Clean and distorted letters for the lesson on why a network matches small patches rather than
 * the whole picture. A one-pixel shift leaves most of the picture mismatched, yet each stroke is
 * still there, just elsewhere, and the pooled filter maps still find it.
 */
public final class XoRenditions {

    private static final List<Rendition> ALL = List.of(
            new Rendition("x", "X", "The X the three filters were made for.", XoImages.x()),
            new Rendition("o", "O", "An O: a ring with no diagonal crossing.", XoImages.o()),
            new Rendition("x-slanted", "Slanted X",
                    "The X from deck 001, turned a little: its strokes leave the exact diagonals.",
                    XoImages.slantedX()),
            new Rendition("x-shifted", "Shifted X", "The X moved one pixel to the right.",
                    XoImages.shifted(XoImages.x(), 0, 1)),
            new Rendition("x-bold", "Bold X", "The X drawn with a thicker pen.", XoImages.bold(XoImages.x())),
            new Rendition("o-shifted", "Shifted O", "The O moved one pixel to the right.",
                    XoImages.shifted(XoImages.o(), 0, 1)));

    private XoRenditions() {}

    public static List<Rendition> all() {
        return ALL;
    }

    public static Rendition byId(String id) {
        return ALL.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no image '" + id + "'; choose one of "
                        + ALL.stream().map(Rendition::id).toList()));
    }

    public static RenditionComparison compare(Rendition rendition) {
        Map<String, Double> whole = new LinkedHashMap<>();
        whole.put("X", wholeImageMatch(rendition.image(), XoImages.x()));
        whole.put("O", wholeImageMatch(rendition.image(), XoImages.o()));
        return new RenditionComparison(rendition, whole, XoExample.run(rendition.image()));
    }

    /** The mean of image × template over all cells, like one convolution with a 9×9 kernel. */
    public static double wholeImageMatch(Matrix image, Matrix template) {
        if (image.rows() != template.rows() || image.cols() != template.cols()) {
            throw new IllegalArgumentException("the image and the template must have the same size");
        }
        double sum = 0;
        for (int r = 0; r < image.rows(); r++) {
            for (int c = 0; c < image.cols(); c++) {
                sum += image.get(r, c) * template.get(r, c);
            }
        }
        return sum / image.size();
    }
}
