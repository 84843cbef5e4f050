package org.convlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled matrix of numbers with each cell coloured by its value (viridis) and the number written
 * in it, so the colour is a guide and never the only way to read a value. Used for correlations and
 * confusion matrices; cells can be made clickable (a confusion cell opens its images).
 */
public final class Heatmap extends Div {

    /** Told which cell was clicked (or chosen with Enter/Space): its row and column, from 0. */
    @FunctionalInterface
    public interface CellClickListener {
        void cellClicked(int row, int column);
    }

    private final List<List<Span>> cells = new ArrayList<>();

    public Heatmap(String caption, List<String> rowLabels, List<String> columnLabels, double[][] values,
            ColorScale scale, String numberFormat) {
        addClassName("heatmap");
        getElement().setAttribute("role", "table");
        getElement().setAttribute("aria-label", caption);
        getStyle().set("--heatmap-columns", String.valueOf(columnLabels.size()));

        // Each row is a role="row" element that the CSS grid looks through (display: contents), so
        // screen readers read a real table: headers, then rows of cells.
        Div grid = new Div();
        grid.addClassName("heatmap-grid");
        Span corner = new Span();
        corner.getElement().setAttribute("role", "columnheader");
        Div headerRow = row(corner);
        for (String column : columnLabels) {
            Span header = new Span(column);
            header.addClassName("heatmap-column-label");
            header.getElement().setAttribute("role", "columnheader");
            headerRow.add(header);
        }
        grid.add(headerRow);
        for (int r = 0; r < rowLabels.size(); r++) {
            Span rowHeader = new Span(rowLabels.get(r));
            rowHeader.addClassName("heatmap-row-label");
            rowHeader.getElement().setAttribute("role", "rowheader");
            Div row = row(rowHeader);
            grid.add(row);
            List<Span> rowCells = new ArrayList<>();
            cells.add(rowCells);
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                Span cell = new Span(String.format(I18n.locale(), numberFormat, v));
                cell.addClassName("heatmap-cell");
                cell.getElement().setAttribute("role", "cell");
                cell.getStyle().set("background", scale.color(v)).set("color", scale.textColor(v));
                cell.setTitle(rowLabels.get(r) + " / " + columnLabels.get(c) + ": "
                        + String.format(I18n.locale(), numberFormat, v));
                row.add(cell);
                rowCells.add(cell);
            }
        }
        add(grid, legend(scale, numberFormat));
    }

    private static Div row(Span header) {
        Div row = new Div(header);
        row.addClassName("heatmap-row");
        row.getElement().setAttribute("role", "row");
        return row;
    }

    /** The cell at {@code row}, {@code column} (from 0). */
    public Span cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** Makes every cell a button for the mouse and the keyboard. */
    public void addCellClickListener(CellClickListener listener) {
        addClassName("heatmap-clickable");
        for (int r = 0; r < cells.size(); r++) {
            for (int c = 0; c < cells.get(r).size(); c++) {
                int row = r;
                int column = c;
                Span cell = cells.get(r).get(c);
                cell.getElement().setAttribute("tabindex", "0");
                cell.addClickListener(e -> listener.cellClicked(row, column));
                cell.getElement().addEventListener("keydown", e -> listener.cellClicked(row, column))
                        .setFilter("['Enter', ' '].some(key => key === event.key)")
                        .preventDefault();
            }
        }
    }

    private static Div legend(ColorScale scale, String numberFormat) {
        Span low = new Span(String.format(I18n.locale(), numberFormat, scale.min()));
        Span bar = new Span();
        bar.addClassName("heatmap-legend-bar");
        bar.getStyle().set("background", ColorScale.cssGradient());
        Span high = new Span(String.format(I18n.locale(), numberFormat, scale.max()));
        Div legend = new Div(low, bar, high);
        legend.addClassName("heatmap-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        return legend;
    }
}
