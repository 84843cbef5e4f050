package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.convlab.training.engine.Hyperparameters;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.queue.TrainingService.SavedRun;

/**
 * The saved runs as deck 004's comparison table: the model, how it was trained, and how well it
 * did. Every column sorts; the checkboxes pick runs to compare; the model name opens the run.
 */
final class RunsTable extends Grid<SavedRun> {

    RunsTable(List<SavedRun> runs) {
        this(runs, run -> "");
    }

    /** @param datasetName the name of the data set a run trained on, for its column */
    RunsTable(List<SavedRun> runs, Function<SavedRun, String> datasetName) {
        addClassName("runs-table");
        setSelectionMode(SelectionMode.MULTI);
        addColumn(new ComponentRenderer<>(run -> new RouterLink(RunText.runName(run), RunView.class,
                new RouteParameters("id", run.id()))))
                .setHeader(t("training.runs-table.model")).setKey("model").setComparator(RunText::runName)
                .setSortable(true).setWidth("10em").setFlexGrow(1).setFrozen(true);
        addColumn(datasetName::apply).setHeader(t("training.runs-table.dataset")).setKey(t("training.runs-table.dataset")).setWidth("9em").setFlexGrow(0)
                .setComparator(datasetName::apply).setSortable(true);
        text("training.runs-table.epochs", "6.5em", r -> String.valueOf(hp(r).epochs()), Comparator.comparingInt(r -> hp(r).epochs()));
        text("training.runs-table.batch", "6em", r -> String.valueOf(hp(r).batchSize()), Comparator.comparingInt(r -> hp(r).batchSize()));
        text("training.runs-table.optimizer", "8em", r -> hp(r).optimizer().toString(), Comparator.comparing(r -> hp(r).optimizer().toString()));
        number("training.runs-table.learning-rate", "7em", r -> RunText.learningRate(hp(r)), r -> hp(r).effectiveLearningRate());
        text("training.runs-table.augmentation", "9.5em", r -> RunText.augmentation(hp(r).augmentation()),
                Comparator.comparing(r -> RunText.augmentation(hp(r).augmentation())));
        number("training.runs-table.params", "7em", r -> RunText.count(r.params()), r -> r.params());
        number("training.runs-table.test-accuracy", "7.5em", r -> RunText.percent(r.metrics().testAccuracy()), r -> r.metrics().testAccuracy());
        number("training.runs-table.test-loss", "6.5em", r -> RunText.decimal(r.metrics().testLoss()), r -> r.metrics().testLoss());
        number("training.runs-table.precision", "7.5em", r -> RunText.decimal(r.metrics().report().macro().precision()),
                r -> r.metrics().report().macro().precision());
        number("training.runs-table.recall", "6.5em", r -> RunText.decimal(r.metrics().report().macro().recall()),
                r -> r.metrics().report().macro().recall());
        number("training.runs-table.f1", "5.5em", r -> RunText.decimal(r.metrics().report().macro().f1()), r -> r.metrics().report().macro().f1());
        number("training.runs-table.training-time", "7.5em", r -> RunText.duration(r.trainSeconds()), RunRecord::trainSeconds);
        text("training.runs-table.device", "6.5em", r -> RunText.device(r.device()), Comparator.comparing(r -> RunText.device(r.device())));
        text("training.runs-table.date", "10em", r -> RunText.date(r.createdAt()), Comparator.comparing(RunRecord::createdAt));
        setItems(runs);
        setAllRowsVisible(true);
        setColumnReorderingAllowed(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private static Hyperparameters hp(RunRecord record) {
        return record.hyperparameters();
    }

    /** Widths fit the header and its sort arrows: a truncated header would hide what the column is. */
    /** {@code header}: the column's key in the bundle; the grid knows the column by its header as shown. */
    private void text(String header, String width, Function<RunRecord, String> value, Comparator<RunRecord> order) {
        addColumn(run -> value.apply(run.record())).setHeader(t(header)).setKey(t(header)).setWidth(width).setFlexGrow(0)
                .setComparator((a, b) -> order.compare(a.record(), b.record())).setSortable(true);
    }

    /** A right-aligned column that sorts by the number, not by its text. */
    private void number(String header, String width, Function<RunRecord, String> value,
            ToDoubleFunction<RunRecord> number) {
        addColumn(run -> value.apply(run.record())).setHeader(t(header)).setKey(t(header)).setWidth(width).setFlexGrow(0)
                .setComparator(Comparator.comparingDouble(run -> number.applyAsDouble(run.record())))
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
    }
}
