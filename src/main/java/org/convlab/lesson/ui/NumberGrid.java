package org.convlab.lesson.ui;

import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.convlab.base.ui.ColorScale;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;

/**
 * A still matrix with every value written in its cell and the cell coloured by value (viridis), for
 * showing an image as the numbers it is made of.
 */
final class NumberGrid extends Div {

    /** Up to this many columns a grid never gets narrower than its 36px cells need on a tablet. */
    static final int FEW_COLUMNS = 8;

    private final Div cells = new Div();

    NumberGrid(String caption, Matrix values, ValueFormat format, ColorScale scale) {
        addClassName("number-grid-frame");
        cells.addClassName("number-grid");
        cells.getStyle().set("--cols", String.valueOf(values.cols()));
        if (values.cols() <= FEW_COLUMNS) {
            // Its cells keep their full size on any screen, so the numbers need not shrink with the window.
            cells.addClassName("few-columns");
        }
        // A table for screen readers, so every value can be read, row by row; the rows are invisible
        // to the CSS grid (display: contents), which lays out the cells.
        cells.getElement().setAttribute("role", "table");
        cells.getElement().setAttribute("aria-label", I18n.t("lesson.grid.aria", caption, values.rows(), values.cols()));
        for (int r = 0; r < values.rows(); r++) {
            Div row = new Div();
            row.addClassName("number-grid-row");
            row.getElement().setAttribute("role", "row");
            for (int c = 0; c < values.cols(); c++) {
                double v = values.get(r, c);
                Span cell = new Span(format.format(v));
                cell.getElement().setAttribute("role", "cell");
                cell.getStyle().set("background", scale.color(v)).set("color", scale.textColor(v));
                row.add(cell);
            }
            cells.add(row);
        }
        Span bar = new Span();
        bar.addClassName("bar");
        bar.getStyle().set("background", ColorScale.cssGradient());
        Div legend = new Div(new Span(format.format(scale.min())), bar, new Span(format.format(scale.max())));
        legend.addClassName("number-grid-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        add(cells, legend);
    }

    /** The text of every cell, row by row, for tests. */
    List<String> labels() {
        return cells.getChildren().flatMap(Component::getChildren).map(c -> c.getElement().getText()).toList();
    }
}
