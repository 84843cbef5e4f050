package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.data.provider.SortDirection;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.convlab.base.ui.Heatmap;
import org.convlab.training.engine.RunStore;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest(properties = "convlab.runs-dir=" + TinyRuns.RUNS_DIR)
class RunsViewTest extends OwnedRunsTest {


    @BeforeAll
    static void runs() {
        TinyRuns.create();
    }

    @Test
    void tableListsEachRunWithItsTestAccuracy() {
        RunsView view = navigate(RunsView.class);
        GridTester<Grid<SavedRun>, SavedRun> table = test((Grid<SavedRun>) view.table);
        assertThat(table.size()).isEqualTo(2);
        double accuracy = RunStore.readRecord(Path.of(TinyRuns.RUNS_DIR, TinyRuns.GOOD)).metrics().testAccuracy();
        int row = rowOf(table, TinyRuns.GOOD);
        assertThat(table.getCellText(row, table.getColumnPosition("Test accuracy")))
                .isEqualTo(RunText.percent(accuracy)).matches("\\d+\\.\\d\\d%");
        assertThat(table.getCellText(row, table.getColumnPosition("Epochs"))).isEqualTo("2");
        assertThat(table.getCellText(row, table.getColumnPosition("Optimizer"))).isEqualTo("adam");
        assertThat(table.isColumnSortable("Test accuracy")).isTrue();
        table.sortByColumn("Params", SortDirection.DESCENDING);
        assertThat(table.getSortDirection("Params")).isEqualTo(SortDirection.DESCENDING);
    }

    @Test
    void tickingTwoRunsOverlaysTheirCurvesAndShowsBothMatrices() {
        RunsView view = navigate(RunsView.class);
        GridTester<Grid<SavedRun>, SavedRun> table = test((Grid<SavedRun>) view.table);
        table.select(0);
        assertThat(find(RunComparison.class, view.comparison).all()).isEmpty();
        table.select(1);
        RunComparison comparison = find(RunComparison.class, view.comparison).single();
        // Both runs share model name and date, so the second is labelled by its folder.
        assertThat(comparison.curves.accuracy.config().seriesNames()).hasSize(4)
                .allMatch(name -> name.endsWith("training") || name.endsWith("validation"));
        assertThat(comparison.curves.loss.config().labels()).containsExactly("1", "2");
        assertThat(find(Heatmap.class, comparison.matrices).all()).hasSize(2);
    }

    private static int rowOf(GridTester<Grid<SavedRun>, SavedRun> table, String id) {
        List<Integer> rows = IntStream.range(0, table.size())
                .filter(i -> table.getRow(i).id().equals(id)).boxed().toList();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }
}
