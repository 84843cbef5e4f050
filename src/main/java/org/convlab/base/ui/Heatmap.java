package org.convlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/**
 * A labelled matrix of numbers with each cell coloured by its value (viridis) and the number written
 * in it, so the colour is a guide and never the only way to read a value. Used for correlations and,
 * later, confusion matrices.
 */
public final class Heatmap extends Div {

    public Heatmap(String caption, List<String> rowLabels, List<String> columnLabels, double[][] values,
            ColorScale scale, String numberFormat) {
        addClassName("heatmap");
        getElement().setAttribute("role", "table");
        getElement().setAttribute("aria-label", caption);
        getStyle().set("--heatmap-columns", String.valueOf(columnLabels.size()));

        Div grid = new Div();
        grid.addClassName("heatmap-grid");
        grid.add(new Span());
        for (String column : columnLabels) {
            Span header = new Span(column);
            header.addClassName("heatmap-column-label");
            header.getElement().setAttribute("role", "columnheader");
            grid.add(header);
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            Span rowHeader = new Span(rowLabels.get(r));
            rowHeader.addClassName("heatmap-row-label");
            rowHeader.getElement().setAttribute("role", "rowheader");
            grid.add(rowHeader);
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                Span cell = new Span(String.format(Locale.ROOT, numberFormat, v));
                cell.addClassName("heatmap-cell");
                cell.getElement().setAttribute("role", "cell");
                cell.getStyle().set("background", scale.color(v)).set("color", scale.textColor(v));
                cell.setTitle(rowLabels.get(r) + " / " + columnLabels.get(c) + ": "
                        + String.format(Locale.ROOT, numberFormat, v));
                grid.add(cell);
            }
        }
        add(grid, legend(scale, numberFormat));
    }

    private static Div legend(ColorScale scale, String numberFormat) {
        Span low = new Span(String.format(Locale.ROOT, numberFormat, scale.min()));
        Span bar = new Span();
        bar.addClassName("heatmap-legend-bar");
        bar.getStyle().set("background", ColorScale.cssGradient());
        Span high = new Span(String.format(Locale.ROOT, numberFormat, scale.max()));
        Div legend = new Div(low, bar, high);
        legend.addClassName("heatmap-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        return legend;
    }
}
