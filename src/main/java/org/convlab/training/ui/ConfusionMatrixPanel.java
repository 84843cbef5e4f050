package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Arrays;
import java.util.List;
import org.convlab.base.ui.ColorScale;
import org.convlab.base.ui.Heatmap;
import org.convlab.base.ui.I18n;
import org.convlab.training.ui.RunAnalysis.TestImage;

/**
 * The confusion matrix (rows: true class, columns: predicted class). Clicking a cell lists the test
 * images in it, once the run has been measured again ({@link #show(RunAnalysis)}); a click before
 * that is remembered and answered when the images are known.
 */
final class ConfusionMatrixPanel extends Div {

    static final int IMAGES_PER_CELL = 24;

    final Heatmap heatmap;
    final Div cellImages = new Div();
    private final List<String> classNames;
    private RunAnalysis analysis;
    private int[] waitingCell;

    ConfusionMatrixPanel(List<String> classNames, int[][] counts, boolean clickable) {
        this.classNames = classNames;
        addClassName("confusion-matrix");
        heatmap = new Heatmap(t("run.confusion.label"),
                classNames, classNames, asDoubles(counts), scale(counts), "%.0f");
        add(heatmap);
        if (clickable) {
            heatmap.addCellClickListener(this::showCell);
            cellImages.addClassName("cell-images");
            cellImages.getElement().setAttribute("aria-live", "polite");
            add(cellImages);
        }
    }

    /**
     * Colours stop at the largest mistake, so the confusions stand out; the diagonal (hundreds of
     * right answers) would otherwise squeeze every mistake into the darkest colour.
     */
    private static ColorScale scale(int[][] counts) {
        int largestMistake = 1;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                if (r != c) {
                    largestMistake = Math.max(largestMistake, counts[r][c]);
                }
            }
        }
        return new ColorScale(0, largestMistake);
    }

    void show(RunAnalysis measured) {
        this.analysis = measured;
        if (waitingCell != null) {
            showCell(waitingCell[0], waitingCell[1]);
        }
    }

    void showCell(int expected, int predicted) {
        cellImages.removeAll();
        String title = expected == predicted
                ? t("run.confusion.cell-right", classNames.get(expected))
                : t("run.confusion.cell-wrong", classNames.get(expected), classNames.get(predicted));
        cellImages.add(new H3(title));
        if (analysis == null) {
            waitingCell = new int[] {expected, predicted};
            cellImages.add(new Paragraph(t("run.confusion.finding")));
            return;
        }
        waitingCell = null;
        int count = analysis.cellCount(expected, predicted);
        List<TestImage> images = analysis.cell(expected, predicted, IMAGES_PER_CELL);
        cellImages.add(new Paragraph(count == 0 ? t("run.confusion.cell-empty")
                : count <= IMAGES_PER_CELL ? I18n.count("run.confusion.cell-count", count)
                : t("run.confusion.cell-count-first", (long) count, IMAGES_PER_CELL)));
        Div gallery = new Div();
        gallery.addClassName("sample-gallery");
        for (TestImage image : images) {
            Div figure = Pictures.figure(image.pixels(), analysis.imageShape(), t("run.image.in-cell", title, String.valueOf(image.index())), "#" + image.index());
            figure.getElement().setAttribute("data-index", String.valueOf(image.index()));
            gallery.add(figure);
        }
        cellImages.add(gallery);
    }

    private static double[][] asDoubles(int[][] counts) {
        double[][] values = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            values[r] = Arrays.stream(counts[r]).asDoubleStream().toArray();
        }
        return values;
    }
}
