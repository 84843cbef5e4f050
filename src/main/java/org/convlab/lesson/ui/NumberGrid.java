package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.convlab.base.ui.ColorScale;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;

/**
 * A still matrix with every value written in its cell and the cell coloured by value (viridis), for
 * showing an image as the numbers it is made of.
 */
final class NumberGrid extends Div {

    NumberGrid(String caption, Matrix values, ValueFormat format, ColorScale scale) {
        addClassName("number-grid");
        getStyle().set("--cols", String.valueOf(values.cols()));
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", caption + ", " + values.rows() + " by " + values.cols() + " values");
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < values.cols(); c++) {
                double v = values.get(r, c);
                Span cell = new Span(format.format(v));
                cell.getStyle().set("background", scale.color(v)).set("color", scale.textColor(v));
                add(cell);
            }
        }
    }

    /** The text of every cell, row by row, for tests. */
    java.util.List<String> labels() {
        return getChildren().map(c -> c.getElement().getText()).toList();
    }
}
