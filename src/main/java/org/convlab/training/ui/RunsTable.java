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
import org.convlab.training.Hyperparameters;
import org.convlab.training.RunRecord;
import org.convlab.training.TrainingService.SavedRun;

/**
 * The saved runs as deck 004's comparison table: the model, how it was trained, and how well it
 * did. Every column sorts; the checkboxes pick runs to compare; the model name opens the run.
 */
final class RunsTable extends Grid<SavedRun> {

    RunsTable(List<SavedRun> runs) {
        addClassName("runs-table");
        setSelectionMode(SelectionMode.MULTI);
        addColumn(new ComponentRenderer<>(run -> new RouterLink(RunText.modelName(run.record()), RunView.class,
                new RouteParameters("id", run.id()))))
                .setHeader("Model").setKey("model").setComparator(run -> RunText.modelName(run.record()))
                .setSortable(true).setAutoWidth(true).setFlexGrow(2).setFrozen(true);
        text("Epochs", r -> String.valueOf(hp(r).epochs()), Comparator.comparingInt(r -> hp(r).epochs()));
        text("Batch", r -> String.valueOf(hp(r).batchSize()), Comparator.comparingInt(r -> hp(r).batchSize()));
        text("Optimizer", r -> hp(r).optimizer().toString(), Comparator.comparing(r -> hp(r).optimizer().toString()));
        number("Learning rate", r -> RunText.learningRate(hp(r)), r -> hp(r).effectiveLearningRate());
        text("Augmentation", r -> RunText.augmentation(hp(r).augmentation()),
                Comparator.comparing(r -> RunText.augmentation(hp(r).augmentation())));
        number("Params", r -> RunText.count(r.params()), r -> r.params());
        number("Test accuracy", r -> RunText.percent(r.metrics().testAccuracy()), r -> r.metrics().testAccuracy());
        number("Test loss", r -> RunText.decimal(r.metrics().testLoss()), r -> r.metrics().testLoss());
        number("Precision", r -> RunText.decimal(r.metrics().report().macro().precision()),
                r -> r.metrics().report().macro().precision());
        number("Recall", r -> RunText.decimal(r.metrics().report().macro().recall()),
                r -> r.metrics().report().macro().recall());
        number("F1", r -> RunText.decimal(r.metrics().report().macro().f1()), r -> r.metrics().report().macro().f1());
        number("Training time", r -> RunText.duration(r.trainSeconds()), RunRecord::trainSeconds);
        text("Device", r -> RunText.device(r.device()), Comparator.comparing(r -> RunText.device(r.device())));
        text("Date", r -> RunText.date(r.createdAt()), Comparator.comparing(RunRecord::createdAt));
        setItems(runs);
        setAllRowsVisible(true);
        setColumnReorderingAllowed(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private static Hyperparameters hp(RunRecord record) {
        return record.hyperparameters();
    }

    private void text(String header, Function<RunRecord, String> value, Comparator<RunRecord> order) {
        addColumn(run -> value.apply(run.record())).setHeader(header).setKey(header)
                .setComparator((a, b) -> order.compare(a.record(), b.record())).setSortable(true).setAutoWidth(true);
    }

    /** A right-aligned column that sorts by the number, not by its text. */
    private void number(String header, Function<RunRecord, String> value, ToDoubleFunction<RunRecord> number) {
        addColumn(run -> value.apply(run.record())).setHeader(header).setKey(header)
                .setComparator(Comparator.comparingDouble(run -> number.applyAsDouble(run.record())))
                .setSortable(true).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
    }
}
