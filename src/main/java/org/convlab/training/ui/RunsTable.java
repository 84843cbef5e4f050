package org.convlab.training.ui;

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
                .setHeader("Model").setKey("model").setComparator(RunText::runName)
                .setSortable(true).setWidth("10em").setFlexGrow(1).setFrozen(true);
        addColumn(datasetName::apply).setHeader("Data set").setKey("Data set").setWidth("9em").setFlexGrow(0)
                .setComparator(datasetName::apply).setSortable(true);
        text("Epochs", "6.5em", r -> String.valueOf(hp(r).epochs()), Comparator.comparingInt(r -> hp(r).epochs()));
        text("Batch", "6em", r -> String.valueOf(hp(r).batchSize()), Comparator.comparingInt(r -> hp(r).batchSize()));
        text("Optimizer", "8em", r -> hp(r).optimizer().toString(), Comparator.comparing(r -> hp(r).optimizer().toString()));
        number("Learning rate", "7em", r -> RunText.learningRate(hp(r)), r -> hp(r).effectiveLearningRate());
        text("Augmentation", "9.5em", r -> RunText.augmentation(hp(r).augmentation()),
                Comparator.comparing(r -> RunText.augmentation(hp(r).augmentation())));
        number("Params", "7em", r -> RunText.count(r.params()), r -> r.params());
        number("Test accuracy", "7.5em", r -> RunText.percent(r.metrics().testAccuracy()), r -> r.metrics().testAccuracy());
        number("Test loss", "6.5em", r -> RunText.decimal(r.metrics().testLoss()), r -> r.metrics().testLoss());
        number("Precision", "7.5em", r -> RunText.decimal(r.metrics().report().macro().precision()),
                r -> r.metrics().report().macro().precision());
        number("Recall", "6.5em", r -> RunText.decimal(r.metrics().report().macro().recall()),
                r -> r.metrics().report().macro().recall());
        number("F1", "5.5em", r -> RunText.decimal(r.metrics().report().macro().f1()), r -> r.metrics().report().macro().f1());
        number("Training time", "7.5em", r -> RunText.duration(r.trainSeconds()), RunRecord::trainSeconds);
        text("Device", "6.5em", r -> RunText.device(r.device()), Comparator.comparing(r -> RunText.device(r.device())));
        text("Date", "10em", r -> RunText.date(r.createdAt()), Comparator.comparing(RunRecord::createdAt));
        setItems(runs);
        setAllRowsVisible(true);
        setColumnReorderingAllowed(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private static Hyperparameters hp(RunRecord record) {
        return record.hyperparameters();
    }

    /** Widths fit the header and its sort arrows: a truncated header would hide what the column is. */
    private void text(String header, String width, Function<RunRecord, String> value, Comparator<RunRecord> order) {
        addColumn(run -> value.apply(run.record())).setHeader(header).setKey(header).setWidth(width).setFlexGrow(0)
                .setComparator((a, b) -> order.compare(a.record(), b.record())).setSortable(true);
    }

    /** A right-aligned column that sorts by the number, not by its text. */
    private void number(String header, String width, Function<RunRecord, String> value,
            ToDoubleFunction<RunRecord> number) {
        addColumn(run -> value.apply(run.record())).setHeader(header).setKey(header).setWidth(width).setFlexGrow(0)
                .setComparator(Comparator.comparingDouble(run -> number.applyAsDouble(run.record())))
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
    }
}
