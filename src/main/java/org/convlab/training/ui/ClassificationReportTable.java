package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.ArrayList;
import java.util.List;
import org.convlab.base.ui.I18n;
import org.convlab.training.engine.ClassificationReport;
import org.convlab.training.engine.ClassificationReport.Average;
import org.convlab.training.engine.ClassificationReport.ClassScores;

/** Precision, recall and F1 per class, then the macro and weighted averages, as scikit-learn prints them. */
final class ClassificationReportTable extends Grid<ClassificationReportTable.Row> {

    record Row(String name, double precision, double recall, double f1, long support, boolean average) {}

    ClassificationReportTable(ClassificationReport report) {
        addClassName("classification-report");
        addColumn(Row::name).setHeader(t("run.report.class")).setFlexGrow(2);
        addColumn(r -> I18n.decimal(r.precision(), 4)).setHeader(t("run.report.precision")).setComparator(Row::precision)
                .setSortable(true);
        addColumn(r -> I18n.decimal(r.recall(), 4)).setHeader(t("run.report.recall")).setComparator(Row::recall).setSortable(true);
        addColumn(r -> I18n.decimal(r.f1(), 4)).setHeader(t("run.report.f1")).setComparator(Row::f1).setSortable(true);
        addColumn(r -> I18n.integer(r.support())).setHeader(t("run.report.support"));
        setPartNameGenerator(r -> r.average() ? "average" : null);
        setItems(rows(report));
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }

    static List<Row> rows(ClassificationReport report) {
        List<Row> rows = new ArrayList<>();
        for (ClassScores c : report.classes()) {
            rows.add(new Row(c.name(), c.precision(), c.recall(), c.f1(), c.support(), false));
        }
        rows.add(average(t("run.report.macro"), report.macro(), report.support()));
        rows.add(average(t("run.report.weighted"), report.weighted(), report.support()));
        return rows;
    }

    private static Row average(String name, Average average, long support) {
        return new Row(name, average.precision(), average.recall(), average.f1(), support, true);
    }
}
